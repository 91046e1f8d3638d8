// Speech attribution (checker/attribution.hpp) with the shipped rule pack: which
// tokens cue speech and who speaks. Quoted speech verbs are the quoted
// person's words; a sentence with no quotation has every cue read without a
// test against quotes, so both kinds of sentence are here.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "checker/attribution.hpp"
#include "support/shipped_rules.hpp"

namespace factline {
namespace {

using testing::shipped_rules;

struct Cue {
    std::uint32_t token;
    std::string holder;
    friend bool operator==(const Cue&, const Cue&) = default;
};

std::ostream& operator<<(std::ostream& os, const Cue& cue) { return os << cue.token << ":" << cue.holder; }

/// The cues of each sentence in turn, as (token, first speaker's holder), with one state for all.
std::vector<std::vector<Cue>> cues_of(const std::vector<std::string>& sentences, AttributionState state = {}) {
    const Lexicon& lexicon = shipped_rules().lexicon;
    std::vector<std::vector<Cue>> out;
    for (const auto& sentence : sentences) {
        const auto tokens = tokenize(sentence);
        const auto speech = state.analyse(tokens, lexicon.matcher->find(tokens), lexicon);
        auto& cues = out.emplace_back();
        for (const auto& cue : speech.cues) cues.push_back({cue.token, cue.speakers.front().holder});
    }
    return out;
}

TEST(Attribution, AVerbOrAPhraseCuesItsSpeakerInASentenceWithoutQuotes) {
    const auto cues = cues_of({"Peskov said the talks were over.", "The talks are over, according to Peskov."});
    EXPECT_EQ(cues[0], (std::vector<Cue>{{1, "peskov"}}));
    EXPECT_EQ(cues[1], (std::vector<Cue>{{5, "peskov"}}));
}

TEST(Attribution, AQuotedSpeechVerbIsNoCue) {
    // Tokens: “ Kyiv said no , ” Peskov said . — the quoted "said" (2) is Kyiv's word, quoted.
    const auto cues = cues_of({"\xE2\x80\x9CKyiv said no,\xE2\x80\x9D Peskov said.", "He said so."});
    EXPECT_EQ(cues[0], (std::vector<Cue>{{7, "peskov"}}));
    EXPECT_EQ(cues[1], (std::vector<Cue>{{1, "peskov"}}));  // "he": the last person named as a speaker
}

TEST(Attribution, NoSpeechVerbNoCue) {
    const auto cues = cues_of({"Peskov visited the city.", "\xE2\x80\x9CThe city is calm\xE2\x80\x9D."});
    EXPECT_TRUE(cues[0].empty());
    EXPECT_TRUE(cues[1].empty());
}

// Extraction resolves the word classes once and hands them to each
// document's state (issue 7): they must be the lexicon's own, and a state
// given them must read sentences as one that looks them up itself.
TEST(Attribution, ClassesResolvedBeforehandReadAsLookedUpOnes) {
    const Lexicon& lexicon = shipped_rules().lexicon;
    const auto classes = resolve_speech_classes(lexicon);
    EXPECT_TRUE(classes->resolved_from(lexicon));
    EXPECT_FALSE(classes->resolved_from(Lexicon{}));
    EXPECT_EQ(classes->speaker_adjectives.size(), lexicon.holder_groups.size());
    const std::vector<std::string> sentences = {"A Russian spokesperson said talks were impossible.",
                                                "Peskov spoke to reporters.", "Peace is far off, he said."};
    const auto looked_up = cues_of(sentences);
    // The first and last sentences cue a speaker ("he" is Peskov, named in
    // the second), so the comparison is over cues, not over nothing.
    ASSERT_EQ(looked_up.size(), 3u);
    EXPECT_EQ(looked_up[0].size(), 1u);
    EXPECT_EQ(looked_up[2], (std::vector<Cue>{{6, "peskov"}}));
    EXPECT_EQ(cues_of(sentences, AttributionState(classes)), looked_up);
}

}  // namespace
}  // namespace factline
