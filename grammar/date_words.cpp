#include "grammar/date_words.hpp"

#include <algorithm>

namespace factline::grammar {

DateWordTable::DateWordTable(const std::map<std::string, std::uint16_t>& words) {
    std::vector<std::pair<std::string, std::uint16_t>> sorted;
    for (const auto& [letters, kinds] : words) {
        if (!letters.empty() && letters.size() < longest && letters[0] >= 'a' && letters[0] <= 'z') {
            sorted.emplace_back(letters, kinds);
        }
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return std::pair(a.first[0], a.first.size()) < std::pair(b.first[0], b.first.size());
    });
    for (const auto& [letters, kinds] : sorted) {
        auto& range = ranges_[static_cast<std::size_t>(letters[0] - 'a')][letters.size()];
        if (range.first == range.second) range.first = range.second = static_cast<std::uint16_t>(entries_.size());
        ++range.second;
        Letters padded{};
        std::copy(letters.begin(), letters.end(), padded.begin());
        Entry entry;
        std::memcpy(&entry.low, padded.data(), sizeof entry.low);
        std::memcpy(&entry.high, padded.data() + sizeof entry.low, sizeof entry.high);
        entry.kinds = kinds;
        entries_.push_back(entry);
        if ((kinds & (weekday_word | weekday_abbreviation_word)) == 0) continue;
        if (weekday_first_letters_.find(letters[0]) == std::string::npos) weekday_first_letters_.push_back(letters[0]);
        if (letters.size() < 3) {
            short_weekday_words_ = true;
            continue;
        }
        const std::uint32_t packed = pack3(letters[0], letters[1], letters[2]);
        weekday_starts_[packed >> 6] |= std::uint64_t{1} << (packed & 63);
    }
}

}  // namespace factline::grammar
