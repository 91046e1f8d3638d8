#include "checker/dedup_pair_check.hpp"

#include <algorithm>

#include "checker/dedup.hpp"

namespace factline {

bool shares_at_least(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, std::size_t needed) {
    if (needed > std::min(a.size(), b.size())) return false;
    std::size_t shared = 0, i = 0, j = 0;
    for (;;) {
        const std::size_t left = std::min(a.size() - i, b.size() - j);  // at most this many more can be shared
        if (shared >= needed) return true;
        if (shared + left < needed) return false;
        // Branch-free merge steps (hash order is random, so branches would
        // mispredict); each step moves i or j or both by one, so `steps`
        // steps stay inside both sets.
        const std::size_t steps = std::min<std::size_t>(left, 64);
        for (std::size_t step = 0; step < steps; ++step) {
            const std::uint64_t x = a[i], y = b[j];
            shared += x == y;
            i += x <= y;
            j += y <= x;
        }
    }
}

PairBounds::PairBounds(const ShingleStore& shingles, double threshold)
    : shingles_(shingles),
      threshold_(threshold),
      met_of_(shingles.documents(), not_met),
      chunks_((shingles.documents() + chunk_size - 1) / chunk_size),
      wide_chunks_((shingles.documents() + wide_chunk_size - 1) / wide_chunk_size) {}

void PairBounds::reserve(std::span<const std::uint32_t> docs) {
    const std::lock_guard lock(mutex_);
    for (const std::uint32_t doc : docs) {
        if (met_count_ % chunk_size == 0) chunks_[met_count_ / chunk_size] = std::make_unique<Met[]>(chunk_size);
        met_of_[doc] = static_cast<std::uint32_t>(met_count_++);
    }
}

void PairBounds::fill(std::size_t doc, std::span<const std::uint64_t> shingles) {
    Met& made = chunks_[met_of_[doc] / chunk_size][met_of_[doc] % chunk_size];
    made.bound = PackedOverlapBound(shingles);
    // Span offsets are 32-bit, so a body has fewer than 2^32 shingles and needed_overlap() fits.
    made.needed = static_cast<std::uint32_t>(needed_overlap(shingles.size(), threshold_));
    if (made.bound.has_full_range()) {
        std::size_t index = 0;
        {
            const std::lock_guard lock(mutex_);
            index = wide_count_++;
            auto& chunk = wide_chunks_[index / wide_chunk_size];
            if (!chunk) chunk = std::make_unique<OverlapBound[]>(wide_chunk_size);
        }
        wide_chunks_[index / wide_chunk_size][index % wide_chunk_size] = OverlapBound(shingles);
        made.wide = static_cast<std::uint32_t>(index);
    }
}

bool PairCheck::copies(std::size_t a, std::size_t b) {
    const PairBounds::Met& met_a = bounds_->of(a);
    const PairBounds::Met& met_b = bounds_->of(b);
    const ShingleStore& shingles = bounds_->shingles();
    const std::size_t needed = shingles.count(a) <= shingles.count(b) ? met_a.needed : met_b.needed;
    ++pairs_checked_;
    const std::size_t bound = met_a.bound.has_full_range() && met_b.bound.has_full_range()
                                  ? bounds_->wide(met_a.wide).with(bounds_->wide(met_b.wide))
                                  : met_a.bound.with(met_b.bound);
    if (bound < needed) return false;
    ++pairs_merged_;
    const auto shingles_a = read(a);
    const auto shingles_b = read(b);  // keeps a's: the two last read stay valid
    return shares_at_least(shingles_a, shingles_b, needed);
}

std::span<const std::uint64_t> PairCheck::read(std::size_t doc) {
    auto& ways = reads_[doc % cache_sets];
    std::uint8_t& last = last_read_[doc % cache_sets];
    for (std::uint8_t way = 0; way < ways.size(); ++way) {
        if (ways[way].doc == doc) {
            last = way;
            return ways[way].shingles;
        }
    }
    // The way read less recently: a pair's other document, if it is in this
    // set, was read last and stays.
    last = static_cast<std::uint8_t>(1 - last);
    Read& slot = ways[last];
    slot.doc = doc;
    slot.shingles = bounds_->shingles().read(doc, slot.buffer);
    ++reads_done_;
    return slot.shingles;
}

}  // namespace factline
