// The date prefilter is a necessary condition: wherever it says no, the date
// rule itself fails. Checked against the X3 rule at every word start of the
// project's texts and of random prose made of the grammar's words, numbers
// and separators; plus a table of what it lets through and what not.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/date.hpp"
#include "grammar/date_prefilter.hpp"
#include "grammar/parse_date.hpp"
#include "support/read_file.hpp"

namespace {

namespace fs = std::filesystem;
namespace x3 = boost::spirit::x3;

bool may_start_date(std::string_view rest) {
    static const factline::grammar::DatePrefilter prefilter;
    return prefilter.may_start_date(rest);
}

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Word starts of `text` where the prefilter says no but the date rule
/// matches, and weekdays parse_dates finds where may_name_weekday says none.
std::vector<std::string> missed_dates(const std::string& text) {
    std::vector<std::string> missed;
    static const factline::grammar::DatePrefilter prefilter;
    if (!prefilter.may_name_weekday(text)) {
        for (const auto& expr : factline::grammar::parse_dates(text).dates) {
            if (expr.weekday >= 0) missed.push_back("weekday: " + text.substr(expr.begin, expr.end - expr.begin));
        }
    }
    std::vector<factline::grammar::ParseMessage> messages;
    factline::grammar::ParseState state{text.data(), &messages};
    const char* last = text.data() + text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_word_char(text[i]) || (i > 0 && is_word_char(text[i - 1]))) continue;
        if (may_start_date(std::string_view(text).substr(i))) continue;
        factline::grammar::ast::DateExpr expr;
        const char* first = text.data() + i;
        if (x3::parse(first, last, x3::with<factline::grammar::parse_state_tag>(state)[factline::grammar::date_expression()],
                      expr)) {
            missed.push_back(text.substr(i, 40));
        }
    }
    return missed;
}

TEST(DatePrefilter, NeverRejectsWhatTheRuleMatchesInProjectTexts) {
    std::vector<fs::path> roots{fs::path(FACTLINE_SOURCE_DIR) / "fixtures", fs::path(FACTLINE_SHARED_DIR) / "seeds",
                                fs::path(FACTLINE_SHARED_DIR) / "devset"};
    std::size_t files = 0;
    for (const auto& root : roots) {
        if (!fs::is_directory(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.path().extension() != ".txt") continue;
            ++files;
            for (const auto& miss : missed_dates(factline::testing::read_file(entry.path()))) ADD_FAILURE() << entry.path() << ": " << miss;
        }
    }
    EXPECT_GT(files, 0u);
}

TEST(DatePrefilter, NeverRejectsWhatTheRuleMatchesInRandomProse) {
    // Every kind of word the grammar knows, near misses, numbers of each
    // shape, and the separators and blanks between them.
    const std::vector<std::string> words{
        "on", "On", "in", "since", "of", "said", "says", "to", "late", "early", "throughout", "onto", "into",
        "March", "march", "Mar.", "MAY", "May", "may.", "Sept.", "Sept", "sep", "Jan", "jan.", "December", "Decembers",
        "Friday", "friday's", "Fri", "Fri.", "Thurs.", "thu", "Sun", "Sunday", "Mondays", "sat.",
        "last", "this", "next", "Next", "earlier", "later", "Earlier", "laterally", "week", "month", "year", "years",
        "yesterday", "Today", "tomorrow", "todays", "the", "mln", "pct", "dlrs", "offer", "ofMarch",
        "1", "5", "11", "31", "45", "07", "123", "1987", "2022", "12345", "11th", "1st", "2nd", "3rd", "4TH",
        "1sts", "5s", "11/8/2022", "12/8/22", "2022-11-11", "2022/1/5", "1.5", "1.5.1987", "3-4-2022", "2022-13-45",
        "15-20", "1,000", "5,2022", "'s", "\xE2\x80\x99s",
    };
    const std::vector<std::string> between{" ", " ", " ", "  ", "\t", "\xC2\xA0", ", ", ",", ". ", ".", "-", "/",
                                           "\n", "(", "", "'"};
    std::mt19937 random(20221111);
    for (int text_number = 0; text_number < 3000; ++text_number) {
        std::string text;
        const int length = 2 + static_cast<int>(random() % 12);
        for (int w = 0; w < length; ++w) {
            text += words[random() % words.size()];
            if (w + 1 < length || random() % 2 == 0) text += between[random() % between.size()];
        }
        for (const auto& miss : missed_dates(text)) ADD_FAILURE() << "in \"" << text << "\": " << miss;
    }
}

/// What parse_dates finds in [begin, end) of `text`, one "begin-end:context" per expression.
std::vector<std::string> scan(const std::string& text, std::size_t begin, std::size_t end) {
    std::vector<std::string> out;
    for (const auto& e : factline::grammar::parse_dates(text, static_cast<std::uint32_t>(begin),
                                                        static_cast<std::uint32_t>(end)).dates) {
        out.push_back(std::to_string(e.begin) + "-" + std::to_string(e.end) + ":" + e.context_word + "/" +
                      std::to_string(static_cast<int>(e.form)) + "/" + std::to_string(e.weekday) + "/" +
                      std::to_string(e.year) + "/" + std::to_string(e.day));
    }
    return out;
}

TEST(DatePrefilter, SeparatesOnlyWhereNoExpressionRunsAcross) {
    // Wherever separates() says yes, one scan of the whole text finds what
    // the two scans of its halves find; tried at every byte of random prose.
    const std::vector<std::string> words{
        "on", "in", "since", "said", "of", "last", "this", "earlier", "week", "the", "talks",
        "March", "May", "Nov.", "Nov", "Sept.", "Jan.", "Friday", "Friday's", "Fri.", "Thurs.", "Mon", "mon.",
        "1", "11", "11th", "2nd", "2022", "1987", "11/8/2022", "2022-11-11", "1.5.1987", "5,2022", "'s",
    };
    const std::vector<std::string> between{" ", " ", ", ", ". ", ".", ".\n", "\n", "! ", "? ", "\" ", ") ",
                                           "\xE2\x80\x9D ", "\xC2\xA0", "-", "/", "'", ""};
    const factline::grammar::DatePrefilter prefilter;
    std::mt19937 random(20221116);
    std::size_t separated = 0;
    for (int text_number = 0; text_number < 1500; ++text_number) {
        std::string text;
        const int length = 2 + static_cast<int>(random() % 10);
        for (int w = 0; w < length; ++w) text += words[random() % words.size()] + between[random() % between.size()];
        const auto whole = scan(text, 0, text.size());
        for (std::size_t cut = 0; cut <= text.size(); ++cut) {
            if (!prefilter.separates(text, 0, cut)) continue;
            ++separated;
            auto halves = scan(text, 0, cut);
            const auto after = scan(text, cut, text.size());
            halves.insert(halves.end(), after.begin(), after.end());
            EXPECT_EQ(halves, whole) << "cut " << cut << " in \"" << text << "\"";
        }
    }
    EXPECT_GT(separated, 1000u);
}

TEST(DatePrefilter, SeparatesAtEndsOfSentencesThatNoExpressionReads) {
    const factline::grammar::DatePrefilter prefilter;
    const struct {
        const char* text;  // the cut is at '|' (removed)
        bool separates;
    } cases[] = {
        {"said on Friday. |The talks", true},   {"he said.\n|Nov. 11", true},   {"\"We won.\" |Then", true},
        {"on Nov. |11 it rained", false},        {"in Sept. |2022 talks", false}, {"on May. |The", false},
        {"the 11.8. |2022", false},              {"on Thurs. |Nov. 10", false},   {"on the 2nd. |Then", true},
        {"Friday, |Nov. 11", false},             {"since May |2014", false},      {"|Friday", true},
        {"(see above) |Friday", true},           {"Friday|day", false},
    };
    for (const auto& c : cases) {
        std::string text = c.text;
        const std::size_t cut = text.find('|');
        text.erase(cut, 1);
        EXPECT_EQ(prefilter.separates(text, 0, cut), c.separates) << c.text;
    }
}

TEST(DatePrefilter, LetsThroughDateStartsOnly) {
    const struct {
        const char* text;
        bool may;
    } cases[] = {
        {"Nov. 11, 2022", true},      {"March 5", true},        {"May 2022", true},
        {"11/8/2022", true},          {"2022-11-11", true},     {"11th of November", true},
        {"5 March", true},            {"Friday", true},         {"Thurs., Nov. 10", true},
        {"last week", true},          {"this September", true}, {"next Friday", true},
        {"earlier this week", true},  {"yesterday", true},      {"on Friday", true},
        {"since 2014", true},         {"in May", true},         {"of\xC2\xA0" "2014", true},
        {"15 mln dlrs", false},       {"1987 was", false},      {"123 pct", false},
        {"may be", false},            {"this year's", true},    {"this company", false},
        {"later this month", true},   {"later than", false},    {"of the", false},
        {"the", false},               {"in 123", false},        {"1.5 mln", false},
        {"1.5.1987", true},           {"9-9/9 pct", false},     {"12/8/22", false},
        {"2022/1/5", true},           {"2022-11-111", false},   {"11/8/20221", false},
    };
    for (const auto& c : cases) EXPECT_EQ(may_start_date(c.text), c.may) << c.text;
}

TEST(DatePrefilter, MayNameWeekdayExactlyWhereAWordStartsWithOne) {
    // may_name_weekday against its definition (some word start whose letters
    // are a weekday name or abbreviation), on random texts long and short, so
    // that every position of its vector scan and of its byte tail is tried.
    const auto& table = factline::grammar::date_word_table();
    const auto reference = [&](const std::string& text) {
        for (std::size_t s = 0; s < text.size(); ++s) {
            if (s > 0 && is_word_char(text[s - 1])) continue;
            factline::grammar::DateWordTable::Letters letters{};
            std::size_t n = 0;
            for (; s + n < text.size() && std::isalpha(static_cast<unsigned char>(text[s + n])); ++n) {
                if (n < letters.size()) letters[n] = static_cast<char>(text[s + n] | 0x20);
            }
            if ((table.kinds(letters, n) &
                 (factline::grammar::weekday_word | factline::grammar::weekday_abbreviation_word)) != 0) {
                return true;
            }
        }
        return false;
    };
    const std::vector<std::string> words{"the", "Sunday", "sundays", "Fri.", "fri", "FRIDAY", "Thurs", "thu", "th",
                                         "mon", "Monday5", "5Monday", "Sundance", "wed", "Wedding", "sat", "tu",
                                         "said", "x", "Mo", "\xC3\xA9t\xC3\xA9", "sun", "12", "tue"};
    const std::vector<std::string> between{" ", "", ".", "-", "\n", "\xE2\x80\x9C", "  ", "5"};
    const factline::grammar::DatePrefilter prefilter;
    std::mt19937 random(20221117);
    std::size_t named = 0;
    for (int text_number = 0; text_number < 20000; ++text_number) {
        std::string text;
        const int length = 1 + static_cast<int>(random() % 14);
        for (int w = 0; w < length; ++w) {
            // Mostly plain words, so that a weekday may come late or not at all.
            text += random() % 4 == 0 ? words[random() % words.size()] : std::string("the");
            text += between[random() % between.size()];
        }
        const bool expected = reference(text);
        named += expected ? 1 : 0;
        EXPECT_EQ(prefilter.may_name_weekday(text), expected) << "\"" << text << "\"";
    }
    EXPECT_GT(named, 1000u);
    EXPECT_LT(named, 19000u);
}

TEST(DatePrefilter, SeesWeekdayNamesAtWordStartsOnly) {
    const factline::grammar::DatePrefilter prefilter;
    const struct {
        const char* text;
        bool may;
    } cases[] = {
        {"said on Friday", true},   {"FRIDAY", true},        {"Thurs., Nov. 10", true}, {"next Mon.", true},
        {"(Sunday)", true},         {"2022 Sat 5", true},    {"no day named", false},   {"Fridays and", false},
        {"Sundance", false},        {"5Friday", false},      {"", false},               {"weekday", false},
    };
    for (const auto& c : cases) EXPECT_EQ(prefilter.may_name_weekday(c.text), c.may) << c.text;
}

}  // namespace
