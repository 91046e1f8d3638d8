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
#include "checker/dedup_options.hpp"
#include "checker/shingle_store.hpp"

namespace factline {

class DedupIndex {
public:
    /// An index for clustering `documents` documents by `options`.
    DedupIndex(std::size_t documents, const DedupOptions& options);

    /// Makes `doc`'s band keys and keeps its shingles (sorted and unique).
    /// Thread-safe for distinct documents; each document once.
    void add(std::size_t doc, std::vector<std::uint64_t> shingles);

    /// Room for `documents` documents (no fewer than before): a corpus
    /// analysed in batches grows its index between them, never during add().
    void grow(std::size_t documents);

    /// Ends the adds. Throws SpillError if spilling failed.
    void finish();

    [[nodiscard]] const DedupOptions& options() const { return options_; }
    [[nodiscard]] std::size_t documents() const { return shingles_.documents(); }
    [[nodiscard]] const ShingleStore& shingles() const { return shingles_; }

    /// Whether `doc`'s body is long enough to be clustered (its keys are 0 if not).
    [[nodiscard]] bool eligible(std::size_t doc) const { return shingles_.count(doc) >= options_.min_shingles; }

    /// Band `band`'s key of every document (see BandKeyStore::band).
    [[nodiscard]] BandKeyStore::Band band(int band, std::vector<std::uint64_t>& buffer) const {
        return keys_.band(band, buffer);
    }

private:
    DedupOptions options_;
    BandKeyStore keys_;
    ShingleStore shingles_;
};

}  // namespace factline
