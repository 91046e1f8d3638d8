#pragma once
// A cheap, exact upper bound on how many hashes two sets share, from 256
// counts per set (how many of its hashes fall in each range of the top byte):
// the shared hashes of a range are no more than the smaller count. Comparing
// two bounds costs 256 byte minima instead of a merge of the sets, and turns
// away most pairs of different stories that LSH pairs because they share a
// templated sentence (dedup.cpp checks every pair of such a bucket).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace factline {

class OverlapBound {
public:
    OverlapBound() = default;  // the empty set

    explicit OverlapBound(const std::vector<std::uint64_t>& hashes) {
        for (const std::uint64_t hash : hashes) {
            std::uint8_t& count = counts_[hash >> 56];
            if (count == UINT8_MAX) {
                saturated_ = true;
            } else {
                ++count;
            }
        }
    }

    /// At least |A ∩ B| for any sets A and B (SIZE_MAX when a range of either
    /// holds more hashes than a byte counts).
    [[nodiscard]] std::size_t with(const OverlapBound& other) const {
        if (saturated_ || other.saturated_) return SIZE_MAX;
        std::size_t bound = 0;
        for (std::size_t range = 0; range < counts_.size(); ++range) {
            bound += std::min(counts_[range], other.counts_[range]);
        }
        return bound;
    }

private:
    std::array<std::uint8_t, 256> counts_{};
    bool saturated_ = false;
};

}  // namespace factline
