#include "checker/lexicon.hpp"

#include "checker/tokens.hpp"

namespace factline {

const std::vector<std::vector<std::string>>& Lexicon::words(const std::string& word_class) const {
    static const std::vector<std::vector<std::string>> none;
    auto it = word_classes.find(word_class);
    return it == word_classes.end() ? none : it->second;
}

PhraseIndex::PhraseIndex(const std::vector<std::vector<std::string>>& phrases) {
    for (const auto& phrase : phrases) {
        if (phrase.empty()) {
            has_empty_ = true;
            continue;
        }
        Starting& starting = by_first_[phrase.front()];
        starting.phrases.push_back(phrase);
        starting.alone = starting.alone || phrase.size() == 1;
    }
}

std::uint32_t PhraseIndex::longest_starting(std::span<const Token> tokens, std::uint32_t at) const {
    const Starting* starting = by_first_.find(tokens[at].text, tokens[at].hash);
    if (starting == nullptr) return 0;
    std::uint32_t best = 0;
    for (const auto& phrase : starting->phrases) {
        if (at + phrase.size() > tokens.size() || phrase.size() <= best) continue;
        bool same = true;
        for (std::size_t i = 1; i < phrase.size() && same; ++i) same = tokens[at + i].text == phrase[i];
        if (same) best = static_cast<std::uint32_t>(phrase.size());
    }
    return best;
}

bool PhraseIndex::any_at(std::span<const Token> tokens, std::uint32_t at, std::uint32_t limit) const {
    if (has_empty_ && at <= limit) return true;
    if (at >= tokens.size()) return false;
    const Starting* starting = by_first_.find(tokens[at].text, tokens[at].hash);
    if (starting == nullptr) return false;
    for (const auto& phrase : starting->phrases) {
        if (at + phrase.size() > limit) continue;
        bool same = true;
        for (std::size_t i = 1; i < phrase.size() && same; ++i) same = tokens[at + i].text == phrase[i];
        if (same) return true;
    }
    return false;
}

bool PhraseIndex::is_word_alone(const Token& token) const {
    const Starting* starting = by_first_.find(token.text, token.hash);
    return starting != nullptr && starting->alone;
}

const PhraseIndex& Lexicon::phrases(std::string_view word_class) const {
    static const PhraseIndex none;
    if (!phrase_index) return none;
    auto it = phrase_index->find(word_class);
    return it == phrase_index->end() ? none : it->second;
}

}  // namespace factline
