// text_hash: the document hash that names clusters and finding ids, so its
// value may never change (cluster maps and baselines written before depend on
// it); it is computed eight bytes at a time (issue 7).
#include "checker/text_hash.hpp"

#include <cstdint>
#include <fmt/format.h>

#include "checker/swar.hpp"

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
    for (; i + 8 <= text.size(); i += 8) hash.add_eight(bytes + i);
    for (; i < text.size(); ++i) hash.add(bytes[i]);
    return fmt::format("{:016x}", hash.value());
}

}  // namespace factline
