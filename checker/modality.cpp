#include "checker/modality.hpp"

namespace factline {

namespace {

constexpr std::uint32_t scope_window = 8;  // tokens before the match that a cue may stand in

bool clause_break(const Token& token, const PhraseIndex& clause_breaks) {
    return token.quote || token.text == "," || token.text == ";" || token.text == ":" || token.text == "(" ||
           token.text == "." || token.text == "!" || token.text == "?" ||
           token.text == ")" || (token.text == "-" && token.space_before) || clause_breaks.is_word(token);
}

}  // namespace

ModalityClasses resolve_modality_classes(const Lexicon& lexicon) {
    ModalityClasses classes;
    classes.index = lexicon.phrase_index;
    classes.irrealis = &lexicon.phrases("irrealis");
    classes.questions = &lexicon.phrases("questions");
    classes.answers_yes = &lexicon.phrases("answers_yes");
    classes.answers_no = &lexicon.phrases("answers_no");
    classes.negation = &lexicon.phrases("negation");
    classes.clause_breaks = &lexicon.phrases("clause_breaks");
    return classes;
}

bool is_irrealis(std::span<const Token> tokens, const PatternMatch& match, const ModalityClasses& classes) {
    const PhraseIndex& irrealis = *classes.irrealis;
    const PhraseIndex& breaks = *classes.clause_breaks;
    const std::uint32_t stop = match.begin > scope_window ? match.begin - scope_window : 0;
    for (std::uint32_t at = match.begin; at > stop; --at) {
        const Token& token = tokens[at - 1];
        if (irrealis.any_at(tokens, at - 1, match.begin)) return true;
        if (clause_break(token, breaks)) break;
    }
    return false;
}

bool in_direct_question(std::span<const Token> tokens, const PatternMatch& match) {
    for (std::uint32_t at = match.end; at < tokens.size(); ++at) {
        const Token& token = tokens[at];
        if (token.text == "?") return true;
        // A quote or a full stop first: the question, if any, is another clause's.
        if (token.quote || token.text == "." || token.text == ";" || token.text == "!") return false;
    }
    return false;
}

std::optional<bool> answered_question(std::span<const Token> tokens, const PatternMatch& match,
                                     const ModalityClasses& classes) {
    const PhraseIndex& questions = *classes.questions;
    const PhraseIndex& breaks = *classes.clause_breaks;
    bool question = false;
    const std::uint32_t stop = match.begin > scope_window ? match.begin - scope_window : 0;
    for (std::uint32_t at = match.begin; at > stop && !question; --at) {
        question = questions.any_at(tokens, at - 1, match.begin);
        if (!question && clause_break(tokens[at - 1], breaks)) break;
    }
    if (!question) return std::nullopt;
    // The answer: an opening quote, one answer word, optional punctuation, a closing quote.
    const PhraseIndex& answers_no = *classes.answers_no;
    const PhraseIndex& answers_yes = *classes.answers_yes;
    const auto n = static_cast<std::uint32_t>(tokens.size());
    for (std::uint32_t at = match.end; at + 2 < n; ++at) {
        if (!tokens[at].quote) continue;
        std::uint32_t end = at + 2;
        while (end < n && (tokens[end].text == "." || tokens[end].text == "!" || tokens[end].text == ",")) ++end;
        if (end >= n || !tokens[end].quote) continue;
        if (answers_no.any_at(tokens, at + 1, at + 2)) return false;
        if (answers_yes.any_at(tokens, at + 1, at + 2)) return true;
    }
    return std::nullopt;
}

bool is_negated(std::span<const Token> tokens, const PatternMatch& match, const ModalityClasses& classes) {
    const PhraseIndex& negation = *classes.negation;
    const PhraseIndex& breaks = *classes.clause_breaks;
    const std::uint32_t stop = match.begin > scope_window ? match.begin - scope_window : 0;
    for (std::uint32_t at = match.begin; at > stop; --at) {
        if (clause_break(tokens[at - 1], breaks)) break;
        if (negation.any_at(tokens, at - 1, match.begin)) return true;
    }
    // A name that carries its quantifier ("none of the four") negates too.
    for (const auto& fill : match.fills) {
        for (std::uint32_t at = fill.begin; at < fill.end; ++at) {
            if (negation.any_at(tokens, at, fill.end)) return true;
        }
    }
    for (const auto& [begin, end] : match.gaps) {
        for (std::uint32_t at = begin; at < end; ++at) {
            if (negation.any_at(tokens, at, end)) return true;
        }
    }
    return false;
}

}  // namespace factline
