// The layout grammar's one instantiation (STYLE.md: one grammar per TU).
#include "grammar/layout_def.hpp"

namespace factline::grammar {

namespace layout_rules {
BOOST_SPIRIT_INSTANTIATE(dateline_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(header_date_type, iterator_type, context_type)
}  // namespace layout_rules

const layout_rules::dateline_type& dateline() { return layout_rules::dateline; }
const layout_rules::header_date_type& header_date() { return layout_rules::header_date; }

}  // namespace factline::grammar
