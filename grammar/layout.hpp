#pragma once
// The layout grammar's rule types and accessors (X3 allowed here; checker/
// uses parse_layout.hpp instead). Two entry rules: a dateline at the start of
// a paragraph, and a header date at the start of a line.
#include "grammar/config.hpp"
#include "grammar/layout_ast.hpp"

namespace factline::grammar {

namespace layout_rules {
struct dateline_class;
struct header_date_class;
using dateline_type = x3::rule<dateline_class, ast::Dateline>;
using header_date_type = x3::rule<header_date_class, ast::HeaderDate>;
BOOST_SPIRIT_DECLARE(dateline_type, header_date_type)
}  // namespace layout_rules

/// "MOSCOW, Nov 11 (Reuters) –", "MOSCOW—", "KYIV, Ukraine (AP) —", "MOSCOW:".
const layout_rules::dateline_type& dateline();
/// "[February 28, 2023]", "Newsweek 12/8/2022", "Posted on 5 January 2023", …
const layout_rules::header_date_type& header_date();

}  // namespace factline::grammar
