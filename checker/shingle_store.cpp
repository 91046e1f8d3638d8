#include "checker/shingle_store.hpp"

#include <cassert>

namespace factline {

ShingleStore::ShingleStore(std::size_t documents, SpillOptions options)
    : options_(std::move(options)), counts_(documents, 0), held_(documents) {}

void ShingleStore::put(std::size_t doc, std::vector<std::uint64_t> shingles) {
    assert(doc < counts_.size());
    const std::lock_guard lock(*mutex_);
    counts_[doc] = static_cast<std::uint32_t>(shingles.size());
    if (!file_ && !failure_) {
        const std::size_t bytes = shingles.capacity() * sizeof(std::uint64_t);
        if (held_bytes_ + bytes < options_.memory_budget) {
            held_bytes_ += bytes;
            held_[doc] = std::move(shingles);
            return;
        }
        spill_held();
    }
    append(doc, shingles);
}

void ShingleStore::grow(std::size_t documents, bool spill_now) {
    assert(documents >= counts_.size());
    const std::lock_guard lock(*mutex_);
    counts_.resize(documents, 0);
    if (file_) {
        offsets_.resize(documents, 0);
    } else {
        held_.resize(documents);
    }
    if (spill_now && options_.memory_budget > 0) {
        options_.memory_budget = 0;  // as DedupIndex starts a store whose keys spill from the first document
        if (!file_ && !failure_) spill_held();
    }
}

void ShingleStore::spill_held() {
    try {
        file_.emplace(options_.open());
    } catch (const SpillError& error) {
        failure_ = error.what();
        return;
    }
    offsets_.assign(counts_.size(), 0);
    for (std::size_t doc = 0; doc < held_.size(); ++doc) {
        if (!held_[doc].empty()) append(doc, held_[doc]);
    }
    // Freed as a whole (the per-document vectors too): the rest of pass 1 reuses the memory.
    std::vector<std::vector<std::uint64_t>>().swap(held_);
    held_bytes_ = 0;
}

void ShingleStore::append(std::size_t doc, const std::vector<std::uint64_t>& shingles) {
    if (failure_ || shingles.empty()) return;  // after a failure nothing more is written: finish() reports it
    try {
        offsets_[doc] = file_->append(shingles.data(), shingles.size() * sizeof(std::uint64_t)) /
                        sizeof(std::uint64_t);
    } catch (const SpillError& error) {
        failure_ = error.what();
    }
}

void ShingleStore::finish() {
    const std::lock_guard lock(*mutex_);
    finish_spill(file_, failure_, "the shingles of the corpus");
}

std::span<const std::uint64_t> ShingleStore::read(std::size_t doc, std::vector<std::uint64_t>& buffer) const {
    if (!file_) return held_[doc];
    buffer.resize(counts_[doc]);
    if (!buffer.empty()) {
        file_->read(offsets_[doc] * sizeof(std::uint64_t), buffer.data(), buffer.size() * sizeof(std::uint64_t));
    }
    return buffer;
}

}  // namespace factline
