#include "checker/band_key_store.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cassert>

namespace factline {

namespace {

using KeyRows = Eigen::Matrix<std::uint64_t, Eigen::Dynamic, lsh_bands, Eigen::RowMajor>;
using KeyColumns = Eigen::Matrix<std::uint64_t, Eigen::Dynamic, lsh_bands, Eigen::ColMajor>;

/// One document's keys as a 1 x bands row.
Eigen::Map<const KeyRows> row_of(const BandKeys& keys) { return {keys.data(), 1, lsh_bands}; }

}  // namespace

struct BandKeyStore::Rows {
    KeyRows keys;
};

/// Consecutive documents' keys: keys(doc - first, band), each band's column contiguous.
struct BandKeyStore::Block {
    KeyColumns keys;
    std::size_t filled = 0;
};

BandKeyStore::BandKeyStore(BandKeyStore&&) noexcept = default;
BandKeyStore& BandKeyStore::operator=(BandKeyStore&&) noexcept = default;
BandKeyStore::~BandKeyStore() = default;

BandKeyStore::BandKeyStore(std::size_t documents, SpillOptions options)
    : documents_(documents), options_(std::move(options)), spills_(reaches_budget(documents)) {
    if (spills_) {
        open_blocks(documents);
    } else {
        // Not zeroed (Eigen leaves a resized matrix as it is): every document
        // put writes its row, and a document never put has no shingles, so
        // no band of it is read.
        rows_ = std::make_unique<Rows>();
        rows_->keys.resize(static_cast<Eigen::Index>(documents), lsh_bands);
    }
}

bool BandKeyStore::reaches_budget(std::size_t documents) const {
    return documents > 0 && documents * sizeof(BandKeys) >= options_.memory_budget;
}

void BandKeyStore::open_blocks(std::size_t documents) {
    const std::size_t blocks = (documents + block_documents - 1) / block_documents;
    open_.resize(blocks);
    block_offsets_.resize(blocks, not_written);
}

void BandKeyStore::grow(std::size_t documents) {
    assert(documents >= documents_);
    const std::size_t before = documents_;
    documents_ = documents;
    if (spills_) {
        open_blocks(documents);  // a block is written once full or at finish(): none grows after it is written
        return;
    }
    if (!reaches_budget(documents)) {
        rows_->keys.conservativeResize(static_cast<Eigen::Index>(documents), Eigen::NoChange);
        return;
    }
    // The keys put so far go to blocks as if they had been put spilling.
    spills_ = true;
    open_blocks(documents);
    const std::lock_guard lock(*mutex_);
    for (std::size_t doc = 0; doc < before; ++doc) {
        BandKeys keys;
        Eigen::Map<KeyRows>(keys.data(), 1, lsh_bands) = rows_->keys.row(static_cast<Eigen::Index>(doc));
        put_in_block(doc, keys);
    }
    rows_.reset();
}

std::size_t BandKeyStore::block_size(std::size_t block) const {
    return std::min(block_documents, documents_ - block * block_documents);
}

void BandKeyStore::put(std::size_t doc, const BandKeys& keys) {
    assert(doc < documents_);
    if (!spills_) {
        rows_->keys.row(static_cast<Eigen::Index>(doc)) = row_of(keys);  // no lock: its own row
        return;
    }
    const std::lock_guard lock(*mutex_);
    put_in_block(doc, keys);
}

void BandKeyStore::put_in_block(std::size_t doc, const BandKeys& keys) {
    const std::size_t index = doc / block_documents;
    auto& block = open_[index];
    if (!block) {
        // A whole block's rows, even for the last (a store that grows may
        // fill it later); write_block() cuts it to the documents it holds.
        block = std::make_unique<Block>();
        block->keys.setZero(static_cast<Eigen::Index>(block_documents), lsh_bands);
    }
    const auto place = static_cast<Eigen::Index>(doc - index * block_documents);
    block->keys.row(place) = row_of(keys);
    if (++block->filled == block_documents) write_block(index);
}

void BandKeyStore::write_block(std::size_t index) {
    auto& block = open_[index];
    const auto size = static_cast<Eigen::Index>(block_size(index));
    if (block->keys.rows() != size) block->keys.conservativeResize(size, Eigen::NoChange);  // the last block
    if (!failure_) {
        try {
            if (!file_) file_.emplace(options_.open());
            block_offsets_[index] =
                file_->append(block->keys.data(), static_cast<std::size_t>(block->keys.size()) * sizeof(std::uint64_t));
        } catch (const SpillError& error) {
            failure_ = error.what();
        }
    }
    block.reset();
}

void BandKeyStore::finish() {
    const std::lock_guard lock(*mutex_);
    for (std::size_t index = 0; index < open_.size(); ++index) {
        if (block_offsets_[index] != not_written) continue;
        if (!open_[index]) {  // no document of it was put
            open_[index] = std::make_unique<Block>();
            open_[index]->keys.setZero(static_cast<Eigen::Index>(block_size(index)), lsh_bands);
        }
        write_block(index);
    }
    finish_spill(file_, failure_, "the band keys of the corpus");
}

BandKeyStore::Band BandKeyStore::band(int band, std::vector<std::uint64_t>& buffer) const {
    if (!spills_) return {documents_ == 0 ? nullptr : rows_->keys.data() + band, lsh_bands};
    buffer.resize(documents_);
    for (std::size_t index = 0; index < block_offsets_.size(); ++index) {
        const std::size_t size = block_size(index);
        file_->read(block_offsets_[index] + static_cast<std::uint64_t>(band) * size * sizeof(std::uint64_t),
                    buffer.data() + index * block_documents, size * sizeof(std::uint64_t));
    }
    return {buffer.data(), 1};
}

}  // namespace factline
