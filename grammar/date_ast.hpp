#pragma once
// AST of one temporal expression as written ("Nov. 11, 2022", "12/8/2022",
// "last September", "said Thursday"). Plain structs, no Boost: the grammar fills
// them, checker/time_resolve.cpp gives them a meaning. Nothing here resolves a
// date or knows the document date.
#include <cstdint>
#include <string>

namespace factline::grammar::ast {

/// Which construct matched; decides which fields below are set.
enum class DateForm {
    calendar,       // year?, month, day ("Nov 11", "11 November 2022", "2022-11-11")
    numeric,        // first/second/year as written ("12/8/2022"): month-first or day-first
    month_year,     // "September 2022"
    month,          // "in September", "last September"
    year,           // "in 2014" (only after a context word)
    weekday,        // "on Friday", "said Thursday", "next Friday", "Friday's"
    relative_unit,  // "this month", "last year", "earlier this week"
    deictic,        // "yesterday", "today", "tomorrow"
};

enum class Modifier { none, last, this_period, next };
enum class Unit { none, day, week, month, year };

/// One expression. `begin`/`end` are byte offsets into the document and cover
/// the expression without its context word ("in", "on", "said") and without
/// a possessive "'s".
struct DateExpr {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    DateForm form = DateForm::calendar;
    int year = 0;    // 0 = not written
    int month = 0;   // 1..12, 0 = not written
    int day = 0;     // 1..31, 0 = not written
    int first = 0;   // numeric form: the two leading numbers as written
    int second = 0;
    int weekday = -1;  // 0 = Monday … 6 = Sunday, when named
    Modifier modifier = Modifier::none;
    Unit unit = Unit::none;
    int day_offset = 0;    // deictic: -1 yesterday, 0 today, +1 tomorrow
    bool earlier = false;  // "earlier this week"
    bool possessive = false;  // "Friday's"
    std::string context_word;  // the word before it, lower case ("on", "in", "said", …), or ""
};

/// "a/b/yyyy" as written, before any reading is chosen.
struct NumericDate {
    int first = 0;
    char separator = '/';
    int second = 0;
    char separator2 = '/';
    int year = 0;
};

/// "yyyy-mm-dd" or "yyyy/mm/dd".
struct IsoDate {
    int year = 0;
    char separator = '-';
    int month = 0;
    char separator2 = '-';
    int day = 0;
};

}  // namespace factline::grammar::ast
