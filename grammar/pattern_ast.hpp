#pragma once
// AST of the rule-pattern language (rules/<pack>/patterns/*.toml), as the X3
// grammar builds it. Internal to grammar/: checker/ sees the plain tree of
// parse_pattern.hpp instead.
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <string>
#include <vector>

namespace factline::grammar::ast {

namespace x3 = boost::spirit::x3;

/// A literal word ("renounce"), or a prefix ("negotiat*").
struct PatternWord {
    std::string text;
    bool prefix = false;
};

/// `{slot}` (sigil '{') or `@class` (sigil '@').
struct PatternReference {
    char sigil = 0;
    std::string name;
};

/// `...` (up to 6 tokens) or `..N..` (up to N tokens).
struct PatternGap {
    unsigned min = 0;
    unsigned max = 6;
};

/// `^`: the start of the sentence.
struct PatternAnchor {};

struct PatternGroup;

struct PatternElement
    : x3::variant<PatternWord, PatternReference, PatternGap, PatternAnchor, x3::forward_ast<PatternGroup>> {
    using base_type::base_type;
    using base_type::operator=;
};

using PatternSequence = std::vector<PatternElement>;

/// `(a | b c)` (optional = false) or `[a | b]` (optional = true).
struct PatternGroup {
    std::vector<PatternSequence> options;
    bool optional = false;
};

}  // namespace factline::grammar::ast
