#pragma once
// The MinHash/LSH half of dedup: a document's band keys, made from its
// shingles alone, so that they can be made as each document is sketched (on
// the thread that holds its shingles) and the shingles need not stay in
// memory for clustering. Two documents are candidate copies when any band's
// keys are equal (dedup.cpp). Does no clustering and keeps no state.
#include <array>
#include <cstdint>
#include <span>

namespace factline {

inline constexpr int minhash_rows = 96;  // MinHash rows (one-permutation, densified)
inline constexpr int lsh_bands = 48;     // bands of 2 rows: a pair at containment ~0.5 is still a candidate

/// One key per LSH band.
using BandKeys = std::array<std::uint64_t, lsh_bands>;

/// splitmix64's finaliser: a fixed 64-bit mix, so that shingles and clusters
/// never depend on the platform's std::hash.
constexpr std::uint64_t mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/// The band keys of a document's sorted, unique shingles (any order gives the same keys).
[[nodiscard]] BandKeys band_keys(std::span<const std::uint64_t> shingles);

}  // namespace factline
