// The trigger index (checker/pattern_triggers.hpp): which pattern alternatives
// a sentence could match, before any is tried. It may let through patterns
// that then fail, but must never hold back one that matches.
#include <gtest/gtest.h>

#include <filesystem>

#include "checker/extract.hpp"
#include "checker/lexicon_match.hpp"
#include "checker/rule_pack.hpp"
#include "support/pattern_pack.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

struct Flags {
    std::vector<char> alternatives;
    bool any = false;
};

Flags flags_for(const RuleSet& rules, const std::string& sentence) {
    const auto tokens = tokenize(sentence);
    const auto mentions = rules.lexicon.matcher->find(tokens);
    Flags out;
    out.any = rules.patterns.triggers.candidates(tokens, fillable_slots(mentions), out.alternatives);
    return out;
}

bool rule_flagged(const RuleSet& rules, const Flags& flags, const std::string& id) {
    for (std::size_t r = 0; r < rules.patterns.rules.size(); ++r) {
        const auto& rule = rules.patterns.rules[r];
        if (rule.id != id) continue;
        const std::size_t first = rules.patterns.triggers.first_alternative(r);
        for (std::size_t k = 0; k < rule.compiled.size(); ++k) {
            if (flags.alternatives[first + k]) return true;
        }
        return false;
    }
    ADD_FAILURE() << "no rule " << id;
    return false;
}

class HandWrittenPack : public ::testing::Test {
protected:
    void SetUp() override {
        Diagnostics diagnostics;
        rules_ = testing::load_pattern_pack(
            temp_.path(),
            "[status.literal]\nvalue = \"russia\"\npattern = 'part of {region}'\n"
            "[status.either]\nvalue = \"russia\"\npattern = '@speech_verbs ..3.. (annexed | absorbed) {region}'\n"
            "[status.prefix]\nvalue = \"russia\"\npattern = 'negotiat* with {holder}'\n"
            "[status.slots_only]\nvalue = \"russia\"\npattern = '{holder} ..2.. {region}'\n",
            diagnostics);
        ASSERT_FALSE(diagnostics.has_errors());
        ASSERT_EQ(rules_.patterns.rules.size(), 4u);
    }

    testing::TempDir temp_{"factline-triggers"};
    RuleSet rules_;
};

TEST_F(HandWrittenPack, ASentenceWithoutTriggerWordsOrMentionsFlagsNothing) {
    const auto flags = flags_for(rules_, "The weather in the harbour was fine on the day of the regatta.");
    EXPECT_FALSE(flags.any);
    EXPECT_EQ(std::count(flags.alternatives.begin(), flags.alternatives.end(), 1), 0);
}

TEST_F(HandWrittenPack, TheRarestLiteralWordTriggersAndItsSlotMustBeFillable) {
    EXPECT_TRUE(rule_flagged(rules_, flags_for(rules_, "It is now part of Kherson region."), "t.status.literal"));
    // "part" without any place: {region} cannot be filled.
    EXPECT_FALSE(rule_flagged(rules_, flags_for(rules_, "It is now part of the plan."), "t.status.literal"));
}

TEST_F(HandWrittenPack, AGroupTriggersOnAnyOfItsOptions) {
    EXPECT_TRUE(rule_flagged(rules_, flags_for(rules_, "He said Moscow absorbed Kherson region."), "t.status.either"));
    EXPECT_FALSE(rule_flagged(rules_, flags_for(rules_, "He said Moscow kept Kherson region."), "t.status.either"));
}

TEST_F(HandWrittenPack, APrefixWordTriggersOnEveryWordItBegins) {
    EXPECT_TRUE(rule_flagged(rules_, flags_for(rules_, "Nobody is negotiating with Putin."), "t.status.prefix"));
    EXPECT_TRUE(rule_flagged(rules_, flags_for(rules_, "Negotiations with Putin stalled."), "t.status.prefix"));
    EXPECT_FALSE(rule_flagged(rules_, flags_for(rules_, "Nobody is talking with Putin."), "t.status.prefix"));
}

TEST_F(HandWrittenPack, APatternOfSlotsOnlyNeedsEachSlotFillable) {
    EXPECT_TRUE(rule_flagged(rules_, flags_for(rules_, "Putin visited Kherson region."), "t.status.slots_only"));
    EXPECT_FALSE(rule_flagged(rules_, flags_for(rules_, "Putin visited the harbour."), "t.status.slots_only"));
}

// The property the extraction stage relies on: no shipped rule is held back on
// its own examples (each example is a sentence the rule must match).
TEST(ShippedTriggers, EveryExampleSentenceFlagsItsRule) {
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({fs::path(FACTLINE_SOURCE_DIR) / "rules"}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
    std::size_t examples = 0;
    for (const auto& rule : rules.patterns.rules) {
        for (const auto& example : rule.examples) {
            const std::string text = example.substr(0, example.rfind(" => "));
            EXPECT_TRUE(rule_flagged(rules, flags_for(rules, text), rule.id)) << rule.id << ": " << text;
            ++examples;
        }
    }
    EXPECT_GT(examples, 20u);  // the shipped packs give examples for most rules
}

}  // namespace
}  // namespace factline
