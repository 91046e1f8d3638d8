#include <gtest/gtest.h>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

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
    EXPECT_EQ(first.format, DocumentFormat::jsonl);
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

// Records the JSONL scanner leaves to nlohmann, or reads itself, with what a
// user sees for each as the nlohmann-only reader (commit bb46cb4) reported it:
// the scanner must change none of it.
struct TrickyLineCase {
    const char* name;
    std::string line;  // written as line 1
    std::string shown;  // the document's or the skipped entry's path
    bool skipped;
    std::vector<std::pair<std::uint32_t, std::string>> diagnostics;  // col, message
};

void PrintTo(const TrickyLineCase& c, std::ostream* os) { *os << c.line; }  // for failure messages

const std::string malformed = "malformed JSON record: syntax error while parsing value - invalid string: ";

const TrickyLineCase tricky_line_cases[] = {
    {"invalid_escape", R"({"id":"a","text":"x\q"})", "feed.jsonl:1", true,
     {{21, malformed + "forbidden character after backslash; last read: '\"x\\q'"}}},
    {"lone_low_surrogate", R"({"id":"a","text":"lone \uDC00 low"})", "feed.jsonl:1", true,
     {{25, malformed + "surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"lone \\uDC00'"}}},
    {"high_surrogate_alone", R"({"id":"a","text":"high \uD800 alone"})", "feed.jsonl:1", true,
     {{30, malformed + "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"high \\uD800 '"}}},
    {"high_surrogate_then_no_low", R"({"id":"a","text":"high \uD800\u0041"})", "feed.jsonl:1", true,
     {{31, malformed +
               "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"high \\uD800\\u0041'"}}},
    {"raw_tab_in_string", "{\"id\":\"a\",\"text\":\"tab\there\"}", "feed.jsonl:1", true,
     {{22, malformed + "control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"tab<U+0009>'"}}},
    {"bad_hex_digit", R"({"id":"a","text":"bad \u12G4"})", "feed.jsonl:1", true,
     {{24, malformed + "'\\u' must be followed by 4 hex digits; last read: '\"bad \\u12G'"}}},
    {"trailing_garbage", R"({"id":"a","text":"x"} trailing)", "feed.jsonl:1", true,
     {{23, "malformed JSON record: syntax error while parsing value - invalid literal; last read: '\"x\"} tra'; "
           "expected end of input"}}},
    {"trailing_comma", R"({"id":"a","text":"x",})", "feed.jsonl:1", true,
     {{22, "malformed JSON record: syntax error while parsing object key - unexpected '}'; expected string literal"}}},
    {"number_out_of_range", R"({"id":"a","text":"x","n":1e99999})", "feed.jsonl:1", true,
     {{1, "malformed JSON record: a number is out of range"}}},
    {"duplicate_text_last_wins_as_number", R"({"text":"one","text":7})", "feed.jsonl:1", true,
     {{2, "a record needs a \"text\" string"}}},
    {"duplicate_text_last_wins_as_string", R"({"text":7,"text":"seven"})", "feed.jsonl:1", false, {}},
    {"duplicate_id_last_wins", R"({"id":"a","id":3,"text":"x"})", "3", false, {}},
    {"number_id_as_dumped", R"({"id":1.50,"text":"x"})", "1.5", false, {}},
    {"negative_zero_id", R"({"id":-0,"text":"x"})", "0", false, {}},
    {"exponent_id", R"({"id":1E2,"text":"x"})", "100.0", false, {}},
    {"boolean_id_is_no_id", R"({"id":true,"text":"x"})", "feed.jsonl:1", false, {}},
    {"metadata_of_other_types", R"({"text":"x","url":7,"outlet":[1],"published":{"a":1}})", "feed.jsonl:1", false,
     {{13, "\"url\" must be a string; ignored"},
      {21, "\"outlet\" must be a string; ignored"},
      {34, "\"published\" must be a string; ignored"}}},
    {"boolean_url_and_bad_date", R"({"text":"x","url":false,"outlet":null,"published":"2022-13-01"})", "feed.jsonl:1",
     false,
     {{13, "\"url\" must be a string; ignored"},
      {39, "\"published\" must be a date YYYY-MM-DD, \"\" or null, not '2022-13-01'; ignored"}}},
    {"null_text", R"({"url":"u","text":null})", "feed.jsonl:1", true, {{12, "a record needs a \"text\" string"}}},
    {"escaped_member_names", R"({"te\u0078t":"escaped name","\u0069d":"esc-id"})", "esc-id", false, {}},
    {"text_column_counts_code_points", "{\"h\":\"\xC3\xA9t\xC3\xA9\",\"text\":false}", "feed.jsonl:1", true,
     {{12, "a record needs a \"text\" string"}}},
};

class JsonLinesTrickyLine : public ::testing::TestWithParam<TrickyLineCase> {};

TEST_P(JsonLinesTrickyLine, ReadsAsTheNlohmannOnlyReaderDid) {
    const TrickyLineCase& c = GetParam();
    Corpus corpus;
    read_json_lines(c.line + "\n", "feed.jsonl", corpus);
    if (c.skipped) {
        EXPECT_TRUE(corpus.documents.empty());
        ASSERT_EQ(corpus.skipped.size(), 1u);
        EXPECT_EQ(corpus.skipped[0].path, c.shown);
    } else {
        EXPECT_TRUE(corpus.skipped.empty());
        ASSERT_EQ(corpus.documents.size(), 1u);
        EXPECT_EQ(corpus.documents[0].path, c.shown);
    }
    ASSERT_EQ(corpus.diagnostics.items().size(), c.diagnostics.size());
    for (std::size_t i = 0; i < c.diagnostics.size(); ++i) {
        const Diagnostic& d = corpus.diagnostics.items()[i];
        EXPECT_EQ(d.severity, c.skipped ? Severity::error : Severity::warning);
        EXPECT_EQ(d.line, 1u);
        EXPECT_EQ(d.col, c.diagnostics[i].first) << d.message;
        EXPECT_EQ(d.message, c.diagnostics[i].second);
        if (c.skipped) {
            EXPECT_EQ(corpus.skipped[0].reason, d.message);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Ingest, JsonLinesTrickyLine, ::testing::ValuesIn(tricky_line_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(JsonLines, DecodedMembersReachTheDocument) {
    Corpus corpus;
    read_json_lines(R"({"url":"https:\/\/x\/1","text":"caf\u00e9 \ud83d\ude00 \"q\" a\\b\tc","outlet":"R\u00e9uters",)"
                    R"( "published" : "2022-11-11" , "extra":[1,{"a":null}]})"
                    "\n",
                    "feed.jsonl", corpus);
    ASSERT_EQ(corpus.documents.size(), 1u);
    const Document& d = corpus.documents[0];
    EXPECT_EQ(d.text, "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" a\\b\tc");
    EXPECT_EQ(d.meta.url, "https://x/1");
    EXPECT_EQ(d.meta.outlet, "R\xC3\xA9uters");
    ASSERT_TRUE(d.meta.published.has_value());
    EXPECT_EQ(to_iso(*d.meta.published), "2022-11-11");
}

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
