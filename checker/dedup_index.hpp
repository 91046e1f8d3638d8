#pragma once
// The corpus as clustering sees it, filled one document at a time as the
// documents are sketched: each document's LSH band keys, made while its
// shingles are at hand (BandKeyStore), and the shingles themselves
// (ShingleStore), read back only for candidate pairs. Clustering
// (dedup.hpp) then needs no document's shingles to find candidates. On a
// large corpus both stores spill to unlinked temporary files, so that what
// stays resident is a few bytes a document. Does no clustering itself.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "checker/band_key_store.hpp"
#include "checker/shingle_store.hpp"
#include "checker/spill_file.hpp"

namespace factline {

/// The bytes each of the two stores may hold in memory. The keys' size is
/// known up front (384 bytes a document): a corpus whose keys reach it
/// (~87,000 articles) spills keys and shingles from the first document; a
/// smaller one spills its shingles only if they reach it (~25,000 news
/// articles, fewer long ones). Past this, the rest of the run's memory is
/// worth more than reading candidate pairs back from the page cache.
inline constexpr std::size_t dedup_memory_budget = std::size_t{32} << 20;

/// Spilling to $TMPDIR (else /tmp) past dedup_memory_budget, unless
/// FACTLINE_DEDUP_BUDGET_MIB gives another budget (a whole number of MiB;
/// 0 spills every corpus): how a whole run is checked with spilling forced
/// on or off. Clusters are the same either way.
[[nodiscard]] SpillOptions dedup_spill_options();

class DedupIndex {
public:
    explicit DedupIndex(std::size_t documents, SpillOptions spill = dedup_spill_options());

    /// Makes `doc`'s band keys and keeps its shingles (sorted and unique).
    /// Thread-safe for distinct documents; each document once.
    void add(std::size_t doc, std::vector<std::uint64_t> shingles);

    /// Ends the adds. Throws SpillError if spilling failed.
    void finish();

    [[nodiscard]] std::size_t documents() const { return shingles_.documents(); }
    [[nodiscard]] const ShingleStore& shingles() const { return shingles_; }

    /// Band `band`'s key of every document (each band once).
    [[nodiscard]] std::vector<std::uint64_t> take_band(int band) { return keys_.take_band(band); }

private:
    BandKeyStore keys_;
    ShingleStore shingles_;
};

}  // namespace factline
