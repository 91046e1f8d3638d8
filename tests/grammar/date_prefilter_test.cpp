// The date prefilter is a necessary condition: wherever it says no, the date
// rule itself fails. Checked against the X3 rule at every word start of the
// project's texts and of random prose made of the grammar's words, numbers
// and separators; plus a table of what it lets through and what not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/date.hpp"
#include "grammar/date_prefilter.hpp"
#include "grammar/parse_date.hpp"

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

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
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
            for (const auto& miss : missed_dates(read(entry.path()))) ADD_FAILURE() << entry.path() << ": " << miss;
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
