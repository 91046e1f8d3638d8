#include "checker/dedup_minhash.hpp"

#include <algorithm>

namespace factline {

namespace {

constexpr int rows_per_band = minhash_rows / lsh_bands;

using Signature = std::array<std::uint64_t, minhash_rows>;

/// mix64(distance) for the distances densification uses (1 to minhash_rows - 1).
constexpr std::array<std::uint64_t, minhash_rows> mixed_distance = [] {
    std::array<std::uint64_t, minhash_rows> mixed{};
    for (std::size_t distance = 0; distance < mixed.size(); ++distance) mixed[distance] = mix64(distance);
    return mixed;
}();

/// A one-permutation MinHash (Li, Owen & Zhang 2012) with rotation
/// densification (Shrivastava & Li 2014). Each shingle is hashed once; its hash
/// picks a row and competes for that row's minimum, so the cost is one hash per
/// shingle instead of one per shingle and row. A row no shingle fell into takes
/// the next filled row's value (circularly), mixed with the distance, so that
/// two documents still agree on it exactly when they agree on that row: the
/// estimate of resemblance stays unbiased for short documents.
Signature minhash(std::span<const std::uint64_t> shingles) {
    constexpr std::uint64_t empty = ~0ull;
    Signature signature;
    signature.fill(empty);
    for (std::uint64_t shingle : shingles) {
        const std::uint64_t value = mix64(shingle);
        const std::size_t row = static_cast<std::size_t>(value % minhash_rows);
        signature[row] = std::min(signature[row], value);
    }
    const auto first_filled = std::find_if(signature.begin(), signature.end(), [](auto v) { return v != empty; });
    if (first_filled == signature.end()) return signature;  // no shingles
    // Backwards from the last row, `next` is the nearest filled row after
    // `row` (past the end: the first filled row, one turn on). Only empty
    // rows are written, so the filled rows read stay as they were.
    int next = static_cast<int>(first_filled - signature.begin()) + minhash_rows;
    for (int row = minhash_rows - 1; row >= 0; --row) {
        if (signature[row] != empty) {
            next = row;
            continue;
        }
        signature[row] = mix64(signature[next % minhash_rows] ^ mixed_distance[next - row]);
    }
    return signature;
}

}  // namespace

BandKeys band_keys(std::span<const std::uint64_t> shingles) {
    // The signature is made and consumed at once: only the keys are kept.
    const Signature signature = minhash(shingles);
    BandKeys keys;
    for (int band = 0; band < lsh_bands; ++band) {
        std::uint64_t key = static_cast<std::uint64_t>(band);
        for (int r = 0; r < rows_per_band; ++r) key = mix64(key ^ signature[band * rows_per_band + r]);
        keys[static_cast<std::size_t>(band)] = key;
    }
    return keys;
}

}  // namespace factline
