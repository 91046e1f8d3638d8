#pragma once
// Rules of the layout grammar: a dateline at the start of a paragraph and a
// date-looking header at the start of a line. Both only record byte ranges
// (STYLE: no meaning in grammars); checker/layout.cpp decides what a match
// means (header line, header + body on one line, …). Prose grammar: >> and |,
// no expectation points, no error handler (a line without a date is no error).
#include "grammar/layout.hpp"
#include "grammar/lexical_def.hpp"

namespace factline::grammar::layout_rules {

using lexical::blank;
using lexical::gap;

/// Sets the TextRange member `Member` of the rule's AST node from the range
/// an x3::raw[] directive matched.
template <auto Member>
struct record {
    template <typename Context>
    void operator()(const Context& context) const {
        const auto& range = x3::_attr(context);
        auto& field = x3::_val(context).*Member;
        field.begin = offset_in_document(context, range.begin());
        field.end = offset_in_document(context, range.end());
    }
};

/// Month names and their usual abbreviations as pages write them ("November",
/// "Nov", "NOVEMBER", "nov"). Spelled out per case: X3's no_case calls
/// std::tolower on every byte, which UTF-8 text must not reach.
inline const x3::symbols<int> month_names({
    {"January", 1}, {"january", 1}, {"JANUARY", 1},
    {"Jan", 1}, {"jan", 1}, {"JAN", 1},
    {"February", 2}, {"february", 2}, {"FEBRUARY", 2},
    {"Feb", 2}, {"feb", 2}, {"FEB", 2},
    {"March", 3}, {"march", 3}, {"MARCH", 3},
    {"Mar", 3}, {"mar", 3}, {"MAR", 3},
    {"April", 4}, {"april", 4}, {"APRIL", 4},
    {"Apr", 4}, {"apr", 4}, {"APR", 4},
    {"May", 5}, {"may", 5}, {"MAY", 5},
    {"June", 6}, {"june", 6}, {"JUNE", 6},
    {"Jun", 6}, {"jun", 6}, {"JUN", 6},
    {"July", 7}, {"july", 7}, {"JULY", 7},
    {"Jul", 7}, {"jul", 7}, {"JUL", 7},
    {"August", 8}, {"august", 8}, {"AUGUST", 8},
    {"Aug", 8}, {"aug", 8}, {"AUG", 8},
    {"September", 9}, {"september", 9}, {"SEPTEMBER", 9},
    {"Sept", 9}, {"sept", 9}, {"SEPT", 9},
    {"Sep", 9}, {"sep", 9}, {"SEP", 9},
    {"October", 10}, {"october", 10}, {"OCTOBER", 10},
    {"Oct", 10}, {"oct", 10}, {"OCT", 10},
    {"November", 11}, {"november", 11}, {"NOVEMBER", 11},
    {"Nov", 11}, {"nov", 11}, {"NOV", 11},
    {"December", 12}, {"december", 12}, {"DECEMBER", 12},
    {"Dec", 12}, {"dec", 12}, {"DEC", 12},
});

// --- dates as header lines write them ------------------------------------
const auto month_word = x3::omit[month_names] >> -x3::lit('.') >> !x3::ascii::alpha;
const auto ordinal_suffix = x3::lit("st") | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH";
const auto day_number = lexical::one_or_two_digits >> -ordinal_suffix >> !x3::ascii::digit;
const auto year_number = lexical::four_digits >> !x3::ascii::digit;
const auto numeric_separator = x3::lit('/') | '-' | '.';
const auto two_digits = x3::uint_parser<int, 10, 2, 2>{};

const auto month_day_year = month_word >> gap >> day_number >> -(*blank >> ',') >> *blank >> year_number;
const auto day_month_year = day_number >> gap >> month_word >> -x3::lit(',') >> gap >> year_number;
const auto year_month_day = year_number >> numeric_separator >> lexical::one_or_two_digits >> numeric_separator >>
                            lexical::one_or_two_digits >> !x3::ascii::digit;
const auto day_month_numeric = lexical::one_or_two_digits >> numeric_separator >> lexical::one_or_two_digits >>
                               numeric_separator >> year_number;
const auto date_with_year = month_day_year | day_month_year | year_month_day | day_month_numeric;
const auto date_without_year = (day_number >> gap >> month_word) | (month_word >> gap >> day_number);

const auto set_date_with_year = [](const auto& context) {
    record<&ast::HeaderDate::date>{}(context);
    x3::_val(context).has_year = true;
};

const auto clock_time = lexical::one_or_two_digits >> ':' >> two_digits >> !x3::ascii::digit;
const auto time_zone = x3::lit("a.m.") | "p.m." | "am" | "pm" | "AM" | "PM" |
                       (x3::ascii::upper >> x3::ascii::upper >> -x3::ascii::upper >> -x3::ascii::upper >> !x3::ascii::alpha);
const auto list_separator = x3::lit('|') | "\xE2\x80\xA2" /* • */ | "\xE2\x80\x93" /* – */ |
                            "\xE2\x80\x94" /* — */ | '-' | ':' | ',';
const auto time_part = *blank >> -(list_separator >> *blank) >>
                       x3::raw[clock_time >> -(*blank >> time_zone)][record<&ast::HeaderDate::time>{}];

// Label and outlet words before the date ("Last Updated:", "Source: BBC News |",
// "Saturday,"). A month name is never a label word, so the date is not eaten.
const auto count_word = [](const auto& context) { ++x3::_val(context).prefix_words; };
const auto label_word = !month_word >> x3::raw[+(x3::ascii::alpha | x3::char_(".'&"))][count_word];
// A time may stand before the date too ("Updated 3:41 PM GMT+3, June 3, 2025"), with a UTC offset after
// its zone word.
const auto utc_offset = x3::char_("+-") >> +x3::ascii::digit >> -(x3::lit(':') >> two_digits);
const auto leading_time = clock_time >> -(*blank >> time_zone);
const auto prefix_item = (leading_time | label_word | list_separator) >> -utc_offset >> *blank;
const auto opening_bracket = x3::lit('[') | '(';
const auto closing_bracket = x3::lit(']') | ')';

// --- datelines -------------------------------------------------------------
const auto capital_word = x3::ascii::upper >> +(x3::ascii::upper | x3::char_(".'") | (x3::lit('-') >> &x3::ascii::upper)) >> !x3::ascii::lower;
const auto capitalised_word = x3::ascii::upper >> +x3::ascii::lower;
const auto country = !(month_word >> gap >> x3::ascii::digit) >> capitalised_word >> *(x3::lit(' ') >> capitalised_word);
const auto place = capital_word >> *(x3::lit(' ') >> capital_word) >> -(x3::lit(',') >> gap >> country);
const auto dateline_date = month_word >> gap >> day_number;
const auto agency_name = +(x3::char_ - x3::char_("()\n\r"));
// TASS writes its agency between slashes after a full stop: "MOSCOW, January 16. /TASS/. There are".
const auto slashed_agency_name = +(x3::char_ - x3::char_("/\n\r"));
const auto dash = x3::lit("--") | "\xE2\x80\x94" /* — */ | "\xE2\x80\x93" /* – */ | "\xE2\x88\x92" /* − */ | '-';

// --- the two entry rules ---------------------------------------------------
const dateline_type dateline = "dateline";
const header_date_type header_date = "header date";

const auto dateline_def =
    *blank >> x3::raw[place][record<&ast::Dateline::place>{}] >>
    -(x3::lit(',') >> gap >> x3::raw[dateline_date][record<&ast::Dateline::date>{}]) >>
    ((x3::lit('.') >> *blank >> '/' >> x3::raw[slashed_agency_name][record<&ast::Dateline::agency>{}] >> '/' >>
      x3::raw[x3::lit('.')][record<&ast::Dateline::separator>{}]) |
     (-(*blank >> '(' >> x3::raw[agency_name][record<&ast::Dateline::agency>{}] >> ')') >>
      ((*blank >> x3::raw[dash][record<&ast::Dateline::separator>{}] >> !x3::ascii::lower) |
       x3::raw[x3::lit(':')][record<&ast::Dateline::separator>{}])));

const auto header_date_def =
    -(x3::raw[opening_bracket][record<&ast::HeaderDate::open_bracket>{}] >> *blank) >>
    x3::raw[x3::repeat(0, 12)[prefix_item]][record<&ast::HeaderDate::prefix>{}] >>
    (x3::raw[date_with_year][set_date_with_year] | x3::raw[date_without_year][record<&ast::HeaderDate::date>{}]) >>
    -time_part >> -(*blank >> x3::raw[closing_bracket][record<&ast::HeaderDate::close_bracket>{}]);

BOOST_SPIRIT_DEFINE(dateline, header_date)

}  // namespace factline::grammar::layout_rules
