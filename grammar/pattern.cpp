// Instantiates the pattern grammar for the project's iterator and context (one
// grammar per TU, STYLE.md).
// GCC 12 at -O3 warns "may be used uninitialized" inside boost::variant's
// copy of the recursive AST (a known false positive); nothing here is uninitialised.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "grammar/pattern_def.hpp"

namespace factline::grammar::pattern_rules {
BOOST_SPIRIT_INSTANTIATE(pattern_type, iterator_type, context_type)
}  // namespace factline::grammar::pattern_rules
#pragma GCC diagnostic pop

namespace factline::grammar {
const pattern_rules::pattern_type& pattern_rule() { return pattern_rules::pattern; }
}  // namespace factline::grammar
