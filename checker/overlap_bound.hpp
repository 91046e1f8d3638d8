#pragma once
// A cheap, exact upper bound on how many hashes two sets share, from 256
// counts per set (how many of its hashes fall in each range of the top byte):
// the shared hashes of a range are no more than the smaller count. Comparing
// two bounds costs 256 byte minima instead of a merge of the sets, and turns
// away most pairs of different stories that LSH pairs because they share a
// templated sentence (dedup.cpp checks every pair of such a bucket).
// PackedOverlapBound holds the same counts in half the bytes, for the
// documents a large corpus keeps bounds of.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factline {

class OverlapBound {
public:
    OverlapBound() = default;  // the empty set

    explicit OverlapBound(const std::vector<std::uint64_t>& hashes) : OverlapBound(std::span(hashes)) {}

    explicit OverlapBound(std::span<const std::uint64_t> hashes) {
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

/// OverlapBound's counts in 4 bits: 128 bytes, not 256 (dedup keeps one for
/// every document met in a candidate pair: on a large corpus, nearly all).
/// A count of 15 or more is kept as 15, "full". Where one set's range is
/// full and the other's is not, the smaller count is the other's, exact; so
/// unless both sets have a full range (news articles of more than ~1,000
/// words), with() is the sum OverlapBound::with() makes (or below it where
/// that saturates, still at least the shared count). When both have one,
/// ask their OverlapBounds.
class PackedOverlapBound {
public:
    PackedOverlapBound() = default;  // the empty set

    explicit PackedOverlapBound(std::span<const std::uint64_t> hashes) {
        std::array<std::uint8_t, 256> counts{};
        if (hashes.size() <= UINT8_MAX) {
            for (const std::uint64_t hash : hashes) ++counts[hash >> 56];  // no count can pass 255
        } else {
            for (const std::uint64_t hash : hashes) {
                std::uint8_t& count = counts[hash >> 56];
                count = static_cast<std::uint8_t>(count + (count < full));
            }
        }
        pack(counts);
    }

    /// Whether a range holds 15 hashes or more.
    [[nodiscard]] bool has_full_range() const { return full_range_; }

    /// At least |A ∩ B|, if not both sets have a full range.
    [[nodiscard]] std::size_t with(const PackedOverlapBound& other) const {
        return sum_of_minima(nibbles_, other.nibbles_);
    }

private:
    static constexpr std::uint8_t full = 15;
    using Nibbles = std::array<std::uint8_t, 128>;  // range 2i in the low 4 bits, 2i + 1 in the high

    /// The counts, each at most `full`, two to a byte; notes a full range.
    /// With SSE2 sixteen counts a step: their byte pairs, read as 16-bit
    /// lanes (range 2i low, 2i + 1 high), become one nibble pair each.
    void pack(const std::array<std::uint8_t, 256>& counts) {
#if defined(__SSE2__)
        const __m128i most = _mm_set1_epi8(full);
        const __m128i low_byte = _mm_set1_epi16(0x00ff);
        __m128i any_full = _mm_setzero_si128();
        for (std::size_t at = 0; at < counts.size(); at += 32) {
            __m128i lanes[2];
            for (std::size_t half = 0; half < 2; ++half) {
                const __m128i clamped = _mm_min_epu8(
                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(counts.data() + at + 16 * half)), most);
                any_full = _mm_or_si128(any_full, _mm_cmpeq_epi8(clamped, most));
                // low byte | high byte << 4, each lane below 256
                lanes[half] = _mm_or_si128(_mm_and_si128(clamped, low_byte),
                                           _mm_and_si128(_mm_srli_epi16(clamped, 4), _mm_set1_epi16(0x00f0)));
            }
            _mm_storeu_si128(reinterpret_cast<__m128i*>(nibbles_.data() + at / 2), _mm_packus_epi16(lanes[0], lanes[1]));
        }
        full_range_ = _mm_movemask_epi8(any_full) != 0;
#else
        for (std::size_t pair = 0; pair < nibbles_.size(); ++pair) {
            const std::uint8_t low = std::min(counts[2 * pair], full), high = std::min(counts[2 * pair + 1], full);
            nibbles_[pair] = static_cast<std::uint8_t>(low | high << 4);
            full_range_ = full_range_ || low == full || high == full;
        }
#endif
    }

    /// The sum over ranges of the smaller count; with SSE2 thirty-two ranges
    /// a step (each nibble's minimum, the two added: at most 30 a byte).
    static std::size_t sum_of_minima(const Nibbles& a, const Nibbles& b) {
#if defined(__SSE2__)
        const __m128i zero = _mm_setzero_si128();
        const __m128i low = _mm_set1_epi8(0x0f);
        __m128i sums = zero;  // two 64-bit partial sums
        for (std::size_t at = 0; at < a.size(); at += 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + at));
            const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + at));
            const __m128i low_minima = _mm_min_epu8(_mm_and_si128(x, low), _mm_and_si128(y, low));
            const __m128i high_minima = _mm_min_epu8(_mm_and_si128(_mm_srli_epi16(x, 4), low),
                                                     _mm_and_si128(_mm_srli_epi16(y, 4), low));
            sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_add_epi8(low_minima, high_minima), zero));
        }
        return static_cast<std::uint32_t>(_mm_cvtsi128_si32(sums)) +
               static_cast<std::size_t>(static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums))));
#else
        std::size_t sum = 0;
        for (std::size_t at = 0; at < a.size(); ++at) {
            sum += std::min(a[at] & 0x0f, b[at] & 0x0f) + std::min(a[at] >> 4, b[at] >> 4);
        }
        return sum;
#endif
    }

    Nibbles nibbles_{};
    bool full_range_ = false;
};

}  // namespace factline
