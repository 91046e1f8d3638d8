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
std::vector<std::vector<Cue>> cues_of(const std::vector<std::string>& sentences) {
    const Lexicon& lexicon = shipped_rules().lexicon;
    AttributionState state;
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

}  // namespace
}  // namespace factline
