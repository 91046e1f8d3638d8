// The layout stage's byte-level text predicates (checker/layout_text.hpp):
// blanks, closers, trimming, sentence ends and word counts, ASCII and wider.
#include <gtest/gtest.h>

#include <string>

#include "checker/layout_text.hpp"

namespace factline::layout_text {
namespace {

std::string trimmed(const std::string& text) {
    return std::string(trim(text, {0, static_cast<std::uint32_t>(text.size())}).of(text));
}

TEST(LayoutText, Blanks) {
    for (const std::string blank : {" ", "\t", "\n", "\v", "\f", "\r"}) {
        EXPECT_EQ(blank_at("a" + blank, 1), 1u);
        EXPECT_EQ(blank_before(blank + "a" + blank, 3), 1u);
    }
    for (const std::string blank : {"\xC2\xA0", "\xE2\x80\x8B", "\xE2\x80\xAF", "\xEF\xBB\xBF"}) {
        SCOPED_TRACE(blank);
        EXPECT_EQ(blank_at("a" + blank, 1), blank.size());
        EXPECT_EQ(blank_before("a" + blank, 1 + blank.size()), blank.size());
    }
    EXPECT_EQ(blank_at("a", 0), 0u);
    EXPECT_EQ(blank_at("a", 1), 0u);  // past the end
    EXPECT_EQ(blank_at("\x01", 0), 0u);
    EXPECT_EQ(blank_at("\xC2\xAB", 0), 0u);
    EXPECT_EQ(blank_at("\xE2\x80\x99", 0), 0u);
    EXPECT_EQ(blank_at("\xC2", 0), 0u);  // cut short
    EXPECT_EQ(blank_before("ab", 2), 0u);
    EXPECT_EQ(blank_before("ab", 0), 0u);
    EXPECT_EQ(blank_before("\xE2\x80\x99", 3), 0u);
}

TEST(LayoutText, Closers) {
    for (const std::string closer : {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x9C", "\xC2\xBB"}) {
        SCOPED_TRACE(closer);
        EXPECT_EQ(closer_at("." + closer, 1), closer.size());
        EXPECT_EQ(closer_before("." + closer, 1 + closer.size()), closer.size());
    }
    EXPECT_EQ(closer_at("a(", 1), 0u);
    EXPECT_EQ(closer_at("a", 1), 0u);
    EXPECT_EQ(closer_before("a(", 2), 0u);
    EXPECT_EQ(closer_before("", 0), 0u);
    EXPECT_EQ(closer_before("\xE2\x80\x93", 3), 0u);  // a dash, not a quote
}

TEST(LayoutText, TrimSentencesAndWords) {
    EXPECT_EQ(trimmed(" \t\xC2\xA0 Moscow \xE2\x80\xAF\r"), "Moscow");
    EXPECT_EQ(trimmed("\xEF\xBB\xBF"), "");
    EXPECT_TRUE(ends_sentence("He said so.\xE2\x80\x9D)  "));
    EXPECT_TRUE(ends_sentence("Wait\xE2\x80\xA6"));
    EXPECT_TRUE(ends_sentence("Why?"));
    EXPECT_FALSE(ends_sentence("Why?", false));
    EXPECT_FALSE(ends_sentence("\"'"));
    EXPECT_FALSE(ends_sentence("Title"));
    EXPECT_EQ(word_count("  one\ttwo\xC2\xA0three \xE2\x80\x8B four "), 4u);
    EXPECT_EQ(word_count(""), 0u);
    EXPECT_EQ(word_count_up_to("one two  three four", 9), 4u);
    EXPECT_EQ(word_count_up_to("one two  three four", 3), 3u);
    EXPECT_EQ(word_count_up_to("one two  three four", 4), 4u);
    EXPECT_EQ(word_count_up_to(" \xC2\xA0one ", 1), 1u);
    EXPECT_EQ(word_count_up_to("one", 0), 0u);
    // Long ASCII lines are read eight bytes at a time: words across the
    // eight-byte boundaries, every ASCII blank, and wider blanks between.
    EXPECT_EQ(word_count("abcdefgh ijklmnop"), 2u);
    EXPECT_EQ(word_count("abcdefghijklmnop qrstuvwx"), 2u);
    EXPECT_EQ(word_count("a b c d e f g h i j k l m n o p"), 16u);
    EXPECT_EQ(word_count("one\ttwo\nthree\vfour\ffive\rsix seven"), 7u);
    EXPECT_EQ(word_count("\x01\x02\x08\x0E\x1F\x7F abcdefgh"), 2u);  // control bytes other than \t … \r are no blanks
    EXPECT_EQ(word_count("        leading blanks        "), 2u);
    EXPECT_EQ(word_count("abcdefg\xC2\xA0hijklmnop\xE2\x80\x8Bqrstuvwxyz \xC3\xA9t\xC3\xA9 abc"), 5u);
    EXPECT_EQ(word_count("1234567\xC3\xA9 next words here"), 4u);
    EXPECT_EQ(word_count_up_to("a b c d e f g h i j k l m n o p", 3), 3u);
    EXPECT_EQ(word_count_up_to("a b c d e f g h i j k l m n o p", 16), 16u);
    EXPECT_EQ(word_count_up_to("a b c d e f g h i j k l m n o p", 17), 16u);
}

TEST(LayoutText, FindDigit) {
    EXPECT_EQ(find_digit(""), 0u);
    EXPECT_EQ(find_digit("no digits here at all, none"), 27u);
    EXPECT_EQ(find_digit("7"), 0u);
    EXPECT_EQ(find_digit("abcdefg9"), 7u);             // the last of the first eight
    EXPECT_EQ(find_digit("abcdefgh0"), 8u);            // the first after them
    EXPECT_EQ(find_digit("abcdefghijklmnopq/:9"), 19u);  // '/' and ':' border the digits
    EXPECT_EQ(find_digit("\xD9\xA3\xEF\xBC\x95 \xB0\xB9 x1"), 10u);  // no byte >= 0x80 is a digit
    EXPECT_EQ(find_digit("1 2 3", 1), 2u);
    EXPECT_EQ(find_digit("1234", 4), 4u);
}

}  // namespace
}  // namespace factline::layout_text
