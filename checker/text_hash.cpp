// text_hash: the document hash that names clusters and finding ids, so its
// value may never change (cluster maps and baselines written before depend on
// it); it is computed sixteen or eight bytes at a time (issue 7).
#include "checker/text_hash.hpp"

#include <bit>
#include <cstdint>

#include "checker/swar.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factline {

namespace {

/// FNV-1a 64 of a text whose whitespace runs fold to one space and whose
/// leading run is dropped, fed byte by byte or eight bytes at a time (the same
/// value either way).
class SpaceFoldingHash {
public:
    void add(unsigned char c) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space && in_space_) return;
        in_space_ = space;
        step(space ? ' ' : c);
    }

#if defined(__SSE2__)
    /// The sixteen bytes at `bytes`. Most hold no line break, tab or double
    /// space: their bytes hash as they are, read straight from the text.
    /// The others hash their kept bytes from a copy whose line breaks and
    /// tabs are spaces (wrapped text has one such step in every few).
    void add_sixteen(const unsigned char* bytes) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
        const __m128i breaks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')),
                                                         _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))),
                                            _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')));
        const auto break_bits = static_cast<unsigned>(_mm_movemask_epi8(breaks));
        const unsigned blanks =
            break_bits | static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
        const unsigned dropped = blanks & ((blanks << 1) | (in_space_ ? 1u : 0u));
        in_space_ = (blanks >> 15) != 0;
        if ((dropped | break_bits) == 0) {
#pragma GCC unroll 16
            for (int k = 0; k < 16; ++k) step(bytes[k]);
            return;
        }
        alignas(16) unsigned char spaced[16];
        _mm_store_si128(reinterpret_cast<__m128i*>(spaced),
                        _mm_or_si128(_mm_andnot_si128(breaks, x), _mm_and_si128(breaks, _mm_set1_epi8(' '))));
        for (unsigned kept = ~dropped & 0xFFFFu; kept != 0; kept &= kept - 1) step(spaced[std::countr_zero(kept)]);
    }
#endif

    /// The eight bytes at `bytes`. Most have no line break or other control
    /// byte, so their only whitespace is ' ', which hashes as itself: then
    /// only the second space of a run needs dropping, and no byte folding.
    void add_eight(const unsigned char* bytes) {
        const std::uint64_t x = swar::load(reinterpret_cast<const char*>(bytes));
        if (swar::bytes_below(x, ' ') != 0) {
            for (int k = 0; k < 8; ++k) add(bytes[k]);
            return;
        }
        const std::uint64_t blanks = swar::bytes_equal(x, ' ');
        const std::uint64_t dropped = blanks & ((blanks << 8) | (in_space_ ? 0x80 : 0));
        in_space_ = (blanks >> 63) != 0;
        if (dropped == 0) {  // most words: no branch per byte
#pragma GCC unroll 8
            for (int k = 0; k < 8; ++k) step(bytes[k]);
            return;
        }
        for (int k = 0; k < 8; ++k) {
            if ((dropped >> (8 * k + 7) & 1) == 0) step(bytes[k]);
        }
    }

    [[nodiscard]] std::uint64_t value() const { return hash_; }

private:
    void step(std::uint64_t byte) {
        hash_ ^= byte;
        hash_ *= 1099511628211ull;
    }

    std::uint64_t hash_ = 1469598103934665603ull;
    bool in_space_ = true;  // the text's leading whitespace is dropped
};

}  // namespace

std::string text_hash(std::string_view text) {
    // Whitespace runs fold to one space so that a re-scraped copy with other
    // line breaks keeps its hash.
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    SpaceFoldingHash hash;
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= text.size(); i += 16) hash.add_sixteen(bytes + i);
#endif
    for (; i + 8 <= text.size(); i += 8) hash.add_eight(bytes + i);
    for (; i < text.size(); ++i) hash.add(bytes[i]);
    // Sixteen hex digits, as "{:016x}" formats them (fmt cost more than the hash of a short text).
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(16, '0');
    const std::uint64_t value = hash.value();
    for (int k = 0; k < 16; ++k) hex[static_cast<std::size_t>(k)] = digits[value >> (60 - 4 * k) & 0xF];
    return hex;
}

}  // namespace factline
