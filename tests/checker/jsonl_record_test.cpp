// The JSONL scanner against nlohmann: a record the scanner reads must read to
// the same members as through nlohmann's DOM, and anything it is not sure
// about must be left to nlohmann (scan_json_record returns false).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "checker/jsonl_record.hpp"

namespace factline {
namespace {

JsonRecord dom_record(std::string_view line) { return json_record_from_dom(nlohmann::json::parse(line)); }

void expect_same_member(const RecordMember& scanned, const RecordMember& dom, const char* name) {
    EXPECT_EQ(static_cast<int>(scanned.shape), static_cast<int>(dom.shape)) << name;
    EXPECT_EQ(scanned.value, dom.value) << name;
}

void expect_same(const JsonRecord& scanned, const JsonRecord& dom) {
    EXPECT_EQ(scanned.id, dom.id);
    expect_same_member(scanned.text, dom.text, "text");
    expect_same_member(scanned.url, dom.url, "url");
    expect_same_member(scanned.outlet, dom.outlet, "outlet");
    expect_same_member(scanned.published, dom.published, "published");
}

class JsonRecordScanned : public ::testing::TestWithParam<std::string> {};

TEST_P(JsonRecordScanned, ReadsAsNlohmannReads) {
    const std::string& line = GetParam();
    JsonRecord scanned;
    ASSERT_TRUE(scan_json_record(line, scanned)) << line;
    expect_same(scanned, dom_record(line));
}

INSTANTIATE_TEST_SUITE_P(
    Ingest, JsonRecordScanned,
    ::testing::Values(
        R"({"id":"reuters-1","text":"MOSCOW - text","url":"https://x/1","outlet":"Reuters","published":"2022-11-11"})",
        R"({"text":"\" \\ \/ \b \f \n \r \t end"})",
        R"({"text":"\u0041\u00e9\u00E9\u20ac\uFFFF\u0000x"})",       // 1-, 2-, 3-byte code points and NUL
        R"({"text":"\ud83d\ude00 \uD800\uDC00 \uDBFF\uDFFF"})",      // surrogate pairs, both cases
        "{\"text\":\"caf\xC3\xA9 \xE2\x82\xAC \xED\x9F\xBF \xEF\xBF\xBF \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\"}",
        R"({"id":null,"text":"x","url":null,"outlet":null,"published":null})",
        R"({"id":true,"text":"x","url":false,"outlet":true,"published":false})",
        R"({"text":"x","n":0,"m":-12.50,"k":123456789012345678901234,"z":-0})",
        R"({"text":"x","other":"a","other":"b","other":null})",  // repeated names ingest ignores
        R"({"te\u0078t":"escaped name","\u0069d":"escaped id","u\u0072l":"u"})",
        R"({"text":"","id":"","url":""})",
        R"({"text":"x","ignored":"\u00e9\ud83d\ude00\n"})",
        " \t\r{ \"text\" :\t\"x\" ,\r\n\"id\" : \"i\" }\t \r",
        "{}",
        R"({"id":"no text"})",
        R"({"text":"a","id\u0000":"nul in a name is another name"})"));

class JsonRecordLeftToNlohmann : public ::testing::TestWithParam<std::string> {};

TEST_P(JsonRecordLeftToNlohmann, IsNotScanned) {
    JsonRecord scanned;
    EXPECT_FALSE(scan_json_record(GetParam(), scanned)) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    Ingest, JsonRecordLeftToNlohmann,
    ::testing::Values(
        // not one object
        "", "   ", "[1]", "\"text\"", "1", "null", R"({"text":"x"}{"text":"y"})", R"({"text":"x"} trailing)",
        "\xEF\xBB\xBF{\"text\":\"x\"}",  // a BOM: nlohmann skips it, the scanner leaves it to nlohmann
        // syntax
        R"({"text":"x",})", R"({"text":"x" "id":"a"})", R"({"text" "x"})", R"({text:"x"})", R"({"text":'x'})",
        R"({"text":"x")", R"({"text":"x)", R"({"text":"x"}})", R"({"text":"x","a":nul})", R"({"text":"x","a":tru})",
        R"({"text":"x","a":True})", R"(/*c*/{"text":"x"})",
        // numbers: malformed, with exponents, or where ingest checks the type
        R"({"text":"x","a":01})", R"({"text":"x","a":1.})", R"({"text":"x","a":-})", R"({"text":"x","a":.5})",
        R"({"text":"x","a":+1})", R"({"text":"x","a":1e5})", R"({"text":"x","a":1e99999})",
        R"({"text":"x","a":123456789012345678901234567890123})", R"({"id":7,"text":"x"})", R"({"text":7})",
        R"({"text":"x","url":7})", R"({"text":"x","published":2022})",
        // arrays and objects
        R"({"text":"x","a":[]})", R"({"text":"x","a":{}})", R"({"text":["x"]})", R"({"id":{"a":1},"text":"x"})",
        // a name ingest reads, twice (nlohmann keeps the last)
        R"({"text":"x","text":"y"})", R"({"id":"a","text":"x","id":"b"})", R"({"text":"x","te\u0078t":"y"})",
        R"({"text":"x","url":null,"url":"u"})",
        // escapes
        R"({"text":"\q"})", R"({"text":"\x41"})", R"({"text":"\u12"})", R"({"text":"\u12G4"})", R"({"text":"\U0041"})",
        R"({"text":"\uDC00"})", R"({"text":"\uD800"})", R"({"text":"\uD800x"})", R"({"text":"\uD800\u0041"})",
        R"({"text":"\uD800\uD800"})", R"({"text":"\uD800\n"})", R"({"text":"x\)",
        // raw control characters and ill-formed UTF-8 in strings
        std::string("{\"text\":\"a") + '\0' + "b\"}", "{\"text\":\"a\tb\"}", "{\"text\":\"a\nb\"}", "{\"text\":\"\x1F\"}",
        "{\"text\":\"\x80\"}", "{\"text\":\"\xC0\x80\"}", "{\"text\":\"\xC1\xBF\"}", "{\"text\":\"\xC3\"}",
        "{\"text\":\"\xC3(\"}", "{\"text\":\"\xE0\x9F\xBF\"}", "{\"text\":\"\xED\xA0\x80\"}", "{\"text\":\"\xE2\x82\"}",
        "{\"text\":\"\xF0\x8F\xBF\xBF\"}", "{\"text\":\"\xF4\x90\x80\x80\"}", "{\"text\":\"\xF5\x80\x80\x80\"}",
        "{\"text\":\"\xFF\"}", "{\"text\":\"x\",\"n\xC3\":1}"));

// nlohmann's own dump() of random byte strings (ill-formed UTF-8 replaced,
// sometimes every non-ASCII code point escaped, surrogate pairs included),
// written as records with members in random order and random whitespace.
TEST(JsonRecordScan, RandomStringsDumpedByNlohmannReadBack) {
    std::mt19937 random(20261201);
    const auto random_bytes = [&] {
        // Now and then long enough to be scanned sixteen bytes at a time.
        std::string bytes(random() % (random() % 4 == 0 ? 80 : 24), '\0');
        for (char& c : bytes) {
            switch (random() % 4) {
                case 0: c = static_cast<char>(random() % 0x20); break;          // control characters
                case 1: c = static_cast<char>(0x80 + random() % 0x80); break;  // non-ASCII, often ill-formed
                default: c = static_cast<char>(0x20 + random() % 0x60); break;
            }
        }
        if (random() % 3 == 0) bytes += "\xF0\x9F\x98\x80\xE2\x82\xAC\xC3\xA9";  // well-formed 4-, 3-, 2-byte
        return bytes;
    };
    const auto dumped = [&](const std::string& bytes) {
        return nlohmann::json(bytes).dump(-1, ' ', random() % 2 == 0, nlohmann::json::error_handler_t::replace);
    };
    const auto space = [&] {
        static const char* const spaces[] = {"", "", " ", "\t", "\r", " \n "};
        return std::string(spaces[random() % 6]);
    };
    const char* const names[] = {"id", "text", "url", "outlet", "published", "other", "more"};
    for (int round = 0; round < 5000; ++round) {
        std::vector<std::string> members;
        for (const char* name : names) {
            if (random() % 4 == 0) continue;
            std::string value = random() % 8 == 0 ? "null" : dumped(random_bytes());
            members.push_back(dumped(name) + space() + ":" + space() + value);
        }
        std::shuffle(members.begin(), members.end(), random);
        std::string line = space() + "{" + space();
        for (std::size_t i = 0; i < members.size(); ++i) line += (i > 0 ? "," + space() : "") + members[i] + space();
        line += "}" + space();
        JsonRecord scanned;
        ASSERT_TRUE(scan_json_record(line, scanned)) << line;
        expect_same(scanned, dom_record(line));
        if (::testing::Test::HasFailure()) FAIL() << "round " << round << ": " << line;
    }
}

// Lines with a few bytes changed: whenever the scanner reads one, nlohmann
// must read it too, to the same members.
TEST(JsonRecordScan, DamagedRecordsAreReadOnlyAsNlohmannReadsThem) {
    std::mt19937 random(7);
    const std::string seeds[] = {
        R"({"id":"r-1","text":"caf\u00e9 \ud83d\ude00 \"q\"","url":null,"outlet":"O","n":-1.5,"b":true})",
        "{\"text\":\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 a\\\\b\",\"published\":\"2022-01-02\",\"x\":false}",
    };
    const std::string alphabet = std::string("\"\\u/bnDdCc8F0{}[],: \t\r1-.eEnultrsfa") + "\x80\xBF\xC3\xED\xF0\xF4\xFF";
    int scanned_count = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string line = seeds[round % 2];
        for (unsigned edits = 1 + random() % 3; edits > 0; --edits) {
            const std::size_t at = random() % line.size();
            const char c = alphabet[random() % alphabet.size()];
            switch (random() % 3) {
                case 0: line[at] = c; break;
                case 1: line.insert(at, 1, c); break;
                default: line.erase(at, 1); break;
            }
            if (line.empty()) line = "{";
        }
        JsonRecord scanned;
        if (!scan_json_record(line, scanned)) continue;
        ++scanned_count;
        nlohmann::json dom;
        ASSERT_NO_THROW(dom = nlohmann::json::parse(line)) << line;
        ASSERT_TRUE(dom.is_object()) << line;
        expect_same(scanned, json_record_from_dom(dom));
        if (::testing::Test::HasFailure()) FAIL() << "round " << round << ": " << line;
    }
    EXPECT_GT(scanned_count, 1000);  // the damage leaves enough records readable to mean something
}

}  // namespace
}  // namespace factline
