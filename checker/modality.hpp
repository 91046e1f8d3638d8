#pragma once
// Negation scope for pattern matches. A match is negated when a cue of the
// word class `negation` ("not", "n't", "never", "no longer", "ruled out", …)
// stands in its clause before it (the clause ends at , ; : quotes, and the
// words of the class `clause_breaks` such as "but"), or inside one of the
// match's gaps ("Russian forces do not fully control …") or slots (a region
// name that includes its quantifier: "none of the four"). Words the pattern
// itself names are not cues: "no plans to seize" is written as a pattern.
// Questions, conditions and demands before a match ("asked whether", "must
// leave") make it no statement at all.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checker/lexicon.hpp"
#include "checker/patterns.hpp"
#include "checker/tokens.hpp"

namespace factline {

/// The word classes modality reads, looked up by name once
/// (resolve_modality_classes) instead of at every match: the lookups cost
/// 4.7M instructions on 1,500 synthetic articles (issue 7).
struct ModalityClasses {
    decltype(Lexicon::phrase_index) index;  // what the pointers below point into, kept alive by them
    const PhraseIndex* irrealis = nullptr;
    const PhraseIndex* questions = nullptr;
    const PhraseIndex* answers_yes = nullptr;
    const PhraseIndex* answers_no = nullptr;
    const PhraseIndex* negation = nullptr;
    const PhraseIndex* clause_breaks = nullptr;
};

/// Looks up the classes modality reads in `lexicon`.
[[nodiscard]] ModalityClasses resolve_modality_classes(const Lexicon& lexicon);

/// True when the clause of `match` ends in a question mark ("Would Kyiv ever
/// agree to give up Zaporizhzhia?"): a direct question asserts nothing.
[[nodiscard]] bool in_direct_question(std::span<const Token> tokens, const PatternMatch& match);

/// True when the clause before `match` makes it no statement of fact: a
/// question, a condition or a demand (word class `irrealis`: "whether", "if",
/// "must", "demanded", …).
[[nodiscard]] bool is_irrealis(std::span<const Token> tokens, const PatternMatch& match,
                               const ModalityClasses& classes);

/// For a match inside a yes/no question (word class `questions` before it in
/// its clause: "Asked whether Moscow aims to seize more territory, …"), the
/// answer quoted after it as one word (classes `answers_yes`, `answers_no`:
/// "… he answered: “No.”"): true for yes, false for no. Nullopt when the
/// match is no question or the sentence gives no such answer.
[[nodiscard]] std::optional<bool> answered_question(std::span<const Token> tokens, const PatternMatch& match,
                                                    const ModalityClasses& classes);

/// True when `match` lies in the scope of a negation cue.
[[nodiscard]] bool is_negated(std::span<const Token> tokens, const PatternMatch& match,
                               const ModalityClasses& classes);

}  // namespace factline
