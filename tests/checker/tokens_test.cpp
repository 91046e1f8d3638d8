// Tokenizer: normalised texts and exact byte spans (table tests).
#include "checker/tokens.hpp"

#include <ostream>
#include <random>

#include <gtest/gtest.h>

#include "checker/word_table.hpp"

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

TEST(Tokens, NormaliseJoinsWithSpaces) { EXPECT_EQ(normalise("Kherson’s  Oblast"), "kherson 's oblast"); }

}  // namespace
}  // namespace factline
