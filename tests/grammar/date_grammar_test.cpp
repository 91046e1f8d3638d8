// Date grammar: one line per construct (STYLE.md tables). A date must be
// recognised whole, with the fields it writes; a non-date must parse to
// nothing (a failed parse consumes nothing).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grammar/date.hpp"
#include "grammar/parse_date.hpp"

namespace {

namespace x3 = boost::spirit::x3;
using factline::grammar::parse_dates;
using factline::grammar::parse_whole_date;
using factline::grammar::ast::DateExpr;
using factline::grammar::ast::DateForm;
using factline::grammar::ast::Modifier;
using factline::grammar::ast::Unit;

struct Ymd {
    int year, month, day;
};

void expect_date(const std::string& text, Ymd want, int weekday = -1) {
    SCOPED_TRACE(text);
    const auto expr = parse_whole_date(text);
    ASSERT_TRUE(expr.has_value());
    EXPECT_EQ(expr->form, DateForm::calendar);
    EXPECT_EQ(expr->year, want.year);
    EXPECT_EQ(expr->month, want.month);
    EXPECT_EQ(expr->day, want.day);
    EXPECT_EQ(expr->weekday, weekday);
    EXPECT_EQ(expr->end, text.size());
}

void expect_numeric(const std::string& text, int first, int second, int year) {
    SCOPED_TRACE(text);
    const auto expr = parse_whole_date(text);
    ASSERT_TRUE(expr.has_value());
    EXPECT_EQ(expr->form, DateForm::numeric);
    EXPECT_EQ(expr->first, first);
    EXPECT_EQ(expr->second, second);
    EXPECT_EQ(expr->year, year);
}

/// `text` holds one expression; `covered` is the part its span covers.
DateExpr expect_one(const std::string& text, const std::string& covered, DateForm form) {
    SCOPED_TRACE(text);
    const auto parsed = parse_dates(text);
    EXPECT_EQ(parsed.dates.size(), 1u);
    if (parsed.dates.size() != 1) return {};
    const auto& expr = parsed.dates.front();
    EXPECT_EQ(text.substr(expr.begin, expr.end - expr.begin), covered);
    EXPECT_EQ(expr.form, form);
    return expr;
}

void expect_no_parse(const std::string& text) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(parse_whole_date(text).has_value());
    EXPECT_TRUE(parse_dates(text).dates.empty());
    // The rule itself, where it fails, leaves the iterator where it was (X3's test_failure).
    std::vector<factline::grammar::ParseMessage> messages;
    factline::grammar::ParseState state{text.data(), &messages};
    const char* first = text.data();
    factline::grammar::ast::DateExpr expr;
    if (!x3::parse(first, text.data() + text.size(),
                   x3::with<factline::grammar::parse_state_tag>(state)[factline::grammar::date_expression()], expr)) {
        EXPECT_EQ(first, text.data()) << "a failed parse consumed " << first - text.data() << " bytes";
    }
}

TEST(DateGrammar, CalendarDates) {
    expect_date("Nov 11", {0, 11, 11});
    expect_date("Nov. 11, 2022", {2022, 11, 11});
    expect_date("November 11, 2022", {2022, 11, 11});
    expect_date("11 November 2022", {2022, 11, 11});
    expect_date("8th December, 2022", {2022, 12, 8});
    expect_date("December 09,2022", {2022, 12, 9});
    expect_date("Sept. 30", {0, 9, 30});
    expect_date("Feb. 18, 2022", {2022, 2, 18});
    expect_date("30 September", {0, 9, 30});
    expect_date("2022-11-11", {2022, 11, 11});
    expect_date("2022/09/10", {2022, 9, 10});
    expect_date("NOVEMBER 1st", {0, 11, 1});
    expect_date("Feb 29", {0, 2, 29});
    expect_date("Saturday, 10 September 2022", {2022, 9, 10}, 5);
    expect_date("Thursday, Dec. 8", {0, 12, 8}, 3);
    expect_date("Thu, Dec 8, 2022", {2022, 12, 8}, 3);
}

TEST(DateGrammar, NumericDatesKeepBothReadings) {
    expect_numeric("12/8/2022", 12, 8, 2022);
    expect_numeric("29/11/2022", 29, 11, 2022);
    expect_numeric("11-11-2022", 11, 11, 2022);
    expect_numeric("15/06/2024", 15, 6, 2024);
}

TEST(DateGrammar, NotDates) {
    expect_no_parse("11/31");
    expect_no_parse("31/31/2022");
    expect_no_parse("12/8-2022");
    expect_no_parse("Feb 30");
    expect_no_parse("Feb 29, 2023");
    expect_no_parse("2022-13-01");
    expect_no_parse("September");           // a month alone needs a context word
    expect_no_parse("2014");                // so does a year
    expect_no_parse("of 2500 troops");      // not a year
    expect_no_parse("the Sun newspaper");   // weekday abbreviations only before a date
    expect_no_parse("Decembrists met");
    expect_no_parse("Mayday");
    expect_no_parse("it may rain");
    expect_no_parse("on 45 May");
    expect_no_parse("version 1.2.3");
}

TEST(DateGrammar, MonthsAndYears) {
    auto e = expect_one("in September", "September", DateForm::month);
    EXPECT_EQ(e.month, 9);
    EXPECT_EQ(e.context_word, "in");
    e = expect_one("votes held last September in Moscow", "last September", DateForm::month);
    EXPECT_EQ(e.modifier, Modifier::last);
    e = expect_one("since September 2022.", "September 2022", DateForm::month_year);
    EXPECT_EQ(e.year, 2022);
    e = expect_one("annexed Crimea in 2014.", "2014", DateForm::year);
    EXPECT_EQ(e.year, 2014);
    expect_one("at war since 2014", "2014", DateForm::year);
    expect_one("by the end of 2022,", "2022", DateForm::year);
}

TEST(DateGrammar, RelativeUnits) {
    struct Case {
        const char* text;
        const char* covered;
        Modifier modifier;
        Unit unit;
        bool earlier;
    };
    const Case cases[] = {
        {"later this month", "later this month", Modifier::this_period, Unit::month, true},
        {"a vote last month", "last month", Modifier::last, Unit::month, false},
        {"talks next month", "next month", Modifier::next, Unit::month, false},
        {"annexed last year", "last year", Modifier::last, Unit::year, false},
        {"this year's budget", "this year", Modifier::this_period, Unit::year, false},
        {"said earlier this week", "earlier this week", Modifier::this_period, Unit::week, true},
        {"met last week", "last week", Modifier::last, Unit::week, false},
    };
    for (const auto& c : cases) {
        const auto e = expect_one(c.text, c.covered, DateForm::relative_unit);
        EXPECT_EQ(e.modifier, c.modifier) << c.text;
        EXPECT_EQ(e.unit, c.unit) << c.text;
        EXPECT_EQ(e.earlier, c.earlier) << c.text;
    }
    EXPECT_EQ(expect_one("Yesterday, he said", "Yesterday", DateForm::deictic).day_offset, -1);
    EXPECT_EQ(expect_one("as of today.", "today", DateForm::deictic).day_offset, 0);
    EXPECT_EQ(expect_one("due tomorrow", "tomorrow", DateForm::deictic).day_offset, 1);
}

TEST(DateGrammar, Weekdays) {
    auto e = expect_one("The Kremlin said on Friday that", "Friday", DateForm::weekday);
    EXPECT_EQ(e.weekday, 4);
    EXPECT_EQ(e.context_word, "on");
    e = expect_one("a Russian spokesperson said Thursday.", "Thursday", DateForm::weekday);
    EXPECT_EQ(e.weekday, 3);
    EXPECT_EQ(e.context_word, "said");
    e = expect_one("Friday's talks", "Friday", DateForm::weekday);
    EXPECT_TRUE(e.possessive);
    e = expect_one("Wednesday\xE2\x80\x99s announcement", "Wednesday", DateForm::weekday);
    EXPECT_TRUE(e.possessive);
    EXPECT_EQ(e.weekday, 2);
    e = expect_one("they meet next Friday", "next Friday", DateForm::weekday);
    EXPECT_EQ(e.modifier, Modifier::next);
    EXPECT_EQ(expect_one("ON MONDAY", "MONDAY", DateForm::weekday).weekday, 0);
}

TEST(DateGrammar, ScansProseAndSpansAreDocumentOffsets) {
    const std::string text = "MOSCOW, Nov 11 (Reuters) - The Kremlin said on Friday it took Kherson in September.";
    const auto parsed = parse_dates(text);
    ASSERT_EQ(parsed.dates.size(), 3u);
    EXPECT_EQ(text.substr(parsed.dates[0].begin, parsed.dates[0].end - parsed.dates[0].begin), "Nov 11");
    EXPECT_EQ(parsed.dates[1].weekday, 4);
    EXPECT_EQ(parsed.dates[2].month, 9);
    EXPECT_TRUE(parsed.diagnostics.empty());
    // A sub-range reports offsets of the whole document.
    const auto tail = parse_dates(text, 40, static_cast<std::uint32_t>(text.size()));
    ASSERT_EQ(tail.dates.size(), 2u);
    EXPECT_EQ(tail.dates[0].begin, text.find("Friday"));
    // No date starts inside a word or a number.
    EXPECT_TRUE(parse_dates("Sunday2022 online x2014").dates.empty());
    EXPECT_TRUE(parse_dates("").dates.empty());
}

}  // namespace
