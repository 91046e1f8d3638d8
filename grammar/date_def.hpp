#pragma once
// Definition of the date grammar: one temporal expression of news prose at the
// current position, with the context word before it ("on Friday", "in 2014",
// "said Thursday"). Builds an ast::DateExpr; gives it no meaning (no calendar
// beyond "is this day of this month possible", no document date).
// Prose grammar: only >> and |, a failed parse consumes nothing, no errors.
#include <cstdint>
#include <map>
#include <vector>
#include <string>

#include "grammar/date.hpp"
#include "grammar/date_ast_adapted.hpp"
#include "grammar/date_words.hpp"
#include "grammar/lexical_def.hpp"

namespace factline::grammar::date_rules {

using namespace lexical;

// Closed vocabularies, lower case (matched under no_case).
inline const x3::symbols<int> month_words(
    {{"january", 1},  {"jan", 1},       {"jan.", 1},  {"february", 2}, {"feb", 2},   {"feb.", 2},
     {"march", 3},    {"mar", 3},       {"mar.", 3},  {"april", 4},    {"apr", 4},   {"apr.", 4},
     {"may", 5},      {"june", 6},      {"jun", 6},   {"jun.", 6},     {"july", 7},  {"jul", 7},
     {"jul.", 7},     {"august", 8},    {"aug", 8},   {"aug.", 8},     {"september", 9},
     {"sep", 9},      {"sep.", 9},      {"sept", 9},  {"sept.", 9},    {"october", 10},
     {"oct", 10},     {"oct.", 10},     {"november", 11}, {"nov", 11}, {"nov.", 11},
     {"december", 12}, {"dec", 12},     {"dec.", 12}},
    "month name");

inline const x3::symbols<int> weekday_words(
    {{"monday", 0}, {"tuesday", 1}, {"wednesday", 2}, {"thursday", 3}, {"friday", 4}, {"saturday", 5},
     {"sunday", 6}},
    "weekday name");

// Abbreviations are too ambiguous alone ("Sun", "Wed", "Sat"): only before a date.
inline const x3::symbols<int> weekday_abbreviations(
    {{"mon", 0},  {"mon.", 0},  {"tue", 1},  {"tue.", 1},  {"tues", 1},  {"tues.", 1}, {"wed", 2},
     {"wed.", 2}, {"thu", 3},   {"thu.", 3}, {"thur", 3},  {"thur.", 3}, {"thurs", 3}, {"thurs.", 3},
     {"fri", 4},  {"fri.", 4},  {"sat", 5},  {"sat.", 5},  {"sun", 6},   {"sun.", 6}},
    "weekday abbreviation");

// Words that put what follows in a date context; kept in the AST as written.
inline const x3::symbols<std::string> context_words(
    {{"on", "on"},         {"in", "in"},       {"since", "since"},     {"of", "of"},     {"said", "said"},
     {"says", "says"},     {"by", "by"},       {"until", "until"},     {"till", "till"}, {"from", "from"},
     {"before", "before"}, {"after", "after"}, {"during", "during"},   {"through", "through"},
     {"throughout", "throughout"}, {"early", "early"}, {"late", "late"}, {"to", "to"}},
    "context word");

inline const x3::symbols<ast::Modifier> modifier_words(
    {{"last", ast::Modifier::last}, {"this", ast::Modifier::this_period}, {"next", ast::Modifier::next}},
    "last, this or next");

inline const x3::symbols<ast::Unit> unit_words(
    {{"week", ast::Unit::week}, {"month", ast::Unit::month}, {"year", ast::Unit::year}}, "week, month or year");

// Literal words of the rules below (date_word_kinds lists them too).
inline constexpr char day_month_link[] = "of";  // "11th of November"
inline constexpr char earlier_lead[] = "earlier";  // "earlier this week"
inline constexpr char later_lead[] = "later";

inline const x3::symbols<int> deictic_words({{"yesterday", -1}, {"today", 0}, {"tomorrow", 1}},
                                            "yesterday, today or tomorrow");

/// Days a month can have in `year` (0 = unknown year: February has 29).
constexpr int max_day(int year, int month) {
    constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && year != 0) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

// ---- actions: record what matched in the enclosing rule's DateExpr ----

inline const auto reset = [](auto& ctx) { x3::_val(ctx) = ast::DateExpr{}; };
inline const auto set_context = [](auto& ctx) { x3::_val(ctx).context_word = x3::_attr(ctx); };
inline const auto mark_begin = [](auto& ctx) {
    x3::_val(ctx).begin = offset_in_document(ctx, x3::_where(ctx).begin());
};
inline const auto mark_end = [](auto& ctx) {
    x3::_val(ctx).end = offset_in_document(ctx, x3::_where(ctx).begin());
};
/// Clears what an earlier, failed alternative may have set: every field but
/// `begin` and `context_word`, which are read before the alternatives. Field
/// by field, without moving the string: this runs before every alternative.
inline const auto clear_fields = [](auto& ctx) {
    static const ast::DateExpr cleared;
    auto& expr = x3::_val(ctx);
    expr.end = cleared.end;
    expr.form = cleared.form;
    expr.year = cleared.year;
    expr.month = cleared.month;
    expr.day = cleared.day;
    expr.first = cleared.first;
    expr.second = cleared.second;
    expr.weekday = cleared.weekday;
    expr.modifier = cleared.modifier;
    expr.unit = cleared.unit;
    expr.day_offset = cleared.day_offset;
    expr.earlier = cleared.earlier;
    expr.possessive = cleared.possessive;
};
/// Clears the calendar fields only (keeps a weekday read before the date).
inline const auto clear_calendar = [](auto& ctx) {
    auto& expr = x3::_val(ctx);
    expr.year = expr.month = expr.day = 0;
};
inline const auto set_month = [](auto& ctx) { x3::_val(ctx).month = x3::_attr(ctx); };
// Numbers out of range are not a day or a year ("on 45 May", "of 2500 troops").
inline const auto set_day = [](auto& ctx) {
    x3::_val(ctx).day = x3::_attr(ctx);
    x3::_pass(ctx) = x3::_attr(ctx) >= 1 && x3::_attr(ctx) <= 31;
};
inline const auto set_year = [](auto& ctx) {
    x3::_val(ctx).year = x3::_attr(ctx);
    x3::_pass(ctx) = x3::_attr(ctx) >= 1900 && x3::_attr(ctx) <= 2100;
};
inline const auto set_weekday = [](auto& ctx) { x3::_val(ctx).weekday = x3::_attr(ctx); };
inline const auto set_modifier = [](auto& ctx) { x3::_val(ctx).modifier = x3::_attr(ctx); };
inline const auto set_unit = [](auto& ctx) { x3::_val(ctx).unit = x3::_attr(ctx); };
inline const auto set_earlier = [](auto& ctx) { x3::_val(ctx).earlier = true; };
inline const auto set_possessive = [](auto& ctx) { x3::_val(ctx).possessive = true; };
inline const auto set_offset = [](auto& ctx) {
    x3::_val(ctx).day_offset = x3::_attr(ctx);
    x3::_val(ctx).unit = ast::Unit::day;
};
/// A numeric date needs one possible reading, an ISO date a possible day.
inline const auto set_iso = [](auto& ctx) {
    const ast::IsoDate& iso = x3::_attr(ctx);
    x3::_pass(ctx) = iso.separator == iso.separator2 && iso.year >= 1900 && iso.year <= 2100 && iso.day >= 1 &&
                     iso.day <= max_day(iso.year, iso.month);
    auto& expr = x3::_val(ctx);
    expr.year = iso.year;
    expr.month = iso.month;
    expr.day = iso.day;
};
inline const auto set_numeric = [](auto& ctx) {
    const ast::NumericDate& numeric = x3::_attr(ctx);
    const bool month_first = numeric.second >= 1 && numeric.second <= max_day(numeric.year, numeric.first);
    const bool day_first = numeric.first >= 1 && numeric.first <= max_day(numeric.year, numeric.second);
    x3::_pass(ctx) = numeric.separator == numeric.separator2 && numeric.year >= 1900 && numeric.year <= 2100 &&
                     (month_first || day_first);
    auto& expr = x3::_val(ctx);
    expr.first = numeric.first;
    expr.second = numeric.second;
    expr.year = numeric.year;
};
/// A month-day must be possible ("Feb 30" is not a date).
inline const auto check_month_day = [](auto& ctx) {
    const auto& expr = x3::_val(ctx);
    x3::_pass(ctx) = expr.day >= 1 && expr.day <= max_day(expr.year, expr.month);
};
/// Month or year alone is a date only after a context word ("in May", "since 2014").
inline const auto require_context = [](auto& ctx) {
    const std::string& word = x3::_val(ctx).context_word;
    x3::_pass(ctx) = !word.empty() && word != "on" && word != "said" && word != "says";
};
inline auto set_form(ast::DateForm form) {
    return [form](auto& ctx) { x3::_val(ctx).form = form; };
}

// ---- rules ----

const x3::rule<class month_name_class, int> month_name = "month name";
const x3::rule<class weekday_name_class, int> weekday_name = "weekday name";
const x3::rule<class weekday_any_class, int> weekday_any = "weekday";
const x3::rule<class day_of_month_class, int> day_of_month = "day of the month";
const x3::rule<class year_number_class, int> year_number = "year";
const x3::rule<class numeric_date_class, ast::NumericDate> numeric_date = "numeric date";
const x3::rule<class iso_date_class, ast::IsoDate> iso_date = "ISO date";
const date_expression_type date_expression = "date";

const auto month_name_def = x3::no_case[month_words] >> word_end;
const auto weekday_name_def = x3::no_case[weekday_words] >> word_end;
const auto weekday_any_def = (x3::no_case[weekday_words] | x3::no_case[weekday_abbreviations]) >> word_end;
const auto day_of_month_def = one_or_two_digits >> -ordinal_suffix >> word_end;
const auto year_number_def = four_digits >> word_end;
const auto numeric_date_def = one_or_two_digits >> x3::char_("/.-") >> one_or_two_digits >> x3::char_("/.-") >>
                              four_digits >> word_end;
const auto iso_date_def = four_digits >> x3::char_("/.-") >> one_or_two_digits >> x3::char_("/.-") >>
                          one_or_two_digits >> word_end;

// ", 2022", ",2022" or " 2022" after a month and day.
const auto year_after = (x3::lit(',') >> *blank | gap) >> year_number[set_year];

const auto month_day = month_name[set_month] >> gap >> day_of_month[set_day] >> -year_after >> x3::eps[check_month_day];
const auto day_month = day_of_month[set_day] >> gap >> -(x3::no_case[x3::lit(day_month_link)] >> gap) >>
                       month_name[set_month] >> -year_after >> x3::eps[check_month_day];
const auto calendar_date = iso_date[set_iso] >> x3::eps[set_form(ast::DateForm::calendar)] |
                           numeric_date[set_numeric] >> x3::eps[set_form(ast::DateForm::numeric)] |
                           (month_day | x3::eps[clear_calendar] >> day_month) >> x3::eps[set_form(ast::DateForm::calendar)];

const auto weekday_and_date = weekday_any[set_weekday] >> -x3::lit(',') >> gap >> calendar_date;
const auto month_year = month_name[set_month] >> gap >> year_number[set_year] >>
                        x3::eps[set_form(ast::DateForm::month_year)];
const auto modifier = x3::no_case[modifier_words][set_modifier] >> gap;
const auto relative_unit = -(x3::no_case[x3::lit(earlier_lead) | later_lead] >> gap)[set_earlier] >> modifier >>
                           x3::no_case[unit_words][set_unit] >> word_end >>
                           x3::eps[set_form(ast::DateForm::relative_unit)];
const auto modified_month = modifier >> month_name[set_month] >> !(gap >> day_of_month) >>
                            x3::eps[set_form(ast::DateForm::month)];
const auto modified_weekday = modifier >> weekday_name[set_weekday] >> x3::eps[set_form(ast::DateForm::weekday)];
const auto deictic = x3::no_case[deictic_words][set_offset] >> word_end >> x3::eps[set_form(ast::DateForm::deictic)];
const auto bare_weekday = weekday_name[set_weekday] >> x3::eps[set_form(ast::DateForm::weekday)];
const auto month_only = month_name[set_month] >> !(gap >> day_of_month) >> x3::eps[require_context] >>
                        x3::eps[set_form(ast::DateForm::month)];
const auto year_only = year_number[set_year] >> x3::eps[require_context] >> x3::eps[set_form(ast::DateForm::year)];

const auto fresh = x3::eps[clear_fields];
const auto any_expression = fresh >> weekday_and_date | fresh >> calendar_date | fresh >> month_year |
                            fresh >> relative_unit | fresh >> modified_month | fresh >> modified_weekday |
                            fresh >> deictic | fresh >> bare_weekday | fresh >> month_only | fresh >> year_only;

const auto date_expression_def = x3::eps[reset] >> -(x3::no_case[context_words][set_context] >> gap) >>
                                x3::eps[mark_begin] >> any_expression >> x3::eps[mark_end] >>
                                -possessive[set_possessive];

BOOST_SPIRIT_DEFINE(month_name, weekday_name, weekday_any, day_of_month, year_number, numeric_date, iso_date,
                    date_expression)

}  // namespace factline::grammar::date_rules

namespace factline::grammar {
// Defined here, not inline: this header is included by date.cpp only.
const date_rules::date_expression_type& date_expression() { return date_rules::date_expression; }

const DateWordTable& date_word_table() {
    static const DateWordTable table = [] {
        std::map<std::string, std::uint16_t> kinds;  // letters before any '.' of each key
        const auto add = [&](const auto& symbols, DateWordKind kind) {
            symbols.for_each([&](const std::string& key, const auto&) {
                std::string letters;
                for (char c : key) {
                    if (c < 'a' || c > 'z') break;
                    letters.push_back(c);
                }
                kinds[letters] |= kind;
            });
        };
        add(date_rules::month_words, month_word);
        add(date_rules::weekday_words, weekday_word);
        add(date_rules::weekday_abbreviations, weekday_abbreviation_word);
        add(date_rules::modifier_words, modifier_word);
        add(date_rules::unit_words, unit_word);
        add(date_rules::deictic_words, deictic_word);
        add(date_rules::context_words, context_word);
        kinds[date_rules::earlier_lead] |= earlier_word;
        kinds[date_rules::later_lead] |= earlier_word;
        kinds[date_rules::day_month_link] |= day_month_link_word;
        return DateWordTable(kinds);
    }();
    return table;
}
}  // namespace factline::grammar
