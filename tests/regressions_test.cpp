// Regression tests for crashes and hangs found by fuzzing (issue 8). Each
// test is named after the issue and the input that failed; the same input
// also sits in tests/fuzz/corpus/<target>/ so the replay runs it too.
#include <gtest/gtest.h>
#include <string>

#include "checker/ingest.hpp"
#include "grammar/parse_pattern.hpp"

namespace factline {
namespace {

// fuzz_ingest: a JSON number beyond double's range made nlohmann throw
// out_of_range (not parse_error) out of read_json_lines and abort the run.
TEST(Issue8, JsonLinesNumberOverflowRejectsOnlyThatRecord) {
    const std::string text =
        "{\"id\": \"a\", \"text\": \"Peskov said.\"}\n"
        "{\"id\": \"b\", \"text\": \"x\", \"n\": 444444e4444407550956297025341213}\n"
        "{\"id\": \"c\", \"text\": \"Kyiv said.\"}\n";
    Corpus corpus;
    ASSERT_NO_THROW(read_json_lines(text, "in.jsonl", corpus));
    ASSERT_EQ(corpus.documents.size(), 2u);
    ASSERT_EQ(corpus.skipped.size(), 1u);
    EXPECT_EQ(corpus.skipped[0].reason, "malformed JSON record: a number is out of range");
    ASSERT_EQ(corpus.diagnostics.items().size(), 1u);
    EXPECT_EQ(corpus.diagnostics.items()[0].line, 2u);
    EXPECT_EQ(corpus.diagnostics.items()[0].col, 1u);
}

// fuzz_pattern: 2,300 bytes of nested '(' and '[' recursed the X3 group rule
// until the stack overflowed. Deep nesting is now a pattern error with its column.
TEST(Issue8, DeeplyNestedPatternGroupsAreAnErrorNotAStackOverflow) {
    const std::string pattern = std::string(5000, '(') + "word" + std::string(5000, ')');
    const auto parsed = grammar::parse_pattern(pattern);
    ASSERT_TRUE(parsed.error_column.has_value());
    EXPECT_EQ(*parsed.error_column, 17u);  // the 17th '(' goes one past the limit
    EXPECT_NE(parsed.error.find("nested deeper"), std::string::npos) << parsed.error;
    // Nesting a real rule needs still parses.
    EXPECT_FALSE(grammar::parse_pattern("((a | [b (c | d)]) e)").error_column.has_value());
}

}  // namespace
}  // namespace factline
