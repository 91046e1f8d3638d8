#pragma once
// A cheap, exact upper bound on how many hashes two sets share, from 256
// counts per set (how many of its hashes fall in each range of the top byte):
// the shared hashes of a range are no more than the smaller count. Comparing
// two bounds costs 256 byte minima instead of a merge of the sets, and turns
// away most pairs of different stories that LSH pairs because they share a
// templated sentence (dedup.cpp checks every pair of such a bucket).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factline {

class OverlapBound {
public:
    OverlapBound() = default;  // the empty set

    explicit OverlapBound(const std::vector<std::uint64_t>& hashes) {
        for (const std::uint64_t hash : hashes) {
            std::uint8_t& count = counts_[hash >> 56];
            if (count == UINT8_MAX) {
                saturated_ = true;
            } else {
                ++count;
            }
        }
    }

    /// At least |A ∩ B| for any sets A and B (SIZE_MAX when a range of either
    /// holds more hashes than a byte counts).
    [[nodiscard]] std::size_t with(const OverlapBound& other) const {
        if (saturated_ || other.saturated_) return SIZE_MAX;
        return sum_of_minima(counts_, other.counts_);
    }

private:
    using Counts = std::array<std::uint8_t, 256>;

    /// The sum over ranges of the smaller count. GCC at -O2 does not
    /// vectorise the byte loop, and a crowded LSH bucket asks for thousands of
    /// bounds: with SSE2, sixteen ranges a step (byte minima, then their sum).
    static std::size_t sum_of_minima(const Counts& a, const Counts& b) {
#if defined(__SSE2__)
        const __m128i zero = _mm_setzero_si128();
        __m128i sums = zero;  // two 64-bit partial sums
        for (std::size_t range = 0; range < a.size(); range += 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + range));
            const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + range));
            sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_min_epu8(x, y), zero));
        }
        // Each partial sum is at most 128 * 255, so its low 32 bits hold it
        // (and _mm_cvtsi128_si64 exists only on x86-64).
        return static_cast<std::uint32_t>(_mm_cvtsi128_si32(sums)) +
               static_cast<std::size_t>(static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums))));
#else
        std::size_t sum = 0;
        for (std::size_t range = 0; range < a.size(); ++range) sum += std::min(a[range], b[range]);
        return sum;
#endif
    }

    Counts counts_{};
    bool saturated_ = false;
};

}  // namespace factline
