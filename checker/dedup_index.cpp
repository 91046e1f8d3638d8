#include "checker/dedup_index.hpp"

#include <utility>

namespace factline {

namespace {

/// A corpus whose band keys alone reach the budget has shingles several
/// times that size: they go to the file from the first document, rather
/// than fill the budget first and leave its memory to the allocator.
SpillOptions from_the_start(SpillOptions spill) {
    spill.memory_budget = 0;
    return spill;
}

}  // namespace

DedupIndex::DedupIndex(std::size_t documents, const DedupOptions& options)
    : options_(options),
      keys_(documents, options.spill),
      shingles_(documents, keys_.spilled() ? from_the_start(options.spill) : options.spill) {}

void DedupIndex::add(std::size_t doc, std::vector<std::uint64_t> shingles) {
    // A body too short to cluster is in no bucket: its keys are never read.
    static constexpr BandKeys unused{};
    keys_.put(doc, shingles.size() >= options_.min_shingles ? band_keys(shingles) : unused);
    shingles_.put(doc, std::move(shingles));
}

void DedupIndex::grow(std::size_t documents) {
    keys_.grow(documents);
    shingles_.grow(documents, keys_.spilled());
}

void DedupIndex::finish() {
    keys_.finish();
    shingles_.finish();
}

}  // namespace factline
