// WordTable (checker/word_table.hpp) and what is built on it: tokens carry the
// hash their tables are asked with, and PhraseIndex answers "is this token a
// phrase of the class by itself?".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/lexicon.hpp"
#include "checker/tokens.hpp"
#include "checker/hash_filter.hpp"
#include "checker/word_table.hpp"

namespace factline {
namespace {

TEST(WordTable, FindsEveryInsertedWordThroughGrowthAndNothingElse) {
    WordTable<int> table;
    for (int i = 0; i < 1000; ++i) table["w" + std::to_string(i)] = i;  // grows from 8 slots many times
    ASSERT_EQ(table.size(), 1000u);
    for (int i = 0; i < 1000; ++i) {
        const std::string word = "w" + std::to_string(i);
        const int* value = table.find(word);
        ASSERT_NE(value, nullptr) << word;
        EXPECT_EQ(*value, i);
    }
    EXPECT_EQ(table.find("w1000"), nullptr);
    EXPECT_EQ(table.find(""), nullptr);
    table["w7"] = 70;  // an existing word: the same entry
    EXPECT_EQ(table.size(), 1000u);
    EXPECT_EQ(*table.find("w7"), 70);
}

TEST(WordTable, AnEmptyTableFindsNothing) {
    const WordTable<int> table;
    EXPECT_TRUE(table.empty());
    EXPECT_EQ(table.find("said"), nullptr);
}

TEST(WordTable, AHashCollisionIsToldApartByTheWord) {
    WordTable<int> table;
    table["kherson"] = 1;
    // Asked with kherson's hash but another word (as a colliding hash would be): not found.
    EXPECT_EQ(table.find("kharkiv", word_hash("kherson")), nullptr);
    EXPECT_NE(table.find("kherson", word_hash("kherson")), nullptr);
}

TEST(WordTable, TheFilterPassesEveryKeyAndAgreesWithALookUp) {
    WordTable<int> table;
    for (int i = 0; i < 1000; ++i) {
        table["w" + std::to_string(i)] = i;
        // No false negative at any size, also just after the filter is rebuilt by growth.
        for (int j = 0; j <= i; ++j) ASSERT_TRUE(table.may_contain(word_hash("w" + std::to_string(j)))) << i << " " << j;
    }
    int passed = 0;
    for (int i = 0; i < 100000; ++i) {
        const std::string word = "absent" + std::to_string(i);
        const bool may = table.may_contain(word_hash(word));
        passed += may ? 1 : 0;
        if (!may) {
            EXPECT_EQ(table.find(word), nullptr) << word;
        }
    }
    // It filters: at least 16 bits per key lets through about one absent word in 16 (or fewer).
    EXPECT_LT(passed, 100000 / 8);
    EXPECT_FALSE(WordTable<int>().may_contain(word_hash("said")));
}

TEST(WordTable, TokensCarryTheHashOfTheirNormalisedText) {
    for (const Token& token : tokenize("Zelensky’s aides didn't say “Kherson” — ÉTÉ…")) {
        EXPECT_EQ(token.hash, word_hash(token.text)) << token.text;
    }
}

TEST(PhraseIndex, IsWordOnlyForOneTokenPhrases) {
    const PhraseIndex index({{"however"}, {"of", "course"}});
    const auto tokens = tokenize("However, of course");
    EXPECT_TRUE(index.is_word(tokens[0]));   // "however" (case folded)
    EXPECT_FALSE(index.is_word(tokens[1]));  // ","
    EXPECT_FALSE(index.is_word(tokens[2]));  // "of" starts a longer phrase only
}

TEST(PhraseIndex, LongestAtFindsEveryPhraseBehindTheFilter) {
    std::vector<std::vector<std::string>> phrases;
    for (int i = 0; i < 300; ++i) phrases.push_back({"v" + std::to_string(i), "x"});
    phrases.push_back({"said"});
    const PhraseIndex index(phrases);
    for (int i = 0; i < 300; ++i) {
        const auto tokens = tokenize("v" + std::to_string(i) + " x");
        EXPECT_EQ(index.longest_at(tokens, 0), 2u) << i;
        EXPECT_EQ(index.longest_at(tokens, 1), 0u);
        EXPECT_FALSE(index.is_word(tokens[0]));
    }
    const auto tokens = tokenize("she said");
    EXPECT_EQ(index.longest_at(tokens, 1), 1u);
    EXPECT_TRUE(index.is_word(tokens[1]));
    EXPECT_EQ(index.longest_at(tokens, 2), 0u);  // past the end
}

TEST(HashFilter, MarkedHashesPassAndClearingForgetsThem) {
    HashFilter filter(10);
    for (int i = 0; i < 50; ++i) filter.mark(word_hash("w" + std::to_string(i)));
    for (int i = 0; i < 50; ++i) EXPECT_TRUE(filter.may_contain(word_hash("w" + std::to_string(i)))) << i;
    int passed = 0;
    for (int i = 0; i < 10000; ++i) passed += filter.may_contain(word_hash("x" + std::to_string(i)));
    EXPECT_LT(passed, 10000 / 8);  // 50 keys in 1,024 bits: about one in 20 gets through
    filter.clear(4);  // below the 64-bit minimum: made 64
    for (int i = 0; i < 50; ++i) EXPECT_FALSE(filter.may_contain(word_hash("w" + std::to_string(i)))) << i;
}

}  // namespace
}  // namespace factline
