#pragma once
// Compiled extraction patterns (rules/<pack>/patterns/<topic>.toml), parsed by
// the pattern grammar in grammar/ (parse_pattern.hpp) and compiled once into
// token matchers. A rule [topic.name] in the file of a topic gets the id
// <pack>.<topic>.<name>. Matching is a backtracking search over a sentence's
// normalised tokens; slots ({region}, {holder}, {party}) are filled from a
// SlotTable the caller builds (slots.hpp). Negation, attribution and subject
// resolution are the extraction stage's (extract.cpp), not the matcher's.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "checker/pattern_triggers.hpp"
#include "checker/tokens.hpp"

namespace factline {

/// One element of a compiled pattern.
struct PatternStep {
    enum class Kind { words, slot, word_class, gap, anchor, group };
    Kind kind = Kind::words;
    std::vector<std::string> words;                  // words: normalised tokens (the last may be a prefix)
    bool prefix = false;                             // words: last token is a prefix ("negotiat*")
    std::string slot;                                // slot: region | named_region | holder | party
    std::vector<std::vector<std::string>> phrases;   // word_class: the class's phrases
    std::vector<std::string> first_words;            // word_class: their first tokens, sorted, distinct
    bool empty_phrase = false;                       // word_class: a phrase without tokens (matches anywhere)
    unsigned max_gap = 0;                            // gap
    bool optional = false;                           // group
    std::vector<std::vector<PatternStep>> options;   // group
};

struct PatternRule {
    std::string id;              // core.status.subject_of_federation
    std::string topic;
    std::string value;
    std::string negated_value;   // "" = a negated match yields nothing
    std::string holder = "speaker";  // speaker | subject | pattern | <holder group id>
    std::string subject_default;     // "" | document_focus | any | speaker_group
    bool narrator = true;            // false: an unattributed match yields nothing
    bool prefer_city = false;        // a bare name shared by a region and its city means the city
    std::string description;
    std::vector<std::string> sources;               // the pattern strings
    std::vector<std::vector<PatternStep>> compiled;  // one per source
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

/// Candidates for a slot starting at one token: where each ends, and the ids it names.
struct SlotCandidate {
    std::uint32_t end = 0;
    std::vector<std::string> ids;
};

/// Slot name -> per token position -> candidates (longest first).
using SlotTable = std::map<std::string, std::vector<std::vector<SlotCandidate>>>;

/// A filled slot of a match.
struct SlotFill {
    std::string slot;
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

/// One sentence made ready for every rule at once: its distinct words sorted
/// (each rule's pre-check, "does the sentence have every word this pattern
/// needs?", is a binary search, not a scan), and its tokens and slots without
/// quotation marks, which patterns see through. Built once per sentence; the
/// tokens and slots must outlive it.
class PreparedSentence {
public:
    PreparedSentence(const std::vector<Token>& tokens, const SlotTable& slots);

    [[nodiscard]] bool has(std::string_view word) const;
    [[nodiscard]] bool has_prefix(std::string_view prefix) const;
    /// True when one of `sorted` (ascending, as std::string orders) is a word of the sentence.
    [[nodiscard]] bool shares_any(const std::vector<std::string>& sorted) const;

    const SlotTable& slots;                   // as given (the pre-check asks which slots are filled)
    std::vector<std::uint32_t> original;      // kept index -> token index (one past the end included)

    /// The tokens without quotation marks, and the slots over them.
    [[nodiscard]] const std::vector<Token>& kept() const { return quoted_ ? kept_ : tokens_; }
    [[nodiscard]] const SlotTable& kept_slots() const { return quoted_ ? kept_slots_ : slots; }

private:
    const std::vector<Token>& tokens_;
    bool quoted_ = false;                     // false: nothing to leave out, kept() is the tokens themselves
    std::vector<Token> kept_;                 // copies, only when a quotation mark is left out
    SlotTable kept_slots_;
    std::vector<std::string_view> words_;     // views into the tokens
};

/// Every non-overlapping match of `rule` in the sentence, left to right.
/// Quotation marks are transparent: 'to "liberate" them' matches 'liberate them'.
/// `wanted`, when given, has one flag per pattern of the rule: only flagged
/// ones are tried (TriggerIndex::candidates).
[[nodiscard]] std::vector<PatternMatch> match_rule(const PatternRule& rule, const PreparedSentence& sentence,
                                                   const char* wanted = nullptr);

}  // namespace factline
