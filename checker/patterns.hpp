#pragma once
// Compiled extraction patterns (rules/<pack>/patterns/<topic>.toml), parsed by
// the pattern grammar in grammar/ (parse_pattern.hpp) and compiled once into
// token matchers. A rule [topic.name] in the file of a topic gets the id
// <pack>.<topic>.<name> (loading: patterns.cpp). Matching (pattern_match.cpp)
// is a backtracking search over a sentence's normalised tokens, comparing
// their hashes before their text; slots ({region}, {holder}, {party}) are
// filled from a SlotTable the caller builds (slots.hpp). Negation, attribution and subject
// resolution are the extraction stage's (extract.cpp), not the matcher's.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/pattern_triggers.hpp"
#include "checker/slot_table.hpp"
#include "checker/tokens.hpp"

namespace factline {

/// One element of a compiled pattern.
struct PatternStep {
    enum class Kind { words, slot, word_class, gap, anchor, group };
    Kind kind = Kind::words;
    std::vector<std::string> words;                  // words: normalised tokens (the last may be a prefix)
    std::vector<std::uint64_t> word_hashes;          // words: their word_hash(), compared before the text
    bool prefix = false;                             // words: last token is a prefix ("negotiat*")
    Slot slot_id = Slot::region;                     // slot: which one ({region}, {holder}, …)
    std::vector<std::vector<std::string>> phrases;   // word_class: the class's phrases
    std::vector<std::vector<std::uint64_t>> phrase_hashes;  // word_class: their tokens' word_hash()
    std::vector<std::string> first_words;            // word_class: their first tokens, sorted, distinct
    std::vector<std::uint64_t> first_hashes;         // word_class: word_hash() of the first tokens, sorted, distinct
    bool empty_phrase = false;                       // word_class: a phrase without tokens (matches anywhere)
    unsigned max_gap = 0;                            // gap
    bool optional = false;                           // group
    std::vector<std::vector<PatternStep>> options;   // group
};

/// The tokens a match of one compiled pattern can start with: a start position
/// whose token has none of these hashes is passed over without a search (most
/// patterns open with a word or a group of words, and most positions of a
/// sentence hold something else).
struct StartTokens {
    bool any = true;                    // a slot, a gap, an optional part or a prefix opens the pattern
    std::vector<std::uint64_t> hashes;  // else: word_hash() of the words it can open with, sorted, distinct
};

struct PatternRule {
    std::string id;              // core.status.subject_of_federation
    std::string topic;
    std::string value;
    std::string negated_value;   // "" = a negated match yields nothing
    std::string holder = "speaker";  // speaker | subject | pattern | <holder group id>
    // Only holders of these groups make an assertion (empty: any). The same
    // words mean different things by side: "X has been liberated" is Ukraine
    // retaking X when Kyiv says it and Russia taking X when Moscow does.
    std::vector<std::string> holder_groups;
    std::string subject_default;     // "" | document_focus | any | speaker_group
    bool narrator = true;            // false: an unattributed match yields nothing
    bool prefer_city = false;        // a bare name shared by a region and its city means the city
    std::string description;
    std::vector<std::string> sources;               // the pattern strings
    std::vector<std::vector<PatternStep>> compiled;  // one per source
    std::vector<StartTokens> starts;                 // one per compiled pattern, pushed with it
    std::vector<std::string> examples;  // must match ("text" or "text => value")
    std::vector<std::string> counter;   // must not match
    std::string file;
    std::uint32_t line = 0;
};

struct PatternSet {
    std::vector<std::string> ids;
    std::vector<PatternRule> rules;
    TriggerIndex triggers;  // over `rules`; rebuilt by load_patterns over everything loaded so far
};

/// A filled slot of a match.
struct SlotFill {
    Slot slot = Slot::region;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::vector<std::string> ids;
};

/// One match of a rule in a token sequence: tokens [begin, end).
struct PatternMatch {
    const PatternRule* rule = nullptr;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::vector<SlotFill> fills;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> gaps;  // token ranges crossed by gaps
    unsigned literals = 0;  // tokens matched by words, classes and slots: the match's specificity
};

/// One sentence made ready for every rule at once: the hashes of its words
/// sorted (each rule's pre-check, "does the sentence have every word this
/// pattern needs?", is a binary search over integers), and its tokens and
/// slots without quotation marks, which patterns see through. Prepared once
/// per sentence, reusing the buffers of the sentence before; the tokens and
/// slots must outlive its use.
class PreparedSentence {
public:
    PreparedSentence() = default;
    PreparedSentence(std::span<const Token> tokens, const SlotTable& slots) { prepare(tokens, slots); }
    PreparedSentence(const PreparedSentence&) = delete;  // it points into itself (kept())
    PreparedSentence& operator=(const PreparedSentence&) = delete;

    /// Makes the sentence of `tokens` ready (the one before is forgotten).
    void prepare(std::span<const Token> tokens, const SlotTable& slots);

    /// True when a word of the sentence may have this word_hash() (a hash
    /// shared by two words can make it true wrongly: the matcher decides).
    [[nodiscard]] bool may_have(std::uint64_t word_hash) const;
    [[nodiscard]] bool has_prefix(std::string_view prefix) const;
    /// The same as may_have for any of `hashes`.
    [[nodiscard]] bool may_share_any(const std::vector<std::uint64_t>& hashes) const;

    /// The slots as given (the pre-check asks which slots are filled).
    [[nodiscard]] const SlotTable& slots() const { return *slots_; }
    /// Kept index -> token index (one past the end included).
    [[nodiscard]] const std::vector<std::uint32_t>& original() const { return original_; }
    /// The tokens without quotation marks, and the slots over them.
    [[nodiscard]] std::span<const Token> kept() const { return quoted_ ? std::span<const Token>(kept_) : tokens_; }
    [[nodiscard]] const SlotTable& kept_slots() const { return quoted_ ? kept_slots_ : *slots_; }

private:
    std::span<const Token> tokens_;
    const SlotTable* slots_ = nullptr;
    bool quoted_ = false;                     // false: nothing to leave out, kept() is the tokens themselves
    std::vector<std::uint32_t> original_;
    std::vector<std::uint32_t> kept_at_;      // token index -> kept index
    std::vector<Token> kept_;                 // copies (viewing the tokens' texts), only when a quotation mark is left out
    SlotTable kept_slots_;
    [[nodiscard]] std::size_t slot_of(std::uint64_t word_hash) const;
    std::vector<std::uint64_t> hash_slots_;  // word_hash() of the tokens, open-addressed; 0 = empty slot
    unsigned hash_shift_ = 60;               // 64 - log2(hash_slots_.size())
    bool has_zero_hash_ = false;             // a token whose hash is 0 (no slot can say so)
};

/// Every non-overlapping match of `rule` in the sentence, left to right.
/// Quotation marks are transparent: 'to "liberate" them' matches 'liberate them'.
/// `wanted`, when given, has one flag per pattern of the rule: only flagged
/// ones are tried (TriggerIndex::candidates).
[[nodiscard]] std::vector<PatternMatch> match_rule(const PatternRule& rule, const PreparedSentence& sentence,
                                                   const char* wanted = nullptr);

}  // namespace factline
