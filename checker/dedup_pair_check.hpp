#pragma once
// The exact check of dedup's candidate pairs: is the containment of the
// smaller document in the larger at or above the threshold? What a document
// needs for it (a PackedOverlapBound and its needed overlap, 140 bytes; the
// full OverlapBound as well for the rare long document) is made once, the
// first time it is in a bucket to check (a crowded bucket pairs a document
// hundreds of times; on a corpus of templated stories every document is
// met), and its shingles are read from the ShingleStore only then and when
// a pair passes the bound: a spilled store costs a read per document met
// and per pair merged, not memory for every document's shingles.
//
// PairBounds holds what the documents met keep, shared by the threads that
// check pairs: the thread that checks a document's bucket gives it a slot
// and fills it, while other threads read other slots (a band's buckets are
// disjoint). Each thread checks pairs with a PairCheck of its own (its
// read cache and counts).
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "checker/overlap_bound.hpp"
#include "checker/shingle_store.hpp"

namespace factline {

/// True when sorted unique sets `a` and `b` share at least `needed` hashes;
/// the merge stops as soon as the count is reached or can no longer be.
[[nodiscard]] bool shares_at_least(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                                   std::size_t needed);

class PairBounds {
public:
    PairBounds(const ShingleStore& shingles, double threshold);

    [[nodiscard]] const ShingleStore& shingles() const { return shingles_; }

    /// Whether `doc` has been met (given a slot by reserve()).
    [[nodiscard]] bool met(std::size_t doc) const { return met_of_[doc] != not_met; }

    /// Gives each of `docs` (distinct, none met yet) a slot; fill() then
    /// makes what it keeps. Thread-safe for distinct documents.
    void reserve(std::span<const std::uint32_t> docs);

    /// Makes reserved `doc`'s bounds from its shingles. Thread-safe for
    /// distinct documents, also beside copies() of documents filled before.
    void fill(std::size_t doc, std::span<const std::uint64_t> shingles);

    /// How many documents were met in candidate pairs (for the debug log).
    [[nodiscard]] std::size_t documents_met() const { return met_count_; }

private:
    friend class PairCheck;

    /// What a document met in a candidate pair keeps.
    struct Met {
        PackedOverlapBound bound;
        std::uint32_t needed;  // needed_overlap() of its size: the smaller set's decides
        std::uint32_t wide;    // its full bound's index (wide()) when bound.has_full_range()
    };
    static constexpr std::uint32_t not_met = UINT32_MAX;
    // Mets a chunk: they never move, and no doubling copy. The chunks'
    // pointers, and those of the full bounds' chunks below, are all in place
    // from the start (a few bits a document): a thread adds a chunk while
    // others read theirs, and nothing moves.
    static constexpr std::size_t chunk_size = 256;

    [[nodiscard]] const Met& of(std::size_t doc) const {
        const std::size_t index = met_of_[doc];
        return chunks_[index / chunk_size][index % chunk_size];
    }

    const ShingleStore& shingles_;
    double threshold_;
    std::vector<std::uint32_t> met_of_;  // per document: its index among the Mets, or not_met
    std::vector<std::unique_ptr<Met[]>> chunks_;  // the Mets, in the order met
    std::size_t met_count_ = 0;
    // The full bounds of the Mets with a full range, in the order filled.
    static constexpr std::size_t wide_chunk_size = 64;
    [[nodiscard]] const OverlapBound& wide(std::uint32_t index) const {
        return wide_chunks_[index / wide_chunk_size][index % wide_chunk_size];
    }
    std::vector<std::unique_ptr<OverlapBound[]>> wide_chunks_;
    std::size_t wide_count_ = 0;
    std::mutex mutex_;  // over the counts and making a chunk
};

class PairCheck {
public:
    explicit PairCheck(const PairBounds& bounds) : bounds_(&bounds) {}

    /// containment_reaches() of the two documents' shingles, with the bounds
    /// asked before the sets are read and merged; both must be met. Throws
    /// SpillError if a read fails.
    [[nodiscard]] bool copies(std::size_t a, std::size_t b);

    /// `doc`'s shingles; the last two documents read stay valid (a pair's
    /// two). Spilled, the sets read are kept in a small cache (64 sets of
    /// two by document number, the older of a set replaced): a bucket pairs
    /// its members with each other, so most of a bucket's reads are one read
    /// of each member. Throws SpillError.
    std::span<const std::uint64_t> read(std::size_t doc);

    /// How many pairs were checked and merged, and how many times shingles
    /// were read (for the debug log).
    [[nodiscard]] std::size_t pairs_checked() const { return pairs_checked_; }
    [[nodiscard]] std::size_t pairs_merged() const { return pairs_merged_; }
    [[nodiscard]] std::size_t reads() const { return reads_done_; }

private:
    const PairBounds* bounds_;  // a pointer: a vector of checks, one a thread, can grow
    struct Read {
        std::size_t doc = SIZE_MAX;
        std::vector<std::uint64_t> buffer;
        std::span<const std::uint64_t> shingles;
    };
    static constexpr std::size_t cache_sets = 64;
    std::array<std::array<Read, 2>, cache_sets> reads_;
    std::array<std::uint8_t, cache_sets> last_read_{};  // per set, the way read last
    std::size_t pairs_checked_ = 0, pairs_merged_ = 0, reads_done_ = 0;
};

}  // namespace factline
