#pragma once
// Fusion adaptations of the date AST (BOOST_FUSION_ADAPT_STRUCT only).
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/date_ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(factline::grammar::ast::NumericDate, first, separator, second, separator2, year)
BOOST_FUSION_ADAPT_STRUCT(factline::grammar::ast::IsoDate, year, separator, month, separator2, day)
