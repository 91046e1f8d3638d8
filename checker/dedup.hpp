#pragma once
// Stage 7: near-duplicate (syndicated) documents. Word 5-gram shingles of the
// cleaned body; similarity is containment of the smaller document in the
// larger (SPEC §2.6), not symmetric Jaccard; candidate pairs come from
// MinHash/LSH banding so large corpora are not compared all-pairs (the band
// keys are made per document as it is sketched: dedup_index.hpp, which also
// keeps the shingles, spilled to a temporary file on a large corpus).
// Clusters are connected components over pairs at or above the threshold.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/dedup_index.hpp"
#include "checker/dedup_options.hpp"
#include "checker/span.hpp"

namespace factline {

/// Sorted, unique hashes of the word 5-grams of `body` (case and punctuation folded).
[[nodiscard]] std::vector<std::uint64_t> shingle_hashes(std::string_view body);

/// The same hashes as shingle_hashes() of the `pieces` of `text` joined by line
/// breaks (a document's body blocks), without building that string.
[[nodiscard]] std::vector<std::uint64_t> shingle_hashes(std::string_view text, const std::vector<Span>& pieces);

/// |A ∩ B| / min(|A|, |B|) over sorted unique hash sets; 0 when either is empty.
[[nodiscard]] double containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

/// The fewest hashes a set of `size` must share to reach `threshold`
/// containment (by the division containment() makes); size + 1 when none is enough.
[[nodiscard]] std::size_t needed_overlap(std::size_t size, double threshold);

/// Exactly containment(a, b) >= threshold, but the merge stops as soon as the
/// shared count reaches the threshold or can no longer reach it.
[[nodiscard]] bool containment_reaches(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b,
                                       double threshold);

/// Cluster index per document (0-based, numbered by each cluster's first
/// member) of the documents added to `index`, by the options it was made
/// with. Throws SpillError if the index could not spill or read back what
/// it spilled.
[[nodiscard]] std::vector<std::size_t> cluster_documents(DedupIndex index);

/// The same for shingles at hand (tests, the sharded `cluster` step): they
/// are added to an index on options.jobs threads first.
[[nodiscard]] std::vector<std::size_t> cluster_documents(const std::vector<std::vector<std::uint64_t>>& shingles,
                                                         const DedupOptions& options);

}  // namespace factline
