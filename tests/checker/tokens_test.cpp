// Tokenizer: normalised texts and exact byte spans (table tests).
#include "checker/tokens.hpp"

#include <ostream>
#include <random>

#include <gtest/gtest.h>

#include "checker/word_table.hpp"
#include "support/tokens_reference.hpp"

namespace factline {
namespace {

struct TokenCase {
    std::string input;
    std::vector<std::string> expected;
};

void PrintTo(const TokenCase& c, std::ostream* os) { *os << c.input; }

class TokenTexts : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenTexts, Normalises) { EXPECT_EQ(token_texts(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Table, TokenTexts,
    ::testing::Values(TokenCase{"Kremlin Says", {"kremlin", "says"}},
                      TokenCase{"Kherson’s status", {"kherson", "'s", "status"}},
                      TokenCase{"Kherson's status", {"kherson", "'s", "status"}},
                      TokenCase{"Moscow´s forces", {"moscow", "'s", "forces"}},
                      TokenCase{"didn’t regret", {"did", "n't", "regret"}},
                      TokenCase{"“impossible,”", {"\"", "impossible", ",", "\""}},
                      TokenCase{"«absurd»", {"\"", "absurd", "\""}},
                      TokenCase{"‘Part of Russia’", {"'", "part", "of", "russia", "'"}},
                      TokenCase{"Federation—it", {"federation", "-", "it"}},
                      TokenCase{"Kryvyi-Rih", {"kryvyi", "-", "rih"}},
                      TokenCase{"Zaporizhzhia\xC2\xA0region", {"zaporizhzhia", "region"}},
                      TokenCase{"Kher\xE2\x80\x8Bson", {"kherson"}},
                      TokenCase{"Zelenskyj Dnipró Łódź", {"zelenskyj", "dnipro", "lodz"}},
                      TokenCase{"Straße", {"strasse"}},
                      TokenCase{"Херсон", {"херсон"}},
                      TokenCase{"", {}}));

TEST(Tokens, SpansAreBytesOfTheOriginal) {
    const std::string text = "Peskov’s “no”";
    const auto tokens = tokenize(text);
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(tokens[0].span.of(text), "Peskov");
    EXPECT_EQ(tokens[1].span.of(text), "’s");
    EXPECT_EQ(tokens[2].span.of(text), "“");
    EXPECT_TRUE(tokens[2].quote);
    EXPECT_TRUE(tokens[2].space_before);
    EXPECT_EQ(tokens[3].span.of(text), "no");
    EXPECT_FALSE(tokens[3].space_before);
    EXPECT_TRUE(tokens[0].capitalised);
    EXPECT_FALSE(tokens[3].capitalised);
}

TEST(Tokens, SpanInsideDocument) {
    const std::string text = "xx Kyiv said. yy";
    const auto tokens = tokenize(text, Span{3, 13});
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[0].span.begin, 3u);
    EXPECT_EQ(tokens[2].text, ".");
}

TEST(Tokens, InvalidUtf8NeverCrashes) {
    const std::string text = "a\xC3 b\xFF\xFE c\xE2\x80";
    const auto tokens = tokenize(text);
    EXPECT_FALSE(tokens.empty());
}

// The tokenizer hashes a word while writing it (ASCII runs, folded letters,
// inner apostrophes, split suffixes): every token's hash must still be the
// hash of its final text, whatever pieces the text was built from.
TEST(Tokens, HashIsTheWordHashOfTheFinalText) {
    const std::vector<std::string> pieces = {"a", "Z", "7", "'", "’", "s", "n't", "’s", " ", "-", "é", "Ł", "ß",
                                             "Х", "е", "\xE2\x80\x8B", "\xC2\xA0", "“", ".", "\xFF", "\xC3"};
    std::mt19937 random(11);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const std::size_t size = random() % 12;
        for (std::size_t k = 0; k < size; ++k) text += pieces[random() % pieces.size()];
        for (const Token& token : tokenize(text)) EXPECT_EQ(token.hash, word_hash(token.text)) << text;
    }
}

void expect_same_tokens(std::span<const Token> fast, const std::vector<reference::Token>& plain, const std::string& text,
                        Span span) {
    SCOPED_TRACE("span " + std::to_string(span.begin) + "-" + std::to_string(span.end) + " of \"" + text + "\"");
    ASSERT_EQ(fast.size(), plain.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
        EXPECT_EQ(fast[i].text, plain[i].text) << i;
        EXPECT_EQ(fast[i].hash, plain[i].hash) << i;
        EXPECT_EQ(fast[i].span.begin, plain[i].span.begin) << i;
        EXPECT_EQ(fast[i].span.end, plain[i].span.end) << i;
        EXPECT_EQ(fast[i].word, plain[i].word) << i;
        EXPECT_EQ(fast[i].space_before, plain[i].space_before) << i;
        EXPECT_EQ(fast[i].capitalised, plain[i].capitalised) << i;
        EXPECT_EQ(fast[i].quote, plain[i].quote) << i;
    }
}

// The tokenizer reads ASCII words a run at a time, through a 32-byte buffer,
// and decodes ASCII inline: it must give the tokens of the plain definition
// (support/tokens_reference.hpp) field for field, on texts of every kind of
// character, words shorter and longer than the buffer, and spans that start
// and end anywhere (inside words, inside multi-byte characters).
TEST(Tokens, FastPathsGiveThePlainTokens) {
    const std::vector<std::string> pieces = {
        "a", "Z", "7", "Kyiv", "SAID", "x9", "'", "`", "’", "s", "t", "n't", "’s", "'S", " ", "  ", "\n", "\t", "-",
        "—", ",", ".", "\"", "“", "”", "…", "é", "Ł", "ß", "Х", "е", "\xE2\x80\x8B", "\xC2\xA0", "\xC2\xAD",
        "\xFF", "\xC3", "\xE2\x80", "(", "%", "\x01", "Ά", "ÿ", "«", "×", "ʼ", "Ѐ", "Џ", "ӿ", "ß",
        std::string(31, 'q'), std::string(32, 'W'), std::string(33, 'e'), std::string(64, '5'), std::string(65, 'R')};
    std::mt19937 random(7);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const std::size_t size = random() % 14;
        for (std::size_t k = 0; k < size; ++k) text += pieces[random() % pieces.size()];
        const auto length = static_cast<std::uint32_t>(text.size());
        const std::uint32_t begin = length == 0 ? 0 : static_cast<std::uint32_t>(random() % (length + 1));
        const std::uint32_t end = begin + static_cast<std::uint32_t>(random() % (length - begin + 2));  // may pass the text
        for (const Span span : {Span{0, length}, Span{begin, end}}) {
            expect_same_tokens(tokenize(text, span), reference::tokenize(text, span), text, span);
        }
    }
}

// An ASCII word cut by the span at every byte, near the buffer's size.
TEST(Tokens, FastPathsGiveThePlainTokensAtEveryCut) {
    const std::string text = "Ab " + std::string(40, 'c') + "D9's e";
    const auto length = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t begin = 0; begin <= length; ++begin) {
        for (std::uint32_t end = begin; end <= length; ++end) {
            expect_same_tokens(tokenize(text, {begin, end}), reference::tokenize(text, {begin, end}), text, {begin, end});
        }
    }
}

// Characters of two bytes are classified and folded from a table: every one
// of them (and every lead byte followed by a byte that does not continue it,
// or cut off by the text's end) must give the plain tokens, alone, inside and
// after a word, before an apostrophe and "s", in upper-case words. (Overlong
// C0/C1 forms are not compared: they take the same path as before, and the
// plain tokenizer never returns on an overlong ASCII digit.)
TEST(Tokens, EveryTwoByteCharacterGivesThePlainTokens) {
    const auto check = [](const std::string& text) {
        const Span all{0, static_cast<std::uint32_t>(text.size())};
        expect_same_tokens(tokenize(text, all), reference::tokenize(text, all), text, all);
    };
    for (unsigned lead = 0xC2; lead < 0xE0; ++lead) {
        for (unsigned next = 0x00; next < 0x100; ++next) {
            const std::string c{static_cast<char>(lead), static_cast<char>(next)};
            for (const std::string& text : {c, "Ab" + c + "cd", "x " + c + "’s " + c, c + c + "n't", "KYIV" + c}) {
                check(text);
            }
        }
        check(std::string("ab") + static_cast<char>(lead));
    }
}

// Token texts view one buffer owned by the Tokens: moving the list (into a
// growing vector, as extraction keeps a document's sentences) must not move
// the characters, whatever the length of the words (no small-string buffer).
TEST(Tokens, TextsStayValidWhenTheListIsMoved) {
    const std::string text = "Zelensky’s aides didn’t say “Kherson” — ÉTÉ… a Straße";
    Tokens first = tokenize(text);
    const std::vector<std::string> expected = token_texts(text);
    std::vector<const char*> addresses;
    for (const Token& token : first) addresses.push_back(token.text.data());
    std::vector<Tokens> kept;
    kept.push_back(std::move(first));
    for (int i = 0; i < 100; ++i) kept.push_back(tokenize("filler " + std::to_string(i)));  // reallocates `kept`
    Tokens moved = std::move(kept.front());
    ASSERT_EQ(moved.size(), expected.size());
    for (std::size_t i = 0; i < moved.size(); ++i) {
        EXPECT_EQ(moved[i].text, expected[i]) << i;
        EXPECT_EQ(moved[i].text.data(), addresses[i]) << i;
    }
}

// The texts are the Tokens' own: they stay readable after the tokenized string is gone.
TEST(Tokens, TextsOutliveTheTokenizedString) {
    Tokens tokens;
    {
        std::string text = "Peskov SAID";
        tokens = tokenize(text);
        text.assign(text.size(), '#');
    }
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0].text, "peskov");
    EXPECT_EQ(tokens[1].text, "said");
}

// The buffer is sized for the worst case before tokenizing: stray bytes,
// each written as U+FFFD (three bytes), end to end and inside words; and a
// four-byte letter that a span cuts after its first byte (read whole: four
// bytes written for one of the span's). (Under FACTLINE_SANITIZE, ASan checks the size.)
TEST(Tokens, TheWorstCasesFitTheBuffer) {
    for (const std::string& text : {std::string(50, '\xFF'), "a" + std::string(7, '\x80') + "b", std::string("\xFE")}) {
        const Span all{0, static_cast<std::uint32_t>(text.size())};
        expect_same_tokens(tokenize(text, all), reference::tokenize(text, all), text, all);
    }
    const std::string letter = "\xF0\x9D\x90\x80";  // U+1D400, a letter to the tokenizer
    for (const std::string& text : {letter, "\xFF" + letter, letter + letter}) {
        const auto cut = static_cast<std::uint32_t>(text.size() - letter.size() + 1);
        expect_same_tokens(tokenize(text, {0, cut}), reference::tokenize(text, {0, cut}), text, {0, cut});
        EXPECT_TRUE(tokenize(text, {0, cut}).back().text.ends_with(letter)) << text;
    }
}

TEST(Tokens, NormaliseJoinsWithSpaces) { EXPECT_EQ(normalise("Kherson’s  Oblast"), "kherson 's oblast"); }

}  // namespace
}  // namespace factline
