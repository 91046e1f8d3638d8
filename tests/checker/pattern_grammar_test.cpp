// Pattern-language grammar: what parses into which tree, and where errors point.
#include "grammar/parse_pattern.hpp"

#include <ostream>

#include <gtest/gtest.h>

namespace factline::grammar {
namespace {

using Kind = PatternNode::Kind;

/// A compact rendering of a tree: w:word, w:pre*, {slot}, @class, ...N, ^, (a|b), [a].
std::string render(const std::vector<PatternNode>& nodes) {
    std::string out;
    for (const auto& node : nodes) {
        if (!out.empty()) out += ' ';
        switch (node.kind) {
        case Kind::word:
            out.append(node.text).append(node.prefix ? "*" : "");
            break;
        case Kind::slot: out.append("{").append(node.text).append("}"); break;
        case Kind::word_class: out.append("@").append(node.text); break;
        case Kind::gap: out.append("...").append(std::to_string(node.max_gap)); break;
        case Kind::anchor: out += "^"; break;
        case Kind::group: {
            out += node.optional ? "[" : "(";
            for (std::size_t i = 0; i < node.options.size(); ++i) out.append(i ? "|" : "").append(render(node.options[i]));
            out += node.optional ? "]" : ")";
            break;
        }
        }
    }
    return out;
}

struct GoodCase {
    std::string pattern;
    std::string tree;
};

class PatternParses : public ::testing::TestWithParam<GoodCase> {};

TEST_P(PatternParses, Tree) {
    const auto parsed = parse_pattern(GetParam().pattern);
    ASSERT_FALSE(parsed.error_column) << parsed.error;
    EXPECT_EQ(render(parsed.nodes), GetParam().tree);
}

INSTANTIATE_TEST_SUITE_P(
    Table, PatternParses,
    ::testing::Values(GoodCase{"peace talks", "peace talks"}, GoodCase{"negotiat*", "negotiat*"},
                      GoodCase{"{region}", "{region}"}, GoodCase{"@talks", "@talks"},
                      GoodCase{"a ... b", "a ...6 b"}, GoodCase{"a ..12.. b", "a ...12 b"},
                      GoodCase{"^ it is", "^ it is"}, GoodCase{"(a | b c)", "(a|b c)"},
                      GoodCase{"[the] {region}", "[the] {region}"},
                      GoodCase{"(x [y | z] | w)", "(x [y|z]|w)"},
                      GoodCase{"non-negotiable Kremlin’s", "non-negotiable Kremlin’s"},
                      GoodCase{"  spaced   out  ", "spaced out"}));

struct BadCase {
    std::string pattern;
    std::uint32_t column;
    std::string message;  // a substring
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.pattern; }
void PrintTo(const GoodCase& c, std::ostream* os) { *os << c.pattern; }

class PatternErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(PatternErrors, ColumnAndMessage) {
    const auto parsed = parse_pattern(GetParam().pattern);
    ASSERT_TRUE(parsed.error_column) << GetParam().pattern;
    EXPECT_EQ(*parsed.error_column, GetParam().column);
    EXPECT_NE(parsed.error.find(GetParam().message), std::string::npos) << parsed.error;
    EXPECT_TRUE(parsed.nodes.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, PatternErrors,
                         ::testing::Values(BadCase{"{region", 8, "expected '}'"},
                                           BadCase{"a (b | c", 9, "expected ')'"},
                                           BadCase{"[b", 3, "expected ']'"},
                                           BadCase{"a ) b", 3, "end of pattern"},
                                           BadCase{"@", 2, "expected name"},
                                           BadCase{"a ..x.. b", 5, "expected"},
                                           BadCase{"", 1, "expected a word"}));

TEST(PatternGrammar, FullErrorText) {
    const auto parsed = parse_pattern("said {holder");
    ASSERT_TRUE(parsed.error_column);
    EXPECT_EQ(parsed.error, "expected '}'");
    EXPECT_EQ(*parsed.error_column, 13u);
}

}  // namespace
}  // namespace factline::grammar
