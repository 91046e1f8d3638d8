// The layout stage's byte-level text predicates (checker/layout_text.hpp):
// blanks, closers, trimming, sentence ends and word counts, ASCII and wider.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <vector>

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

TEST(LayoutText, WideBlanksAreExactlyTheirBytes) {
    // Every string of up to three bytes drawn from the wide blanks' bytes and
    // their neighbours, at the text's end too: a wide blank only where its
    // whole byte sequence stands.
    const std::string bytes = {'\xC2', '\xA0', '\xE2', '\x80', '\x8B', '\xAF', '\xEF', '\xBB', '\xBF', '\x99', 'a'};
    const std::vector<std::string> blanks = {"\xC2\xA0", "\xE2\x80\x8B", "\xE2\x80\xAF", "\xEF\xBB\xBF"};
    for (const char a : bytes) {
        for (const char b : bytes) {
            for (const char c : bytes) {
                for (std::size_t length = 1; length <= 3; ++length) {
                    const std::string text = std::string{a, b, c}.substr(0, length);
                    std::size_t expected = 0;
                    for (const std::string& blank : blanks) {
                        if (text.substr(0, blank.size()) == blank) expected = blank.size();
                    }
                    EXPECT_EQ(wide_blank_at(text, 0), expected) << testing::PrintToString(text);
                }
            }
        }
    }
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

TEST(LayoutText, WordCountMatchesAByteLoop) {
    // Sixteen and eight ASCII bytes at a time, byte by byte elsewhere: the
    // same count as a loop over blank_at(), with words across every step's
    // edge, wide blanks and other bytes >= 0x80, and any limit.
    const char* const pieces[] = {"a", "Bc", " ", " ", "\t", "\n", "\r", "\v", "\f", "\x01", "\xC2\xA0",
                                  "\xE2\x80\x8B", "\xE2\x80\x9C", "\xC3\xA9", "word", "."};
    std::mt19937 random(53);
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        const std::size_t length = random() % 90;
        while (text.size() < length) text += pieces[random() % std::size(pieces)];
        std::size_t expected = 0;
        bool in_word = false;
        for (std::size_t i = 0; i < text.size();) {
            if (const std::size_t n = blank_at(text, i)) {
                in_word = false;
                i += n;
                continue;
            }
            if (!in_word) ++expected;
            in_word = true;
            ++i;
        }
        const std::size_t limit = random() % 3 == 0 ? random() % 12 : text.size() + 1;
        ASSERT_EQ(word_count_up_to(text, limit), std::min(expected, limit)) << "round " << round;
    }
}

TEST(LayoutText, FindDigitMatchesAByteLoop) {
    // Sixteen bytes at a time, then eight, then one: a digit at every place
    // of each step, among bytes that border the digits and bytes >= 0x80.
    const char alphabet[] = {'a', ' ', '/', ':', '\x80', '\xB0', '\xB9', '\xFF', '5', '0', '9', '\0'};
    std::mt19937 random(41);
    for (int round = 0; round < 3000; ++round) {
        std::string text(random() % 70, 'x');
        for (char& c : text) c = alphabet[random() % (random() % 8 == 0 ? sizeof alphabet : 8)];
        const std::size_t from = text.empty() ? 0 : random() % (text.size() + 1);
        std::size_t expected = from;
        while (expected < text.size() && (text[expected] < '0' || text[expected] > '9')) ++expected;
        ASSERT_EQ(find_digit(text, from), expected) << "round " << round;
    }
}

TEST(LayoutText, EndsSentenceFastPathAgreesWithTheWholeTest) {
    // ends_sentence decides most lines by their last byte alone; any last
    // byte, ASCII or not, must give what the whole test gives.
    for (int last = 0; last < 256; ++last) {
        for (const std::string stem : {"", "Talks resumed", "x\xE2\x80", "Mr.\"", "\xE2\x80\xA6 "}) {
            const std::string line = stem + static_cast<char>(last);
            for (const bool question : {true, false}) {
                EXPECT_EQ(ends_sentence(line, question), ends_sentence_slowly(line, question))
                    << "last byte " << last << " after '" << stem << "'";
            }
        }
    }
}

/// QuoteCount as it read before its eight-bytes-at-a-time scan: every byte
/// looked at, the counts kept, open() from them.
class ReferenceQuotes {
public:
    void add(std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const std::string_view rest = s.substr(i);
            if (rest.substr(0, 3) == "\xE2\x80\x9C" || rest.substr(0, 3) == "\xE2\x80\x9E") {
                curly_ = (rest.substr(0, 3) == "\xE2\x80\x9C" && curly_ > 0) ? curly_ - 1 : curly_ + 1;
            } else if (rest.substr(0, 3) == "\xE2\x80\x9D") {
                curly_ = std::max(0, curly_ - 1);
            } else if (rest.substr(0, 2) == "\xC2\xAB") {
                ++guillemets_;
            } else if (rest.substr(0, 2) == "\xC2\xBB") {
                guillemets_ = std::max(0, guillemets_ - 1);
            } else if (s[i] == '"') {
                straight_ ^= 1;
            }
        }
    }
    [[nodiscard]] bool open() const { return curly_ > 0 || guillemets_ > 0 || straight_ != 0; }

private:
    int curly_ = 0, guillemets_ = 0, straight_ = 0;
};

TEST(LayoutText, QuoteCountTable) {
    const struct {
        const char* text;
        bool open;
    } cases[] = {
        {"no quotes at all in this long line of text", false},
        {"he said \"yes", true},
        {"he said \"yes\" and left, a long way to go", false},
        {"\xE2\x80\x9CWe will\xE2\x80\x9D, he said", false},
        {"\xE2\x80\x9CWe will, he said and went on talking", true},
        {"\xE2\x80\x9ESie kommen\xE2\x80\x9C, sagte er", false},
        {"\xC2\xAB Nous venons \xC2\xBB", false},
        {"a long run of prose before a guillemet \xC2\xAB at the end", true},
        {"\xE2\x80\xA6 an ellipsis and \xC2\xA0 a no-break space", false},
    };
    for (const auto& c : cases) {
        QuoteCount quotes;
        quotes.add(c.text);
        EXPECT_EQ(quotes.open(), c.open) << c.text;
    }
}

TEST(LayoutText, QuoteCountReadsEveryMarkLikeAByteLoop) {
    // Random paragraphs of marks, their look-alikes (… and U+00A0 share the
    // lead bytes) and plain text, added in random pieces: open() agrees with
    // the byte loop after every piece, wherever the marks fall among the
    // eight-byte words.
    const std::vector<std::string> parts{"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xC2\xAB",
                                         "\xC2\xBB", "\xE2\x80\xA6", "\xC2\xA0", "a", "said", " ", "\n",
                                         "\xC3\xA9", "word and more words "};
    std::mt19937 random(7);
    std::size_t open_seen = 0;
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const int count = static_cast<int>(random() % 40);
        for (int k = 0; k < count; ++k) text += parts[random() % parts.size()];
        QuoteCount quotes;
        ReferenceQuotes reference;
        std::size_t at = 0;
        while (at < text.size()) {
            const std::size_t piece = std::min<std::size_t>(text.size() - at, 1 + random() % 30);
            quotes.add(std::string_view(text).substr(at, piece));
            reference.add(std::string_view(text).substr(at, piece));
            at += piece;
            ASSERT_EQ(quotes.open(), reference.open()) << text;
        }
        open_seen += quotes.open() ? 1 : 0;
    }
    EXPECT_GT(open_seen, 500u);
    EXPECT_LT(open_seen, 4500u);
}

}  // namespace
}  // namespace factline::layout_text
