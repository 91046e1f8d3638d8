// Matching compiled patterns (checker/pattern_match.cpp): the words a pattern
// can start with (StartTokens, a pre-filter that must never pass over a real
// match), and PreparedSentence, which is refilled sentence after sentence.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "checker/rule_pack.hpp"
#include "checker/slots.hpp"
#include "checker/word_table.hpp"
#include "support/pattern_pack.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

class StartWords : public ::testing::Test {
protected:
    void SetUp() override {
        Diagnostics diagnostics;
        rules_ = testing::load_pattern_pack(
            temp_.path(),
            "[status.group]\nvalue = \"russia\"\npattern = '(annexed | absorbed) {region}'\n"
            "[status.optional]\nvalue = \"russia\"\npattern = '[the] annexation of {region}'\n"
            "[status.slot_first]\nvalue = \"russia\"\npattern = '{holder} ..2.. annexed {region}'\n"
            "[status.prefix]\nvalue = \"russia\"\npattern = 'annex* {region}'\n"
            "[status.anchored]\nvalue = \"russia\"\npattern = '^ annexed {region}'\n"
            "[status.word_class]\nvalue = \"russia\"\npattern = '@speech_verbs ..3.. annexed {region}'\n",
            diagnostics);
        ASSERT_FALSE(diagnostics.has_errors());
        ASSERT_EQ(rules_.patterns.rules.size(), 6u);
    }

    const PatternRule& rule(const std::string& id) const {
        const auto& all = rules_.patterns.rules;
        const auto it = std::find_if(all.begin(), all.end(), [&](const PatternRule& r) { return r.id == id; });
        EXPECT_NE(it, all.end()) << id;
        return *it;
    }

    /// Begin and end tokens of each match of `id` in `sentence`.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> matches(const std::string& id, const std::string& sentence) {
        const auto tokens = tokenize(sentence);
        const auto mentions = rules_.lexicon.matcher->find(tokens);
        const SlotTable& slots = slot_builder_.build(tokens, mentions, rules_.lexicon, focus_);
        prepared_.prepare(tokens, slots);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
        for (const auto& match : match_rule(rule(id), prepared_)) out.emplace_back(match.begin, match.end);
        return out;
    }

    testing::TempDir temp_{"factline-match"};
    RuleSet rules_;
    Focus focus_;
    SlotBuilder slot_builder_;
    PreparedSentence prepared_;
};

using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

TEST_F(StartWords, AGroupOfWordsStartsWithAnyOfItsOptions) {
    const StartTokens& starts = rule("t.status.group").starts.at(0);
    EXPECT_FALSE(starts.any);
    std::vector<std::uint64_t> want = {word_hash("annexed"), word_hash("absorbed")};
    std::sort(want.begin(), want.end());
    EXPECT_EQ(starts.hashes, want);
    EXPECT_FALSE(rule("t.status.anchored").starts.at(0).any);  // the anchor matches no token
    EXPECT_EQ(rule("t.status.anchored").starts.at(0).hashes, std::vector<std::uint64_t>{word_hash("annexed")});
    EXPECT_FALSE(rule("t.status.word_class").starts.at(0).any);
    EXPECT_FALSE(rule("t.status.word_class").starts.at(0).hashes.empty());
}

TEST_F(StartWords, OptionalPartsSlotsAndPrefixesMayStartWithAnything) {
    EXPECT_TRUE(rule("t.status.optional").starts.at(0).any);
    EXPECT_TRUE(rule("t.status.slot_first").starts.at(0).any);
    EXPECT_TRUE(rule("t.status.prefix").starts.at(0).any);
}

TEST_F(StartWords, MatchesAreFoundWhereverTheyStart) {
    EXPECT_EQ(matches("t.status.group", "Moscow said it annexed Kherson region."), (Spans{{3, 6}}));
    EXPECT_EQ(matches("t.status.group", "It absorbed Kherson region and annexed Crimea."), (Spans{{1, 4}, {5, 7}}));
    EXPECT_EQ(matches("t.status.group", "It annexed nothing."), Spans{});
    EXPECT_EQ(matches("t.status.optional", "They condemned the annexation of Crimea."), (Spans{{2, 6}}));
    EXPECT_EQ(matches("t.status.prefix", "Russia annexes Crimea."), (Spans{{1, 3}}));
    EXPECT_EQ(matches("t.status.anchored", "\"Annexed Crimea\", he wrote."), (Spans{{1, 3}}));
    EXPECT_EQ(matches("t.status.anchored", "He annexed Crimea."), Spans{});
}

TEST_F(StartWords, APreparedSentenceForgetsTheOneBefore) {
    // A quoted sentence first (its tokens are copied without the quotation marks), then a plain one.
    EXPECT_EQ(matches("t.status.group", "He \"annexed\" Crimea."), (Spans{{2, 5}}));
    const auto tokens = tokenize("Crimea was annexed.");
    const SlotTable& slots = slot_builder_.build(tokens, rules_.lexicon.matcher->find(tokens), rules_.lexicon, focus_);
    prepared_.prepare(tokens, slots);
    EXPECT_EQ(prepared_.kept().data(), tokens.data());  // the tokens themselves, not copies
    EXPECT_EQ(prepared_.kept().size(), tokens.size());
    EXPECT_EQ(prepared_.original(), (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
    EXPECT_TRUE(prepared_.may_have(word_hash("annexed")));
    EXPECT_FALSE(prepared_.may_have(word_hash("he")));  // a word of the sentence before
    EXPECT_TRUE(prepared_.has_prefix("annex"));
    EXPECT_FALSE(prepared_.has_prefix("crimean"));
    EXPECT_TRUE(prepared_.may_share_any({word_hash("was")}));
    EXPECT_FALSE(prepared_.may_share_any({word_hash("he"), word_hash("wrote")}));
}

TEST_F(StartWords, APreparedSentenceKnowsEveryWordOfALongOne) {
    // Many distinct words (the set of their hashes grows), then a short sentence again.
    std::string text;
    for (int i = 0; i < 300; ++i) text += "w" + std::to_string(i) + " ";
    const auto tokens = tokenize(text);
    const SlotTable& slots = slot_builder_.build(tokens, rules_.lexicon.matcher->find(tokens), rules_.lexicon, focus_);
    prepared_.prepare(tokens, slots);
    for (int i = 0; i < 300; ++i) EXPECT_TRUE(prepared_.may_have(word_hash("w" + std::to_string(i)))) << i;
    for (int i = 300; i < 600; ++i) EXPECT_FALSE(prepared_.may_have(word_hash("w" + std::to_string(i)))) << i;
    EXPECT_TRUE(prepared_.may_share_any({word_hash("w600"), word_hash("w299")}));
    const auto short_tokens = tokenize("Crimea was annexed.");
    const SlotTable& short_slots =
        slot_builder_.build(short_tokens, rules_.lexicon.matcher->find(short_tokens), rules_.lexicon, focus_);
    prepared_.prepare(short_tokens, short_slots);
    EXPECT_FALSE(prepared_.may_have(word_hash("w1")));
    EXPECT_TRUE(prepared_.may_have(word_hash("crimea")));
}

}  // namespace
}  // namespace factline
