#include "checker/lexicon.hpp"

#include <algorithm>

namespace factline {

const std::vector<std::vector<std::string>>& Lexicon::words(const std::string& word_class) const {
    static const std::vector<std::vector<std::string>> none;
    auto it = word_classes.find(word_class);
    return it == word_classes.end() ? none : it->second;
}

bool Lexicon::in_class(const std::string& word_class, const std::string& word) const {
    const auto& phrases = words(word_class);
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](const auto& phrase) { return phrase.size() == 1 && phrase.front() == word; });
}

}  // namespace factline
