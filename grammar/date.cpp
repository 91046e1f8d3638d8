// Instantiates the date grammar for the project's iterator and context (one
// grammar per TU, STYLE.md).
#include "grammar/date_def.hpp"

namespace factline::grammar::date_rules {
BOOST_SPIRIT_INSTANTIATE(date_expression_type, iterator_type, context_type)
}  // namespace factline::grammar::date_rules
