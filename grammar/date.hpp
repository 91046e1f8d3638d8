#pragma once
// The date grammar's rule type and accessor (X3 allowed here; checker/ uses
// parse_date.hpp instead). One expression starting at the current position.
#include <string_view>

#include "grammar/config.hpp"
#include "grammar/date_ast.hpp"

namespace factline::grammar {

namespace date_rules {
struct date_expression_class;
using date_expression_type = x3::rule<date_expression_class, ast::DateExpr>;
BOOST_SPIRIT_DECLARE(date_expression_type)
}  // namespace date_rules

/// The rule matching one temporal expression (with its context word).
const date_rules::date_expression_type& date_expression();

/// What a word whose letters are `word` (lower-case ASCII) can be at the start
/// of a temporal expression: the first word of the expression itself (a month,
/// weekday, modifier or deictic word of the grammar's tables), or a context
/// word before it ("on", "since"), or neither. Lets the scanner skip the rule
/// at the other words (most of prose) without changing what it finds.
enum class DateWord { none, context, first };
DateWord classify_date_word(std::string_view word);

}  // namespace factline::grammar
