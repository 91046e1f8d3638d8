#include <gtest/gtest.h>
#include <string>

#include "checker/ingest.hpp"

namespace factline {
namespace {

TEST(JsonLines, GoodRecordsBecomeDocuments) {
    Corpus corpus;
    read_json_lines(
        "{\"id\":\"reuters-1\",\"text\":\"MOSCOW, Nov 11 (Reuters) - text\",\"url\":\"https://x/1\","
        "\"outlet\":\"Reuters\",\"published\":\"2022-11-11\"}\n"
        "\n"
        "{\"text\":\"no id here\",\"published\":null,\"url\":null}\r\n"
        "{\"id\":42,\"text\":\"numeric id\",\"published\":\"\"}\n",
        "feed.jsonl", corpus);
    EXPECT_TRUE(corpus.diagnostics.items().empty());
    EXPECT_TRUE(corpus.skipped.empty());
    ASSERT_EQ(corpus.documents.size(), 3u);
    const Document& first = corpus.documents[0];
    EXPECT_EQ(first.path, "reuters-1");
    EXPECT_EQ(first.text, "MOSCOW, Nov 11 (Reuters) - text");
    EXPECT_EQ(first.format, "jsonl");
    EXPECT_EQ(first.meta.url, "https://x/1");
    EXPECT_EQ(first.meta.outlet, "Reuters");
    ASSERT_TRUE(first.meta.published.has_value());
    EXPECT_EQ(to_iso(*first.meta.published), "2022-11-11");
    EXPECT_EQ(corpus.documents[1].path, "feed.jsonl:3");  // line numbers count the blank line
    EXPECT_FALSE(corpus.documents[1].meta.published.has_value());
    EXPECT_EQ(corpus.documents[2].path, "42");
}

struct BadLineCase {
    const char* name;
    std::string line;  // written as line 2, after one good record
    std::string skipped_path;
    std::uint32_t col;
    std::string reason;  // substring
};

const BadLineCase bad_line_cases[] = {
    {"syntax_error", "{\"id\":\"a\" \"text\":\"x\"}", "feed.jsonl:2", 11, "malformed JSON record"},
    {"truncated", "{\"id\":\"a\",\"text\":\"x", "feed.jsonl:2", 20, "malformed JSON record"},
    {"not_an_object", "[\"text\"]", "feed.jsonl:2", 1, "a record must be a JSON object"},
    {"no_text_uses_id", "{\"id\":\"b7\",\"body\":\"x\"}", "b7", 1, "a record needs a \"text\" string"},
    {"text_not_a_string", "{\"text\":5}", "feed.jsonl:2", 2, "a record needs a \"text\" string"},
};

class JsonLinesBadLine : public ::testing::TestWithParam<BadLineCase> {};

TEST_P(JsonLinesBadLine, IsReportedAtItsLineAndTheRestGoesOn) {
    const BadLineCase& c = GetParam();
    Corpus corpus;
    read_json_lines("{\"text\":\"one\"}\n" + c.line + "\n{\"text\":\"three\"}\n", "feed.jsonl", corpus);
    ASSERT_EQ(corpus.documents.size(), 2u);
    EXPECT_EQ(corpus.documents[1].path, "feed.jsonl:3");
    ASSERT_EQ(corpus.skipped.size(), 1u);
    EXPECT_EQ(corpus.skipped[0].path, c.skipped_path);
    EXPECT_NE(corpus.skipped[0].reason.find(c.reason), std::string::npos) << corpus.skipped[0].reason;
    ASSERT_EQ(corpus.diagnostics.items().size(), 1u);
    const Diagnostic& d = corpus.diagnostics.items()[0];
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.id, "input.jsonl");
    EXPECT_EQ(d.path, "feed.jsonl");
    EXPECT_EQ(d.line, 2u);
    EXPECT_EQ(d.col, c.col);
}

INSTANTIATE_TEST_SUITE_P(Ingest, JsonLinesBadLine, ::testing::ValuesIn(bad_line_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(JsonLines, BadPublishedIsAWarningAtItsColumnAndTheRecordStays) {
    Corpus corpus;
    read_json_lines("{\"text\":\"x\",\"published\":\"11/11/2022\"}\n", "feed.jsonl", corpus);
    ASSERT_EQ(corpus.documents.size(), 1u);
    EXPECT_FALSE(corpus.documents[0].meta.published.has_value());
    ASSERT_EQ(corpus.diagnostics.items().size(), 1u);
    const Diagnostic& d = corpus.diagnostics.items()[0];
    EXPECT_EQ(d.severity, Severity::warning);
    EXPECT_EQ(d.line, 1u);
    EXPECT_EQ(d.col, 13u);
    EXPECT_NE(d.message.find("YYYY-MM-DD"), std::string::npos);
}

TEST(JsonLines, EmptyTextIsSkipped) {
    Corpus corpus;
    read_json_lines("{\"id\":\"e\",\"text\":\"  \\n \"}\n", "feed.jsonl", corpus);
    EXPECT_TRUE(corpus.documents.empty());
    ASSERT_EQ(corpus.skipped.size(), 1u);
    EXPECT_EQ(corpus.skipped[0].path, "e");
    EXPECT_EQ(corpus.skipped[0].reason, "empty text");
}

TEST(JsonLines, Sniffing) {
    EXPECT_TRUE(looks_like_json_lines("  {\"text\":\"a\"}\n{\"text\":\"b\"}"));
    EXPECT_FALSE(looks_like_json_lines("{\"title\":\"a\"}\n"));
    EXPECT_FALSE(looks_like_json_lines("{ not json"));
    EXPECT_FALSE(looks_like_json_lines("MOSCOW, Nov 11 (Reuters)"));
}

TEST(JsonLines, TheCorpusIsTheSameOnAnyNumberOfThreads) {
    // Enough lines for several parse chunks, with malformed records and blank
    // lines in different chunks.
    std::string text;
    for (int i = 1; i <= 1000; ++i) {
        if (i % 97 == 0) text += "{\"text\": broken\n";
        else if (i % 131 == 0) text += "\n";
        else text += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"record " + std::to_string(i) + "\"}\n";
    }
    Corpus one, three;
    read_json_lines(text, "feed.jsonl", one, 1);
    read_json_lines(text, "feed.jsonl", three, 3);
    ASSERT_EQ(one.documents.size(), three.documents.size());
    for (std::size_t i = 0; i < one.documents.size(); ++i) EXPECT_EQ(one.documents[i].path, three.documents[i].path);
    ASSERT_EQ(one.skipped.size(), 10u);  // every 97th line
    ASSERT_EQ(three.skipped.size(), one.skipped.size());
    for (std::size_t i = 0; i < one.skipped.size(); ++i) EXPECT_EQ(one.skipped[i].path, three.skipped[i].path);
    ASSERT_EQ(three.diagnostics.items().size(), one.diagnostics.items().size());
    for (std::size_t i = 0; i < one.diagnostics.items().size(); ++i) {
        EXPECT_EQ(one.diagnostics.items()[i].line, three.diagnostics.items()[i].line);
    }
    EXPECT_EQ(one.diagnostics.items().back().line, 970u);
}

}  // namespace
}  // namespace factline
