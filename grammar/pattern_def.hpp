#pragma once
// Rules of the pattern language. Words, `{slot}`, `@class`, `(a | b)`,
// `[optional]`, `...` / `..N..` gaps and `^`. Expectation points (>) make a
// malformed pattern an error at its column; the grammar builds an AST only,
// and the meaning of slots and classes is checked by checker/patterns.cpp.
#include "grammar/pattern.hpp"
#include "grammar/pattern_ast_adapted.hpp"

namespace factline::grammar {

namespace pattern_rules {

const x3::rule<class name_class, std::string> name = "name";
const x3::rule<class word_class, ast::PatternWord> word = "word";
const x3::rule<class reference_class, ast::PatternReference> reference = "{slot} or @class";
const x3::rule<class gap_class, ast::PatternGap> gap = "gap";
const x3::rule<class anchor_class, ast::PatternAnchor> anchor = "'^'";
const x3::rule<class group_class, ast::PatternGroup> group = "group";
const x3::rule<class element_class, ast::PatternElement> element = "pattern element";
const x3::rule<class sequence_class, ast::PatternSequence> sequence = "pattern element";
const pattern_type pattern = "pattern";

// The project's context has no skipper: blanks are explicit.
const auto blank = x3::omit[*x3::space];

const auto name_def = +(x3::alnum | x3::char_('_'));
// A word is any run of characters that are not syntax: "’s" and "non-negotiable" are words.
const auto word_def = +(~x3::char_(" \t\r\n(){}[]|@.^*")) >> x3::matches['*'];
const auto reference_def = (x3::char_('{') > name > '}') | (x3::char_('@') > name);
const auto gap_def = (x3::attr(0u) >> x3::lit("...") >> x3::attr(6u)) | (x3::attr(0u) >> x3::lit("..") > x3::uint_ > "..");
const auto anchor_def = x3::lit('^') >> x3::attr(ast::PatternAnchor{});
// (>> binds tighter than >: the closing bracket is its own expectation point.)
const auto group_def = (('(' > (sequence % '|') > ')') >> x3::attr(false)) |
                       (('[' > (sequence % '|') > ']') >> x3::attr(true));
const auto element_def = gap | anchor | reference | group | word;
const auto sequence_def = blank >> +(element >> blank);
const auto pattern_def = sequence > x3::eoi;

BOOST_SPIRIT_DEFINE(name, word, reference, gap, anchor, group, element, sequence, pattern)

}  // namespace pattern_rules

}  // namespace factline::grammar
