// The layout rules' index (checker/line_pattern_index.hpp) and the word-class
// phrase index (Lexicon::phrases): pre-filters that may let through too much,
// but must never hold back a rule or phrase that matches.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "checker/layout.hpp"
#include "checker/rule_pack.hpp"
#include "checker/tokens.hpp"
#include "support/shipped_rules.hpp"

namespace factline {
namespace {

using testing::shipped_rules;

TEST(LinePatternIndex, EveryShippedExampleLineFlagsItsRule) {
    const LayoutRules& layout = shipped_rules().layout;
    std::size_t examples = 0;
    std::vector<char> flags;
    for (std::size_t r = 0; r < layout.boilerplate.size(); ++r) {
        for (const auto& example : layout.boilerplate[r].examples) {
            layout.boilerplate_index.candidates(fold_line(example), layout.boilerplate.size(), flags);
            EXPECT_TRUE(flags[r]) << layout.boilerplate[r].id << ": " << example;
            ++examples;
        }
    }
    EXPECT_GT(examples, 50u);
}

/// An index with one group per pattern, and which groups a line is let through for.
class OneGroupEach {
public:
    explicit OneGroupEach(const std::vector<std::string>& globs) {
        for (const auto& glob : globs) patterns_.push_back(make_line_pattern(glob));
        for (const auto& pattern : patterns_) groups_.push_back({&pattern});
        index_ = LinePatternIndex(groups_);
    }
    OneGroupEach(const OneGroupEach&) = delete;  // groups_ points into patterns_
    OneGroupEach& operator=(const OneGroupEach&) = delete;

    [[nodiscard]] std::vector<int> flagged(const std::string& line) {
        index_.candidates(fold_line(line), groups_.size(), flags_);
        std::vector<int> out;
        for (std::size_t g = 0; g < flags_.size(); ++g) {
            if (flags_[g]) out.push_back(static_cast<int>(g));
        }
        return out;
    }

    [[nodiscard]] const LinePatternIndex& index() const { return index_; }
    [[nodiscard]] std::size_t groups() const { return groups_.size(); }

private:
    std::vector<LinePattern> patterns_;  // complete before groups_ points into it
    std::vector<std::vector<const LinePattern*>> groups_;
    LinePatternIndex index_;
    std::vector<char> flags_;
};

TEST(LinePatternIndex, EachKindOfPatternIsFoundAndOtherLinesAreNot) {
    OneGroupEach patterns({"Leave a Reply", "Share this*", "* via Reuters*", "Liked by # people"});
    const auto flagged = [&](const std::string& line) { return patterns.flagged(line); };
    const LinePatternIndex& index = patterns.index();
    std::vector<char> flags;
    EXPECT_EQ(flagged("Leave a reply"), std::vector<int>{0});
    EXPECT_EQ(flagged("Share this: Facebook, X"), std::vector<int>{1});
    EXPECT_EQ(flagged("Soldiers in Bakhmut (photo via Reuters)"), std::vector<int>{2});
    EXPECT_EQ(flagged("Liked by 12 people"), std::vector<int>{3});
    EXPECT_TRUE(flagged("The talks resumed on Monday in Istanbul.").empty());
    // A line is let through by a pattern's opening text only when it starts with all of it.
    EXPECT_TRUE(flagged("Shares fell 3%").empty());
    EXPECT_TRUE(flagged("He liked by 2 people").empty());
    EXPECT_TRUE(flagged("Share thin ice").empty());  // the same first eight bytes, then not
    EXPECT_TRUE(flagged("Sha").empty());
    EXPECT_EQ(flagged("SHARE THIS"), std::vector<int>{1});
    EXPECT_EQ(flagged("  LIKED   by 1,200 people"), std::vector<int>{3});
    // It says whether it flagged any group.
    EXPECT_FALSE(index.candidates(fold_line("The talks resumed."), patterns.groups(), flags));
    EXPECT_TRUE(index.candidates(fold_line("Leave a reply"), patterns.groups(), flags));
    EXPECT_TRUE(index.candidates(fold_line("Liked by 12 people"), patterns.groups(), flags));
    EXPECT_TRUE(index.candidates(fold_line("Soldiers (photo via Reuters)"), patterns.groups(), flags));
    // Asked about other groups than it was built for (rules assembled by hand): every one may match.
    EXPECT_TRUE(index.candidates(fold_line("The talks resumed."), 6, flags));
    EXPECT_EQ(flags, std::vector<char>(6, 1));
}

TEST(LinePatternIndex, GlobsClosingWithTextAreFoundByTheLinesEnd) {
    OneGroupEach patterns({"* via Reuters", "# comments", "*/AP", "* via Reuters."});
    const auto flagged = [&](const std::string& line) { return patterns.flagged(line); };
    EXPECT_EQ(flagged("Soldiers in Bakhmut, photo via Reuters"), std::vector<int>{0});
    EXPECT_EQ(flagged("12 COMMENTS"), std::vector<int>{1});
    EXPECT_EQ(flagged("Kyiv, Ukraine. John Doe/AP"), std::vector<int>{2});
    EXPECT_EQ(flagged("Photo via Reuters."), std::vector<int>{3});
    // The text anywhere but at the end: the glob cannot match, and the index says so.
    EXPECT_TRUE(flagged("Photos via Reuters show the damage").empty());
    EXPECT_TRUE(flagged("12 comments so far").empty());
    EXPECT_TRUE(flagged("s").empty());
}

TEST(LinePatternIndex, NeverHoldsBackAGroupWhosePatternMatches) {
    // Random globs and lines over a few words, numbers and blanks: every group
    // with a pattern that matches the line (folded_line_matches, the rules'
    // own test) is flagged, whichever of the index's ways found the pattern.
    const std::vector<std::string> pattern_parts{"via", " ", "reuters", "/ap", "ab", "a", "*", "#", "x.", "(", ")"};
    const std::vector<std::string> line_parts{"via", " ", "Reuters", "/AP", "ab", "a", "12", "1,200", "x.", "(", ")",
                                              "b", "  "};
    std::mt19937 random(3);
    std::size_t matches = 0;
    for (int round = 0; round < 300; ++round) {
        std::vector<LinePattern> patterns;
        for (int p = 0; p < 12; ++p) {
            std::string glob;
            const int count = 1 + static_cast<int>(random() % 4);
            for (int k = 0; k < count; ++k) glob += pattern_parts[random() % pattern_parts.size()];
            patterns.push_back(make_line_pattern(glob));
        }
        std::vector<std::vector<const LinePattern*>> groups(4);
        for (std::size_t p = 0; p < patterns.size(); ++p) groups[p % groups.size()].push_back(&patterns[p]);
        const LinePatternIndex index(groups);
        std::vector<char> flags;
        for (int l = 0; l < 40; ++l) {
            std::string line;
            // Every other line long: its pairs are summarised sixteen at a time.
            const int count = 1 + static_cast<int>(random() % (l % 2 == 0 ? 6 : 24));
            for (int k = 0; k < count; ++k) line += line_parts[random() % line_parts.size()];
            const std::string folded = fold_line(line);
            index.candidates(folded, groups.size(), flags);
            for (std::size_t g = 0; g < groups.size(); ++g) {
                for (const LinePattern* pattern : groups[g]) {
                    if (!folded_line_matches(*pattern, folded)) continue;
                    ++matches;
                    EXPECT_TRUE(flags[g]) << "'" << pattern->glob << pattern->folded << "' on '" << folded << "'";
                }
            }
        }
    }
    EXPECT_GT(matches, 500u);
}

TEST(LinePatternIndex, ManyContainsPatternsEachFlagOnlyTheirGroup) {
    // More than 64 patterns found by the text they contain: the index's
    // rejection table spans several 64-bit words.
    std::vector<LinePattern> patterns;
    for (int n = 0; n < 150; ++n) patterns.push_back(make_line_pattern("*credit " + std::to_string(n) + "x*"));
    std::vector<std::vector<const LinePattern*>> groups;
    for (const auto& pattern : patterns) groups.push_back({&pattern});
    const LinePatternIndex index(groups);
    std::vector<char> flags;
    for (const int n : {0, 7, 63, 64, 65, 127, 128, 149}) {
        SCOPED_TRACE(n);
        EXPECT_TRUE(index.candidates(fold_line("Photo CREDIT " + std::to_string(n) + "X, Kyiv"), groups.size(), flags));
        std::vector<char> expected(groups.size(), 0);
        expected[static_cast<std::size_t>(n)] = 1;
        EXPECT_EQ(flags, expected);
    }
    EXPECT_FALSE(index.candidates(fold_line("Photo credit: none"), groups.size(), flags));
    EXPECT_FALSE(index.candidates(fold_line("x"), groups.size(), flags));
}

TEST(PhraseIndex, TheLongestPhraseAtATokenWins) {
    const PhraseIndex index({{"told"}, {"told", "reporters"}, {"said"}});
    const auto tokens = tokenize("He told reporters he said so");
    EXPECT_EQ(index.longest_at(tokens, 1), 2u);  // "told reporters", not "told"
    EXPECT_EQ(index.longest_at(tokens, 4), 1u);  // "said"
    EXPECT_EQ(index.longest_at(tokens, 0), 0u);
    EXPECT_EQ(index.longest_at(tokens, 99), 0u);
}

TEST(PhraseIndex, ShippedSpeechVerbsAreIndexed) {
    const auto tokens = tokenize("The minister said on Friday");
    EXPECT_EQ(shipped_rules().lexicon.phrases("speech_verbs").longest_at(tokens, 2), 1u);
    EXPECT_EQ(shipped_rules().lexicon.phrases("no_such_class").longest_at(tokens, 2), 0u);
}

}  // namespace
}  // namespace factline
