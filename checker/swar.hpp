#pragma once
// Eight bytes at a time in one 64-bit word (SWAR), for the byte scans layout
// runs over every line (folding, word counts, digits): GCC at -O2 does not
// vectorise byte loops. Each test sets the high bit of the bytes it is about
// and no other bit; all are exact per byte, since no carry crosses a byte.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace factline::swar {

static_assert(std::endian::native == std::endian::little, "byte 0 of a word is its low byte");

inline constexpr std::uint64_t ones = 0x0101010101010101ull;
inline constexpr std::uint64_t highs = 0x8080808080808080ull;

/// The eight bytes at `p` (byte 0 low).
inline std::uint64_t load(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
    return x;
}

/// The high bit of each byte of `x` that is zero.
inline std::uint64_t zero_bytes(std::uint64_t x) { return ~(((x & ~highs) + ~highs) | x) & highs; }

/// The high bit of each byte of `x` equal to `c`.
inline std::uint64_t bytes_equal(std::uint64_t x, unsigned char c) { return zero_bytes(x ^ (ones * c)); }

/// The high bit of each byte of `x` below `n` (n <= 0x80); bytes >= 0x80 never.
inline std::uint64_t bytes_below(std::uint64_t x, unsigned char n) {
    return ~(((x & ~highs) + ones * (0x80 - n)) | x) & highs;
}

/// The high bit of each byte of `x` in [low, high) (high <= 0x80).
inline std::uint64_t bytes_in(std::uint64_t x, unsigned char low, unsigned char high) {
    return bytes_below(x, high) & ~bytes_below(x, low);
}

/// Index of the first byte of `text` at or after `from` that `matches`, or
/// text.size(). Eight bytes at a time while `word_hits` (the same test on a
/// word: the high bit of each matching byte, exact for every byte) finds
/// none; the last few bytes as the text's last eight, and byte by byte only
/// in a text shorter than eight.
template <typename WordHits, typename Matches>
std::size_t find_first(std::string_view text, std::size_t from, WordHits word_hits, Matches matches) {
    for (; from + 8 <= text.size(); from += 8) {
        const std::uint64_t hits = word_hits(load(text.data() + from));
        if (hits != 0) return from + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
    }
    if (from < text.size() && text.size() >= 8) {
        // The last eight bytes, without those before `from` (already looked at).
        const std::size_t last = text.size() - 8;
        const std::uint64_t hits = word_hits(load(text.data() + last)) & (~std::uint64_t{0} << (8 * (from - last)));
        return hits != 0 ? last + static_cast<std::size_t>(std::countr_zero(hits)) / 8 : text.size();
    }
    while (from < text.size() && !matches(static_cast<unsigned char>(text[from]))) ++from;
    return from;
}

}  // namespace factline::swar
