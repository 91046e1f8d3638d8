#include "checker/lexicon.hpp"

#include <algorithm>

namespace factline {

const std::vector<std::vector<std::string>>& Lexicon::words(const std::string& word_class) const {
    static const std::vector<std::vector<std::string>> none;
    auto it = word_classes.find(word_class);
    return it == word_classes.end() ? none : it->second;
}

bool Lexicon::in_class(const std::string& word_class, const std::string& word) const {
    return is_one_word_phrase(words(word_class), word);
}

bool Lexicon::is_one_word_phrase(const std::vector<std::vector<std::string>>& phrases, const std::string& word) {
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](const auto& phrase) { return phrase.size() == 1 && phrase.front() == word; });
}

}  // namespace factline
