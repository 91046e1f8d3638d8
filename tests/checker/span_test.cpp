#include "checker/span.hpp"

#include <gtest/gtest.h>

#include "checker/diagnostic.hpp"

namespace factline {
namespace {

TEST(LineIndex, CountsLinesForEveryLineBreakStyle) {
    const std::string text = "a\nb\r\nc\rd";
    LineIndex index(text);
    EXPECT_EQ(index.line_count(), 4u);
    EXPECT_EQ(index.at(0).line, 1u);
    EXPECT_EQ(index.at(2).line, 2u);
    EXPECT_EQ(index.at(5).line, 3u);
    EXPECT_EQ(index.at(7).line, 4u);
    EXPECT_EQ(index.line_text(2), "b");
    EXPECT_EQ(index.line_text(3), "c");
}

TEST(LineIndex, CountsLinesOfTextsWithoutCarriageReturns) {
    // Texts without '\r' take the memchr path: blank lines and a final line break count as lines.
    const std::string text = "\nab\n\ncd\n";
    LineIndex index(text);
    EXPECT_EQ(index.line_count(), 5u);
    EXPECT_EQ(index.at(0).line, 1u);
    EXPECT_EQ(index.at(1).line, 2u);
    EXPECT_EQ(index.at(2).col, 2u);
    EXPECT_EQ(index.at(4).line, 3u);
    EXPECT_EQ(index.at(5).line, 4u);
    EXPECT_EQ(index.at(8).line, 5u);
    EXPECT_EQ(index.line_text(4), "cd");
    EXPECT_EQ(index.line_text(5), "");
    EXPECT_EQ(LineIndex("").line_count(), 1u);
    EXPECT_EQ(LineIndex("no break").line_count(), 1u);
}

TEST(LineIndex, CountsColumnsInCodePoints) {
    const std::string text = "“Ab” c";  // curly quotes are 3 bytes each
    LineIndex index(text);
    EXPECT_EQ(index.at(static_cast<std::uint32_t>(text.find('c'))).col, 6u);
}

TEST(Diagnostic, FormatsGnuStyleWithCaret) {
    Diagnostic d{Severity::error, "rules.unknown-kind", "rules/core/x.toml", 3, 9, "unknown kind 'foo'", "kind = \"foo\""};
    EXPECT_EQ(format_diagnostic(d),
              "rules/core/x.toml:3:9: error: unknown kind 'foo' [rules.unknown-kind]\n  kind = \"foo\"\n          ^");
}

TEST(Diagnostic, SuggestsTheClosestName) {
    EXPECT_EQ(closest_match("zaporizhia", {"zaporizhzhia", "kherson"}), "zaporizhzhia");
    EXPECT_EQ(closest_match("xyz", {"zaporizhzhia", "kherson"}), "");
}

}  // namespace
}  // namespace factline
