#include "checker/line_pattern_index.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "checker/layout.hpp"

namespace factline {

namespace {

/// The two bytes at `bytes` as one key, the first high.
std::uint32_t pair_key(const char* bytes) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[0])) << 8 | static_cast<unsigned char>(bytes[1]);
}

}  // namespace

std::uint32_t LinePatternIndex::first_two(std::string_view text) { return pair_key(text.data()); }

std::uint32_t LinePatternIndex::last_two(std::string_view text) { return pair_key(text.data() + text.size() - 2); }

namespace {

/// The multiplier of the byte pair hash: a 16-bit one, so that eight pairs
/// are hashed in one SSE2 multiply (_mm_mullo_epi16).
constexpr std::uint16_t pair_factor = 0x9E37;

/// The summary bit number of a byte pair (both bytes as one 16-bit load):
/// the top 6 bits of its 16-bit product. The hash need not be the same on
/// every platform, only for patterns and lines alike.
unsigned pair_bit(std::uint16_t pair) { return static_cast<std::uint16_t>(pair * pair_factor) >> 10; }

/// text.find(needle) != npos. The summary lets a few contained texts
/// through on a long line (a paragraph scraped as one line), and find()
/// stops at every byte equal to the needle's first: sixteen places are
/// tested for the needle's first two bytes at once instead.
bool contains(std::string_view text, std::string_view needle) {
#if defined(__SSE2__)
    if (needle.size() >= 2 && text.size() >= needle.size() && text.size() >= 17) {
        const __m128i first = _mm_set1_epi8(needle[0]), second = _mm_set1_epi8(needle[1]);
        const std::size_t last_start = text.size() - needle.size();  // the last place the needle can start
        const std::size_t last_step = std::min(text.size() - 17, last_start);  // reads up to at + 16
        std::size_t at = 0;
        for (; at <= last_step; at += 16) {
            const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
            const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at + 1));
            auto starts = static_cast<unsigned>(
                _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, first), _mm_cmpeq_epi8(next, second))));
            for (; starts != 0; starts &= starts - 1) {
                const std::size_t start = at + static_cast<std::size_t>(std::countr_zero(starts));
                if (start > last_start) return false;  // the needle would run past the text's end
                if (std::memcmp(text.data() + start + 2, needle.data() + 2, needle.size() - 2) == 0) return true;
            }
        }
        return at <= last_start && text.substr(at).find(needle) != std::string_view::npos;
    }
#endif
    return text.find(needle) != std::string_view::npos;
}

}  // namespace

std::uint64_t LinePatternIndex::summary_bit(const char* pair) {
    std::uint16_t bytes;  // both bytes in one load
    std::memcpy(&bytes, pair, sizeof bytes);
    return std::uint64_t{1} << pair_bit(bytes);
}

std::uint64_t LinePatternIndex::head_of(std::string_view text) {
    std::uint64_t head = 0;
    std::memcpy(&head, text.data(), std::min<std::size_t>(text.size(), sizeof head));
    return head;
}

std::string LinePatternIndex::required_prefix(const LinePattern& pattern) {
    if (!pattern.wildcard) return pattern.match == LinePattern::Match::starts_with ? pattern.folded : std::string();
    // A glob that does not open with a wildcard must open with its literal text.
    return pattern.glob.substr(0, pattern.glob.find_first_of("*#"));
}

std::string LinePatternIndex::required_suffix(const LinePattern& pattern) {
    // A glob is matched to the line's end: one that does not close with a
    // wildcard must close with its literal text. (Without a wildcard, an
    // ends-with pattern does not exist: equals and contains are found otherwise.)
    if (!pattern.wildcard) return std::string();
    return pattern.glob.substr(pattern.glob.find_last_of("*#") + 1);
}

LinePatternIndex::LinePatternIndex(const std::vector<std::vector<const LinePattern*>>& groups)
    : groups_(groups.size()) {
    std::vector<std::uint64_t> summaries;  // per by_text_ entry, summary_bit of each of its byte pairs
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
        for (const LinePattern* pattern : groups[g]) {
            if (!pattern->wildcard && pattern->match == LinePattern::Match::equals) {
                equals_[pattern->folded].push_back(g);
                const std::size_t length = pattern->folded.size();
                if (equals_lengths_.size() <= length) equals_lengths_.resize(length + 1);
                equals_lengths_[length] = true;
            } else if (const std::string prefix = required_prefix(*pattern); prefix.size() >= 2) {
                const std::uint64_t mask = head_of(std::string(std::min<std::size_t>(prefix.size(), 8), '\xFF'));
                starts_with_[first_two(prefix)].push_back({g, prefix, head_of(prefix) & mask, mask});
                starts_with_keys_.set(first_two(prefix));
            } else if (const std::string suffix = required_suffix(*pattern); suffix.size() >= 2) {
                ends_with_[last_two(suffix)].push_back({g, suffix});
                ends_with_keys_.set(last_two(suffix));
            } else {
                // A contains pattern must contain its text; a glob its longest literal piece.
                const std::string& text = pattern->wildcard ? pattern->must_contain : pattern->folded;
                std::uint64_t summary = 0;
                for (std::size_t i = 0; i + 1 < text.size(); ++i) summary |= summary_bit(text.data() + i);
                summaries.push_back(summary);
                by_text_.push_back({g, text});
            }
        }
    }
    words_ = (summaries.size() + 63) / 64;
    rejects_.assign(summary_bytes * 256 * words_, 0);
    for (std::size_t e = 0; e < summaries.size(); ++e) {
        for (std::size_t byte = 0; byte < summary_bytes; ++byte) {
            const auto needs = static_cast<unsigned>(summaries[e] >> (8 * byte) & 0xFFu);
            for (unsigned value = 0; value < 256; ++value) {
                if ((needs & ~value) != 0) rejects_[(byte * 256 + value) * words_ + e / 64] |= std::uint64_t{1} << (e % 64);
            }
        }
    }
}

LinePatternIndex::Line::Line(std::string_view folded) : folded_(folded) {
    const char* bytes = folded.data();
    const std::size_t pairs = folded.empty() ? 0 : folded.size() - 1;
    std::uint64_t summary = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    if (pairs >= 16) {
        // Sixteen pairs a step, hashed eight at a time: the pairs at i, i + 2,
        // … are the 16-bit lanes of the bytes at i, those at i + 1, … of the
        // bytes at i + 1 (little-endian lanes, as the scalar load). Each
        // pair's bit is marked with a byte store (seen[bit] = 1: two
        // instructions a pair; a variable shift and an OR were four), and the
        // 64 marks become the summary with four compares at the end. The
        // last step overlaps the one before: a pair marked twice is marked once.
        const __m128i factor = _mm_set1_epi16(static_cast<short>(pair_factor));
        alignas(16) unsigned char seen[64] = {};
        alignas(16) std::uint16_t bit[16];
        const auto mark_sixteen = [&](std::size_t at) {
            const __m128i even = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
            const __m128i odd = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at + 1));
            _mm_store_si128(reinterpret_cast<__m128i*>(bit), _mm_srli_epi16(_mm_mullo_epi16(even, factor), 10));
            _mm_store_si128(reinterpret_cast<__m128i*>(bit + 8), _mm_srli_epi16(_mm_mullo_epi16(odd, factor), 10));
#pragma GCC unroll 16
            for (int k = 0; k < 16; ++k) seen[bit[k]] = 1;
        };
        for (; i + 16 <= pairs; i += 16) mark_sixteen(i);
        if (i < pairs) mark_sixteen(pairs - 16);
        const __m128i zero = _mm_setzero_si128();
        for (int quarter = 0; quarter < 4; ++quarter) {
            const __m128i marks = _mm_load_si128(reinterpret_cast<const __m128i*>(seen + 16 * quarter));
            const auto set = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(marks, zero)));
            summary |= std::uint64_t{set} << (16 * quarter);
        }
        summary_ = summary;
        return;
    }
#endif
    // Four pairs a step: a quarter of the loop's bookkeeping.
    for (; i + 4 <= pairs; i += 4) {
        summary |= summary_bit(bytes + i) | summary_bit(bytes + i + 1) | summary_bit(bytes + i + 2) |
                   summary_bit(bytes + i + 3);
    }
    for (; i < pairs; ++i) summary |= summary_bit(bytes + i);
    summary_ = summary;
}

bool LinePatternIndex::candidates(const Line& line, std::size_t groups, std::vector<char>& out) const {
    if (groups != groups_) {
        out.assign(groups, 1);
        return groups > 0;
    }
    bool any = false;
    const std::string_view folded = line.folded_;
    out.resize(groups_);
    std::fill(out.begin(), out.end(), 0);
    const std::uint64_t summary = line.summary_;
    const auto row = [&](std::size_t byte, std::size_t word) {
        return rejects_[(byte * 256 + (summary >> (8 * byte) & 0xFFu)) * words_ + word];
    };
    static_assert(summary_bytes == 8);
    for (std::size_t word = 0; word < words_; ++word) {
        const std::uint64_t rejected = row(0, word) | row(1, word) | row(2, word) | row(3, word) | row(4, word) |
                                       row(5, word) | row(6, word) | row(7, word);
        const std::size_t entries = std::min<std::size_t>(64, by_text_.size() - word * 64);
        std::uint64_t passed = ~rejected & (entries == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << entries) - 1);
        for (; passed != 0; passed &= passed - 1) {
            const ByText& entry = by_text_[word * 64 + static_cast<std::size_t>(std::countr_zero(passed))];
            if (out[entry.group]) continue;
            if (contains(folded, entry.text)) {
                out[entry.group] = 1;
                any = true;
            }
        }
    }
    if (folded.size() < equals_lengths_.size() && equals_lengths_[folded.size()]) {
        if (auto it = equals_.find(folded); it != equals_.end()) {
            for (const std::uint32_t g : it->second) out[g] = 1;
            any = true;
        }
    }
    // operator[], not test(): a key is below 65536, and test() checks it at every line.
    if (folded.size() >= 2 && starts_with_keys_[first_two(folded)]) {
        if (auto it = starts_with_.find(first_two(folded)); it != starts_with_.end()) {
            const std::uint64_t head = head_of(folded);
            for (const auto& [g, prefix, prefix_head, mask] : it->second) {
                if ((head & mask) == prefix_head && folded.starts_with(prefix)) {
                    out[g] = 1;
                    any = true;
                }
            }
        }
    }
    if (folded.size() >= 2 && ends_with_keys_[last_two(folded)]) {
        if (auto it = ends_with_.find(last_two(folded)); it != ends_with_.end()) {
            for (const auto& [g, suffix] : it->second) {
                if (folded.ends_with(suffix)) {
                    out[g] = 1;
                    any = true;
                }
            }
        }
    }
    return any;
}

}  // namespace factline
