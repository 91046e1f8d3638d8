// Instantiates the pattern grammar for the project's iterator and context (one
// grammar per TU, STYLE.md).
#include "grammar/pattern_def.hpp"

namespace factline::grammar::pattern_rules {
BOOST_SPIRIT_INSTANTIATE(pattern_type, iterator_type, context_type)
}  // namespace factline::grammar::pattern_rules

namespace factline::grammar {
const pattern_rules::pattern_type& pattern_rule() { return pattern_rules::pattern; }
}  // namespace factline::grammar
