#pragma once
// Every document's shingles (sorted unique hashes), kept until clustering
// has checked its candidate pairs. A small corpus's stay in memory; once
// they outgrow the memory budget, all of them, those held and those still
// to come, go to an unlinked temporary file (spill_file.hpp) as documents
// are put, and only each document's place (offset, count: 12 bytes) stays
// in memory. Clustering reads a document back only when it meets a
// candidate pair. Either way the sets read back are the ones put, so
// clusters do not depend on where they were kept.
//
// put() is thread-safe (pass 1 puts from every thread); a failed write is
// kept and thrown by finish() as SpillError, since a worker thread cannot
// throw. Reads come after finish().
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "checker/spill_file.hpp"

namespace factline {

class ShingleStore {
public:
    ShingleStore(std::size_t documents, SpillOptions options);

    /// Keeps `doc`'s shingles (once per document; thread-safe).
    void put(std::size_t doc, std::vector<std::uint64_t> shingles);

    /// Room for `documents` documents (no fewer than before), for a corpus
    /// read in batches; `spill_now`: every shingle held goes to the file now
    /// and those to come after it (the band keys have spilled). Never during put().
    void grow(std::size_t documents, bool spill_now);

    /// Ends the puts: writes out what is buffered. Throws SpillError if the
    /// spill file could not be made or written.
    void finish();

    [[nodiscard]] std::size_t documents() const { return counts_.size(); }

    /// How many shingles `doc` has (no read).
    [[nodiscard]] std::size_t count(std::size_t doc) const { return counts_[doc]; }

    /// `doc`'s shingles: a view of the memory that holds them, or of
    /// `buffer` once they are read into it from the spill file. Throws SpillError.
    [[nodiscard]] std::span<const std::uint64_t> read(std::size_t doc, std::vector<std::uint64_t>& buffer) const;

    /// Whether the shingles went to the spill file.
    [[nodiscard]] bool spilled() const { return file_.has_value(); }

private:
    void spill_held();                                                          // the mutex held
    void append(std::size_t doc, const std::vector<std::uint64_t>& shingles);  // the mutex held

    SpillOptions options_;
    std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // a pointer: the store can be moved
    std::vector<std::uint32_t> counts_;             // per document
    std::vector<std::vector<std::uint64_t>> held_;  // per document, until the store spills
    std::size_t held_bytes_ = 0;
    std::optional<SpillFile> file_;
    std::vector<std::uint64_t> offsets_;  // per document, in shingles from the file's start, once spilled
    std::optional<std::string> failure_;  // the first error while spilling
};

}  // namespace factline
