// JSON Lines files read a block at a time must give the corpus the
// whole-file reader gives, wherever the blocks fall, and apply the size limit
// to each record instead of to the file.
#include <gtest/gtest.h>
#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "checker/ingest.hpp"
#include "tests/checker/ingest_fixture.hpp"

namespace factline {
namespace {

using testing::IngestFolder;
using namespace std::string_literals;

/// Everything a corpus holds, as text, so that two corpora compare in one assertion.
std::string dump(const Corpus& corpus) {
    std::ostringstream out;
    for (const auto& d : corpus.documents) {
        out << "doc " << d.path << " [" << static_cast<int>(d.format) << "] url=" << d.meta.url << " outlet=" << d.meta.outlet
            << " published=" << (d.meta.published ? to_iso(*d.meta.published) : "-") << "\n" << d.text << "\n";
    }
    for (const auto& s : corpus.skipped) out << "skipped " << s.path << ": " << s.reason << "\n";
    for (const auto& d : corpus.diagnostics.items()) out << format_diagnostic(d) << "\n";
    return out.str();
}

// Every phenomenon of a scraped feed: a BOM, CRLF, blank lines, ids and
// line-number paths, metadata, a bad date, malformed and text-less records,
// escapes and multibyte characters (which a block may cut in half).
const std::string feed =
    "\xEF\xBB\xBF{\"id\":\"kyiv-1\",\"text\":\"KYIV, Nov 11 (Reuters) \xE2\x80\x93 Zelenskiy said talks were impossible.\","
    "\"url\":\"https://example.org/1\",\"outlet\":\"Wire\",\"published\":\"2022-11-11\"}\r\n"
    "\n"
    "{\"text\":\"No id: the path is file:line. \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\"}\n"
    "{\"id\":\"bad-date\",\"text\":\"A record with a bad date.\",\"published\":\"11/11/2022\"}\n"
    "{\"id\":\"broken\" \"text\":\"x\"}\n"
    "   \t\n"
    "{\"id\":\"no-text\",\"body\":\"x\"}\n"
    "{\"id\":\"escapes\",\"text\":\"Line one\\nLine \\\"two\\\" \\u00e9\\ud83d\\ude00\"}\n"
    "{\"id\":\"last\",\"text\":\"No line break after the last record.\"}";

Corpus whole_file(const std::string& bytes, const std::string& shown) {
    Corpus corpus;
    std::string text;
    std::string reason;
    EXPECT_TRUE(decode_text(bytes, shown, text, reason, corpus.diagnostics));
    read_json_lines(text, shown, corpus, 2);
    return corpus;
}

TEST(JsonLinesFile, AnyBlockSizeGivesTheWholeFileCorpus) {
    IngestFolder dir;
    const auto file = dir.write("feed.jsonl", feed);
    const std::string expected = dump(whole_file(feed, "feed.jsonl"));
    ASSERT_NE(expected.find("kyiv-1"), std::string::npos);
    for (std::size_t block : {1, 2, 3, 7, 64, 100, 1000, 1 << 20}) {
        Corpus corpus;
        std::string reason;
        ASSERT_EQ(stream_json_lines_file(file, "feed.jsonl", corpus, 2, UINT64_MAX, reason, block),
                  JsonLinesStream::read)
            << "block " << block;
        EXPECT_EQ(dump(corpus), expected) << "block " << block;
    }
}

TEST(JsonLinesFile, ARecordOverTheLimitIsRejectedAndTheRestRead) {
    IngestFolder dir;
    const std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(300, 'x') + "\"}";
    const auto file = dir.write("feed.jsonl", "{\"id\":\"a\",\"text\":\"first\"}\n" + big + "\r\n{\"id\":\"b\",\"text\":\"after\"}\n" + big);
    const JsonLinesHandOver hand_over{0, [] { return true; }};
    for (std::size_t block : {16, 100, 1 << 20})
    for (const JsonLinesHandOver* handed : {static_cast<const JsonLinesHandOver*>(nullptr), &hand_over}) {
        Corpus corpus;
        std::string reason;
        // The file (about 700 bytes) is larger than the limit: only records count.
        ASSERT_EQ(stream_json_lines_file(file, "feed.jsonl", corpus, 1, 200, reason, block, handed),
                  JsonLinesStream::read);
        ASSERT_EQ(corpus.documents.size(), 2u) << "block " << block;
        EXPECT_EQ(corpus.documents[0].path, "a");
        EXPECT_EQ(corpus.documents[1].path, "b");
        ASSERT_EQ(corpus.skipped.size(), 2u) << "block " << block;
        EXPECT_EQ(corpus.skipped[0].path, "feed.jsonl:2");
        EXPECT_EQ(corpus.skipped[1].path, "feed.jsonl:4");
        ASSERT_EQ(corpus.diagnostics.items().size(), 2u);
        EXPECT_EQ(corpus.diagnostics.items()[0].line, 2u);
        EXPECT_EQ(corpus.diagnostics.items()[1].line, 4u);
        EXPECT_EQ(corpus.skipped[0].reason, too_large_reason("record", big.size(), 200)) << "block " << block;
        EXPECT_NE(corpus.skipped[0].reason.find("record too large"), std::string::npos);
    }
}

TEST(JsonLinesFile, WhatDecodingWouldChangeFallsBackToTheWholeFile) {
    IngestFolder dir;
    const std::vector<std::string> not_plain = {
        "{\"text\":\"a\"}\n{\"text\":\"bad \xFF byte\"}\n",  // invalid UTF-8 (a later block)
        "\xFF\xFE{\0\"\0t\0e\0x\0t\0\"\0:\0\"\0a\0\"\0}\0"s,  // UTF-16 with a BOM
        "{\"text\":\"a\"}\n{\"text\":\"b\0\"}\n"s,  // a NUL byte
    };
    for (std::size_t i = 0; i < not_plain.size(); ++i) {
        const auto file = dir.write("feed" + std::to_string(i) + ".jsonl", not_plain[i]);
        Corpus corpus;
        std::string reason;
        EXPECT_EQ(stream_json_lines_file(file, "f", corpus, 1, UINT64_MAX, reason, 8), JsonLinesStream::fall_back) << i;
        EXPECT_TRUE(corpus.documents.empty() && corpus.skipped.empty() && corpus.diagnostics.items().empty()) << i;
    }
}

TEST(JsonLinesFile, ThroughIngestInvalidBytesAreStillRepairedAndReported) {
    IngestFolder dir;
    const auto file = dir.write("feed.jsonl", "{\"text\":\"a\"}\n{\"text\":\"bad \xFF byte\"}\n").generic_string();
    std::istringstream no_stdin;
    const Corpus corpus = ingest({file}, IngestOptions{}, no_stdin);
    ASSERT_EQ(corpus.documents.size(), 2u);
    EXPECT_EQ(corpus.documents[1].text, "bad \xEF\xBF\xBD byte");
    ASSERT_FALSE(corpus.diagnostics.items().empty());
    EXPECT_EQ(corpus.diagnostics.items()[0].id, "input.invalid-utf8");
}

TEST(JsonLinesFile, ABlankFileIsSkippedAsEmpty) {
    IngestFolder dir;
    for (const std::string& bytes : {std::string(), std::string("\n \r\n\t\n")}) {
        const auto file = dir.write("blank.jsonl", bytes);
        Corpus corpus;
        std::string reason;
        EXPECT_EQ(stream_json_lines_file(file, "blank.jsonl", corpus, 1, UINT64_MAX, reason, 4),
                  JsonLinesStream::skipped);
        EXPECT_EQ(reason, "empty file");
    }
}

TEST(JsonLinesFile, IngestReadsAFileLargerThanTheFileLimit) {
    IngestFolder dir;
    std::string bytes;
    for (int i = 0; i < 40; ++i) bytes += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"Record " + std::to_string(i) + ".\"}\n";
    const auto file = dir.write("feed.jsonl", bytes).generic_string();
    IngestOptions options;
    options.max_file_bytes = 100;  // each record is smaller, the file far larger
    std::istringstream no_stdin;
    const Corpus corpus = ingest({file}, options, no_stdin);
    EXPECT_EQ(corpus.documents.size(), 40u);
    EXPECT_TRUE(corpus.skipped.empty());
}


TEST(JsonLinesFile, RandomFeedsReadAsTheWholeFileAtRandomBlockSizes) {
    // Pieces a scraped feed is made of, joined at random: whatever lands on a
    // block's edge (a CR before its LF, half of a multibyte character, a blank
    // line, a broken record) must read as it does in the whole file.
    const std::vector<std::string> pieces = {
        "{\"id\":\"a\",\"text\":\"Kyiv \xE2\x80\x94 talks\"}", "{\"text\":\"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 said\"}",
        "{\"text\":\"x\",\"published\":\"2022-02-30\"}", "{\"id\":\"b\" \"text\":1}", "{\"text\":\"\\u00e9\\n\"}",
        "\n", "\r\n", "\n\n", " \t", "{\"id\":7,\"text\":\"numeric id\"}", "{\"text\":\"\xF0\x9F\x98\x80\"}", "[1]",
    };
    std::mt19937 random(20261202);
    IngestFolder dir;
    for (int round = 0; round < 300; ++round) {
        std::string bytes = round % 7 == 0 ? "\xEF\xBB\xBF" : "";
        const int count = static_cast<int>(random() % 24);
        for (int i = 0; i < count; ++i) bytes += pieces[random() % pieces.size()];
        const auto file = dir.write("feed.jsonl", bytes);
        Corpus whole;
        std::string text;
        std::string ignored;
        ASSERT_TRUE(decode_text(bytes, "feed.jsonl", text, ignored, whole.diagnostics));
        const bool blank = is_blank(text);
        read_json_lines(text, "feed.jsonl", whole, 1);
        const std::size_t block = 1 + random() % 40;
        Corpus streamed;
        std::string reason;
        const JsonLinesStream result = stream_json_lines_file(file, "feed.jsonl", streamed, 2, UINT64_MAX, reason, block);
        if (blank) {
            EXPECT_EQ(result, JsonLinesStream::skipped) << "round " << round;
            EXPECT_EQ(reason, "empty file");
            continue;
        }
        ASSERT_EQ(result, JsonLinesStream::read) << "round " << round << ", block " << block;
        EXPECT_EQ(dump(streamed), dump(whole)) << "round " << round << ", block " << block;
        // Handed on block by block: the same corpus.
        const JsonLinesHandOver hand_over{0, [] { return true; }};
        Corpus handed;
        ASSERT_EQ(stream_json_lines_file(file, "feed.jsonl", handed, 2, UINT64_MAX, reason, block, &hand_over),
                  JsonLinesStream::read)
            << "round " << round << ", block " << block;
        EXPECT_EQ(dump(handed), dump(whole)) << "round " << round << ", block " << block;
    }
}

TEST(JsonLinesFile, AHandOverGetsTheRecordsBlockByBlockAsTheWholeFileGivesThem) {
    IngestFolder dir;
    const auto file = dir.write("feed.jsonl", feed);
    const std::string expected = dump(whole_file(feed, "feed.jsonl"));
    for (std::size_t block : {1, 7, 64, 1 << 20}) {
        Corpus corpus;
        std::vector<std::size_t> seen;  // the documents in the corpus after each block
        const JsonLinesHandOver hand_over{0, [&] {
                                              seen.push_back(corpus.documents.size());
                                              return true;
                                          }};
        std::string reason;
        ASSERT_EQ(stream_json_lines_file(file, "feed.jsonl", corpus, 2, UINT64_MAX, reason, block, &hand_over),
                  JsonLinesStream::read)
            << "block " << block;
        EXPECT_EQ(dump(corpus), expected) << "block " << block;
        ASSERT_FALSE(seen.empty());
        EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
        EXPECT_EQ(seen.back(), corpus.documents.size());
        if (block < 64) {
            EXPECT_LT(seen.front(), corpus.documents.size()) << "records came before the file's end";
        }
    }
}

TEST(JsonLinesFile, AHandOverStopsWhenTold) {
    IngestFolder dir;
    const auto file = dir.write("feed.jsonl", feed);
    Corpus corpus;
    int blocks = 0;
    const JsonLinesHandOver hand_over{0, [&] { return ++blocks < 3; }};
    std::string reason;
    EXPECT_EQ(stream_json_lines_file(file, "feed.jsonl", corpus, 1, UINT64_MAX, reason, 64, &hand_over),
              JsonLinesStream::read);
    EXPECT_EQ(blocks, 3);
    EXPECT_LT(corpus.documents.size(), 6u);
}

TEST(JsonLinesFile, WithAHandOverWhatDecodingWouldChangeStillFallsBackUntouched) {
    // The NUL or bad byte is in a later block: the whole file is checked before any record is handed on.
    IngestFolder dir;
    const std::vector<std::string> not_plain = {
        "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"bad \xFF byte\"}\n",
        "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\0\"}\n"s,
    };
    for (std::size_t i = 0; i < not_plain.size(); ++i) {
        const auto file = dir.write("feed" + std::to_string(i) + ".jsonl", not_plain[i]);
        Corpus corpus;
        int blocks = 0;
        const JsonLinesHandOver hand_over{0, [&] { return ++blocks > 0; }};
        std::string reason;
        EXPECT_EQ(stream_json_lines_file(file, "f", corpus, 1, UINT64_MAX, reason, 8, &hand_over),
                  JsonLinesStream::fall_back)
            << i;
        EXPECT_EQ(blocks, 0) << i;
        EXPECT_TRUE(corpus.documents.empty() && corpus.skipped.empty() && corpus.diagnostics.items().empty()) << i;
    }
}

TEST(JsonLinesFile, AFileNoLargerThanTheHandOversSizeIsReadWholeFirst) {
    IngestFolder dir;
    const auto file = dir.write("feed.jsonl", feed);
    Corpus corpus;
    int blocks = 0;
    const JsonLinesHandOver hand_over{feed.size(), [&] { return ++blocks > 0; }};
    std::string reason;
    EXPECT_EQ(stream_json_lines_file(file, "feed.jsonl", corpus, 1, UINT64_MAX, reason, 8, &hand_over),
              JsonLinesStream::read);
    EXPECT_EQ(blocks, 0);
    EXPECT_EQ(dump(corpus), dump(whole_file(feed, "feed.jsonl")));
}

}  // namespace
}  // namespace factline
