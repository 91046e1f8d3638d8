#pragma once
// The pattern grammar's rule type and accessor (X3 allowed here; checker/ uses
// parse_pattern.hpp instead). Matches one whole pattern string.
#include "grammar/config.hpp"
#include "grammar/pattern_ast.hpp"

namespace factline::grammar {

namespace pattern_rules {
struct pattern_class;
using pattern_type = x3::rule<pattern_class, ast::PatternSequence>;
BOOST_SPIRIT_DECLARE(pattern_type)
}  // namespace pattern_rules

/// The rule matching a whole pattern (expectation points throw
/// x3::expectation_failure with the position, caught by parse_pattern).
const pattern_rules::pattern_type& pattern_rule();

}  // namespace factline::grammar
