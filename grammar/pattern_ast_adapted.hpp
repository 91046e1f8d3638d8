#pragma once
// Fusion adaptation of the pattern AST (nothing else here).
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/pattern_ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(factline::grammar::ast::PatternWord, text, prefix)
BOOST_FUSION_ADAPT_STRUCT(factline::grammar::ast::PatternReference, sigil, name)
BOOST_FUSION_ADAPT_STRUCT(factline::grammar::ast::PatternGap, min, max)
BOOST_FUSION_ADAPT_STRUCT(factline::grammar::ast::PatternGroup, options, optional)
