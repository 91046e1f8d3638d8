#include "checker/band_key_store.hpp"

#include <algorithm>
#include <cassert>

namespace factline {

BandKeyStore::BandKeyStore(std::size_t documents, SpillOptions options)
    : documents_(documents),
      options_(std::move(options)),
      spills_(documents > 0 && documents * sizeof(BandKeys) >= options_.memory_budget) {
    if (spills_) {
        const std::size_t blocks = (documents + block_documents - 1) / block_documents;
        open_.resize(blocks);
        block_offsets_.assign(blocks, not_written);
    } else {
        // Not zeroed: every document put writes its row, and a document
        // never put has no shingles, so no band of it is read.
        rows_ = std::make_unique_for_overwrite<BandKeys[]>(documents);
    }
}

std::size_t BandKeyStore::block_size(std::size_t block) const {
    return std::min(block_documents, documents_ - block * block_documents);
}

void BandKeyStore::put(std::size_t doc, const BandKeys& keys) {
    assert(doc < documents_);
    if (!spills_) {
        rows_[doc] = keys;  // each document its own row: no lock
        return;
    }
    const std::lock_guard lock(*mutex_);
    const std::size_t index = doc / block_documents, size = block_size(index);
    auto& block = open_[index];
    if (!block) {
        block = std::make_unique<Block>();
        block->keys.assign(size * lsh_bands, 0);
    }
    const std::size_t place = doc - index * block_documents;
    for (std::size_t band = 0; band < keys.size(); ++band) block->keys[band * size + place] = keys[band];
    if (++block->filled == size) write_block(index);
}

void BandKeyStore::write_block(std::size_t index) {
    auto& block = open_[index];
    if (!failure_) {
        try {
            if (!file_) file_.emplace(options_.open());
            block_offsets_[index] = file_->append(block->keys.data(), block->keys.size() * sizeof(std::uint64_t));
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
            open_[index]->keys.assign(block_size(index) * lsh_bands, 0);
        }
        write_block(index);
    }
    if (file_ && !failure_) {
        try {
            file_->flush();
        } catch (const SpillError& error) {
            failure_ = error.what();
        }
    }
    if (failure_) throw SpillError("dedup could not spill the band keys of the corpus: " + *failure_);
}

BandKeyStore::Band BandKeyStore::band(int band, std::vector<std::uint64_t>& buffer) const {
    if (!spills_) return {documents_ == 0 ? nullptr : rows_[0].data() + band, lsh_bands};
    buffer.resize(documents_);
    for (std::size_t index = 0; index < block_offsets_.size(); ++index) {
        const std::size_t size = block_size(index);
        file_->read(block_offsets_[index] + static_cast<std::uint64_t>(band) * size * sizeof(std::uint64_t),
                    buffer.data() + index * block_documents, size * sizeof(std::uint64_t));
    }
    return {buffer.data(), 1};
}

}  // namespace factline
