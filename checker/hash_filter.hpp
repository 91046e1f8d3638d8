#pragma once
// A bit per value of a hash's top bits: "might this hash be in the set?" in
// one bit read, false only when it is not (issue 7). Most words a sentence
// asks a table about are absent from it (nearly every token, for speech verbs
// or the names of a gazetteer), and the filter settles them before a probe.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace factline {

class HashFilter {
public:
    /// An empty filter of 2^`log2_bits` bits (at least 64).
    explicit HashFilter(unsigned log2_bits = 6) { clear(log2_bits); }

    /// Empties the filter and makes it 2^`log2_bits` bits (at least 64).
    void clear(unsigned log2_bits) {
        log2_bits = log2_bits < 6 ? 6 : log2_bits;
        bits_.assign(std::size_t{1} << (log2_bits - 6), 0);
        shift_ = 64 - log2_bits;
    }

    void mark(std::uint64_t hash) {
        const std::uint64_t bit = hash >> shift_;
        bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }

    /// False when no marked hash has these top bits (true may be wrong, false never is).
    [[nodiscard]] bool may_contain(std::uint64_t hash) const {
        const std::uint64_t bit = hash >> shift_;
        return (bits_[bit / 64] >> (bit % 64)) & 1;
    }

private:
    std::vector<std::uint64_t> bits_;
    unsigned shift_ = 58;
};

}  // namespace factline
