#pragma once
// Which pattern alternatives a sentence could match at all, found from its
// words in one pass instead of asking every rule (issue 7: most sentences of
// a corpus are about something else, and trying hundreds of rules on each was
// the extraction stage's main cost).
//
// Each compiled alternative of each rule gets, once at load time, a trigger: a
// set of words of which every match must contain at least one (the rarest
// literal step of the pattern, or the first words of a word class), and the
// slots every match must fill. Per sentence, each token is looked up once; an
// alternative whose trigger no token hits, or whose slots no mention can fill,
// is not tried. It is a pre-filter only: the matcher's own checks still decide.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/lexicon_match.hpp"
#include "checker/tokens.hpp"
#include "checker/slot_table.hpp"
#include "checker/word_table.hpp"

namespace factline {

struct PatternRule;

/// Bits of the slots a sentence's mentions could fill (a superset: the
/// matcher checks the slots themselves).
using SlotMask = std::uint8_t;
[[nodiscard]] constexpr SlotMask slot_bit(Slot slot) { return static_cast<SlotMask>(1u << static_cast<unsigned>(slot)); }
[[nodiscard]] SlotMask fillable_slots(const std::vector<Mention>& mentions);

class TriggerIndex {
public:
    TriggerIndex() = default;
    explicit TriggerIndex(const std::vector<PatternRule>& rules);

    /// One flag per alternative (numbered rule by rule: first_alternative(r) +
    /// k is rule r's k-th pattern), set when the sentence may match it.
    /// Returns whether any is set.
    bool candidates(std::span<const Token> tokens, SlotMask fillable, std::vector<char>& out) const;

    [[nodiscard]] std::size_t first_alternative(std::size_t rule) const { return first_[rule]; }
    /// False when the index was not built for this many rules (a RuleSet assembled by hand).
    [[nodiscard]] bool covers(std::size_t rules) const { return first_.size() == rules + 1; }

private:
    WordTable<std::vector<std::uint32_t>> by_word_;
    WordTable<std::vector<std::uint32_t>> by_prefix_;  // "negotiat*" triggers
    std::vector<std::size_t> prefix_lengths_;                                 // distinct lengths of by_prefix_ keys
    std::vector<std::uint32_t> always_;   // alternatives without a trigger word
    std::vector<SlotMask> needs_;         // per alternative: slots every match fills
    std::vector<std::size_t> first_;      // per rule: its first alternative
};

}  // namespace factline
