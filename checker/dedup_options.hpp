#pragma once
// What a dedup run is asked for: the containment threshold, the shortest
// body clustered, threads, and when and where dedup's data leaves memory.
// Clusters depend on the first two only.
#include <cstddef>

#include "checker/spill_file.hpp"

namespace factline {

/// The bytes each of dedup's two stores (band keys, shingles) may hold in
/// memory. The keys' size is known up front (384 bytes a document): a corpus
/// whose keys reach it (~87,000 articles) spills keys and shingles from the
/// first document; a smaller one spills its shingles only if they reach it
/// (~25,000 news articles, fewer long ones). Past this, the rest of the
/// run's memory is worth more than reading candidate pairs back from the
/// page cache.
inline constexpr std::size_t dedup_memory_budget = std::size_t{32} << 20;

/// Spilling to $TMPDIR (else /tmp) past dedup_memory_budget, unless
/// FACTLINE_DEDUP_BUDGET_MIB gives another budget (a whole number of MiB;
/// 0 spills every corpus): how a whole run is checked with spilling forced
/// on or off. Clusters are the same either way.
[[nodiscard]] SpillOptions dedup_spill_options();

struct DedupOptions {
    double threshold = 0.6;        // containment at or above which two documents are copies
    std::size_t min_shingles = 8;  // shorter bodies are never clustered
    int jobs = 1;  // threads for the MinHash and the candidate pairs (0: all cores); clusters are the same for any
    SpillOptions spill = dedup_spill_options();  // when and where keys and shingles leave memory; same clusters
};

}  // namespace factline
