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

}  // namespace factline::grammar
