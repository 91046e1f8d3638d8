#pragma once
// Every document's LSH band keys (dedup_minhash.hpp), put as the documents
// are sketched and read back one band at a time, as clustering groups the
// corpus band by band. Their size is known up front (384 bytes a document),
// so the store decides at once: below the memory budget, one row of keys
// per document in memory (a put is one copy); at or past it, blocks of
// consecutive documents, each
// written to an unlinked temporary file once all its documents are put (the
// threads put in about document order, so few blocks are open at a time),
// band after band, so that one band of the whole corpus is read back with
// one pread a block. Either way a band reads back as put.
//
// A corpus read in batches grows the store between batches (grow()); once
// its keys reach the budget, those in memory go to blocks and the file.
//
// put() is thread-safe; a failed write is kept and thrown by finish() as
// SpillError. band() comes after finish().
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "checker/dedup_minhash.hpp"
#include "checker/spill_file.hpp"

namespace factline {

class BandKeyStore {
public:
    BandKeyStore(std::size_t documents, SpillOptions options);
    BandKeyStore(BandKeyStore&&) noexcept;
    BandKeyStore& operator=(BandKeyStore&&) noexcept;
    ~BandKeyStore();

    /// Keeps `doc`'s keys (once per document; thread-safe).
    void put(std::size_t doc, const BandKeys& keys);

    /// Room for `documents` documents (no fewer than before), spilling the
    /// keys held so far if they now reach the budget. Never during put().
    void grow(std::size_t documents);

    /// Ends the puts: writes out the blocks still open. A document never put
    /// has no keys to read: it must have no shingles either (not eligible).
    /// Throws SpillError if the spill file could not be made or written.
    void finish();

    [[nodiscard]] std::size_t documents() const { return documents_; }

    /// One band's key of every document: a strided view of the rows in
    /// memory, or of a buffer the band was read into from the spill file.
    class Band {
    public:
        Band(const std::uint64_t* first, std::size_t stride) : first_(first), stride_(stride) {}
        [[nodiscard]] std::uint64_t operator[](std::size_t doc) const { return first_[doc * stride_]; }

    private:
        const std::uint64_t* first_;
        std::size_t stride_;
    };

    /// Band `band`'s key of every document, read into `buffer` if spilled
    /// (valid while `buffer` is). Throws SpillError.
    [[nodiscard]] Band band(int band, std::vector<std::uint64_t>& buffer) const;

    /// Whether the keys go to the spill file.
    [[nodiscard]] bool spilled() const { return spills_; }

private:
    // Eigen matrices, a document per row and a band per column, defined in
    // the .cpp (Eigen stays out of the headers that include this one).
    struct Rows;   // the whole corpus in memory: row-major, a document's keys together as put
    struct Block;  // consecutive documents: column-major, a band together as written and read
    static constexpr std::size_t block_documents = 4096;  // a band of a block: 32 KiB a read
    static constexpr std::uint64_t not_written = UINT64_MAX;

    [[nodiscard]] std::size_t block_size(std::size_t block) const;
    [[nodiscard]] bool reaches_budget(std::size_t documents) const;
    void open_blocks(std::size_t documents);  // sizes open_ and block_offsets_ for the documents
    void put_in_block(std::size_t doc, const BandKeys& keys);  // the mutex held
    void write_block(std::size_t block);  // the mutex held

    std::size_t documents_;
    SpillOptions options_;
    bool spills_;
    std::unique_ptr<Rows> rows_;  // per document, when held in memory
    std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // a pointer: the store can be moved
    std::vector<std::unique_ptr<Block>> open_;  // per block, while it is being filled
    std::vector<std::uint64_t> block_offsets_;  // per block, in bytes, or not_written
    std::optional<SpillFile> file_;
    std::optional<std::string> failure_;  // the first error while spilling
};

}  // namespace factline
