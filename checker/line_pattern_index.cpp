#include "checker/line_pattern_index.hpp"

#include <algorithm>
#include <bitset>

#include "checker/layout.hpp"

namespace factline {

std::uint32_t LinePatternIndex::first_two(std::string_view text) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(text[0])) << 8 |
           static_cast<unsigned char>(text[1]);
}

std::uint16_t LinePatternIndex::pair_bit(char a, char b) {
    const std::uint32_t pair = static_cast<std::uint32_t>(static_cast<unsigned char>(a)) * 251u + static_cast<unsigned char>(b);
    return static_cast<std::uint16_t>((pair * 2654435761u) >> 22);  // the top 10 bits: 0..1023
}

std::string LinePatternIndex::required_prefix(const LinePattern& pattern) {
    if (!pattern.wildcard) return pattern.match == LinePattern::Match::starts_with ? pattern.folded : std::string();
    // A glob that does not open with a wildcard must open with its literal text.
    return pattern.glob.substr(0, pattern.glob.find_first_of("*#"));
}

LinePatternIndex::LinePatternIndex(const std::vector<std::vector<const LinePattern*>>& groups)
    : groups_(groups.size()) {
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
        for (const LinePattern* pattern : groups[g]) {
            if (!pattern->wildcard && pattern->match == LinePattern::Match::equals) {
                equals_[pattern->folded].push_back(g);
                const std::size_t length = pattern->folded.size();
                if (equals_lengths_.size() <= length) equals_lengths_.resize(length + 1);
                equals_lengths_[length] = true;
            } else if (const std::string prefix = required_prefix(*pattern); prefix.size() >= 2) {
                starts_with_[first_two(prefix)].push_back({g, prefix});
                starts_with_keys_.set(first_two(prefix));
            } else {
                // A contains pattern must contain its text; a glob its longest literal piece.
                const std::string& text = pattern->wildcard ? pattern->must_contain : pattern->folded;
                ByPairs entry{g, {}};
                for (std::size_t i = 0; i + 1 < text.size(); ++i) entry.bits.push_back(pair_bit(text[i], text[i + 1]));
                std::sort(entry.bits.begin(), entry.bits.end());
                entry.bits.erase(std::unique(entry.bits.begin(), entry.bits.end()), entry.bits.end());
                std::uint64_t summary = 0;
                for (const std::uint16_t bit : entry.bits) summary |= summary_bit(bit);
                summaries_.push_back(summary);
                by_pairs_.push_back(std::move(entry));
            }
        }
    }
}

LinePatternIndex::Line::Line(std::string_view folded) : folded_(folded) {
    for (std::size_t i = 0; i + 1 < folded.size(); ++i) {
        const std::uint16_t bit = pair_bit(folded[i], folded[i + 1]);
        pairs_.set(bit);
        summary_ |= summary_bit(bit);
    }
}

bool LinePatternIndex::candidates(const Line& line, std::size_t groups, std::vector<char>& out) const {
    if (groups != groups_) {
        out.assign(groups, 1);
        return groups > 0;
    }
    bool any = false;
    const std::string_view folded = line.folded_;
    const auto& pairs = line.pairs_;
    out.assign(groups_, 0);
    for (std::size_t e = 0; e < summaries_.size(); ++e) {
        if ((summaries_[e] & ~line.summary_) != 0) continue;
        const ByPairs& entry = by_pairs_[e];
        if (out[entry.group]) continue;
        if (std::all_of(entry.bits.begin(), entry.bits.end(), [&](std::uint16_t bit) { return pairs.test(bit); })) {
            out[entry.group] = 1;
            any = true;
        }
    }
    if (folded.size() < equals_lengths_.size() && equals_lengths_[folded.size()]) {
        if (auto it = equals_.find(folded); it != equals_.end()) {
            for (const std::uint32_t g : it->second) out[g] = 1;
            any = true;
        }
    }
    if (folded.size() >= 2 && starts_with_keys_.test(first_two(folded))) {
        if (auto it = starts_with_.find(first_two(folded)); it != starts_with_.end()) {
            for (const auto& [g, prefix] : it->second) {
                if (folded.substr(0, prefix.size()) == prefix) {
                    out[g] = 1;
                    any = true;
                }
            }
        }
    }
    return any;
}

}  // namespace factline
