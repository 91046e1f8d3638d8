// checker/json_text.hpp writes what nlohmann::json's dump() would write for
// the same values (the outputs stayed byte-identical when the writers moved
// to it).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <random>
#include <string>

#include "checker/json_text.hpp"

namespace factline {
namespace {

std::string as_nlohmann(const std::string& value) {
    return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string as_text(const std::string& value) {
    std::string out;
    append_json_string(out, value);
    return out;
}

TEST(JsonText, StringsAreEscapedAsNlohmannDumpsThem) {
    const std::vector<std::string> cases = {
        "",
        "plain words",
        "quote \" backslash \\ slash /",
        "controls \b\f\n\r\t \x01\x1f and DEL \x7f",
        "curly “quotes” and Zaporizhzhia’s — dash, €, 𝄞",
        "overlong \xc0\xaf and lone continuation \x80",
        "surrogate \xed\xa0\x80 and past U+10FFFF \xf4\x90\x80\x80",
        "cut short \xe2\x80",
    };
    for (const auto& value : cases) EXPECT_EQ(as_text(value), as_nlohmann(value)) << value;
}

TEST(JsonText, RandomBytesAreEscapedAsNlohmannDumpsThem) {
    std::mt19937 random(7);
    // Bytes drawn mostly from the edges of the UTF-8 ranges, where the rules differ.
    const std::string alphabet = "a\"\\\n\x01\x7f\x80\x8f\x90\x9f\xa0\xbf\xc0\xc2\xdf\xe0\xe1\xed\xee\xef\xf0\xf1\xf4\xf5\xff";
    for (int round = 0; round < 5000; ++round) {
        std::string value;
        const auto length = random() % 8;
        for (unsigned i = 0; i < length; ++i) value.push_back(alphabet[random() % alphabet.size()]);
        ASSERT_EQ(as_text(value), as_nlohmann(value)) << "round " << round;
    }
}

TEST(JsonText, EveryByteAtEveryPlaceOfALongerRunIsEscapedAsNlohmannDumpsIt) {
    // Plain runs are scanned eight bytes at a time: each byte value goes at
    // each place of the word and of the tail, on both sides of a word's edge.
    for (std::size_t length = 1; length <= 24; ++length) {
        for (std::size_t place = 0; place < length; ++place) {
            for (int byte = 0; byte < 256; ++byte) {
                std::string value(length, 'x');
                value[place] = static_cast<char>(byte);
                ASSERT_EQ(as_text(value), as_nlohmann(value)) << "length " << length << " place " << place << " byte " << byte;
            }
        }
    }
}

TEST(JsonText, LongRandomStringsAreEscapedAsNlohmannDumpsThem) {
    std::mt19937 random(11);
    const std::string alphabet = "abc xyz.,\"\\\n\x01\x1f\x7f\xc3\xa9\xe2\x80\x99\xff";
    for (int round = 0; round < 3000; ++round) {
        std::string value;
        const auto length = random() % 64;
        for (unsigned i = 0; i < length; ++i) value.push_back(alphabet[random() % alphabet.size()]);
        ASSERT_EQ(as_text(value), as_nlohmann(value)) << "round " << round;
    }
}

TEST(JsonText, ObjectsKeepTheirKeyOrder) {
    std::string out;
    JsonObjectText object(out);
    object.string("b", "x").number("a", 42).boolean("t", true).null("n");
    JsonObjectText inner = object.object("o");
    inner.strings("list", {"p", "q"});
    inner.close();
    object.close();
    EXPECT_EQ(out, R"({"b":"x","a":42,"t":true,"n":null,"o":{"list":["p","q"]}})");
    EXPECT_EQ(nlohmann::ordered_json::parse(out).dump(), out);
}

}  // namespace
}  // namespace factline
