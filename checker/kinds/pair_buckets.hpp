#pragma once
// Where a kind's owned pairs can be. A busy (topic, subject) key of a large
// corpus has tens of thousands of entries per value, and trying every pair of
// two values is quadratic (issue 7: the synthetic 100k corpus spent most of
// its time there). A kind names, per entry, the buckets its partners must
// share with it (its holder group, its document, its (holder, day)), or says
// that partners are in any *other* bucket (dispute: another holder group);
// the scan then looks for one partner per entry only there, and stops at the
// first. Inside a bucket the entries are ordered by syndication cluster and
// the entry's own cluster is tried last: copies of one wire story are never
// each other's partner across documents, and a large cluster would otherwise
// be walked entry by entry.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "checker/timeline.hpp"

namespace factline {

/// The buckets of one entry: a pair can be owned only when the two share one
/// (or, for a kind whose partners are across buckets, when their first
/// buckets differ). None: the entry owns no pair at all.
struct PairKeys {
    std::array<std::uint64_t, 2> keys{};
    std::size_t count = 0;

    static PairKeys none() { return {}; }
    static PairKeys one(std::uint64_t key) { return {{key, 0}, 1}; }
    static PairKeys two(std::uint64_t a, std::uint64_t b) { return a == b ? one(a) : PairKeys{{a, b}, 2}; }
};

/// Key spaces, so that a group id and a document id never collide.
inline std::uint64_t group_key(const TimelineEntry& e) { return 1ull << 60 | e.group; }
inline std::uint64_t doc_key(const TimelineEntry& e) { return 2ull << 60 | e.doc; }
inline std::uint64_t holder_day_key(const TimelineEntry& e) {
    return 3ull << 60 | static_cast<std::uint64_t>(e.holder) << 32 | static_cast<std::uint32_t>(e.day);
}

enum class Partners { same_bucket, other_bucket };

/// The entries of one side of a value pair, by bucket, each bucket ordered by cluster.
class PairBuckets {
public:
    template <typename KeysOf>
    PairBuckets(const Timeline& timeline, const std::vector<std::size_t>& side, KeysOf keys_of)
        : timeline_(&timeline), side_(&side) {
        for (std::size_t k = 0; k < side.size(); ++k) {
            const PairKeys keys = keys_of(timeline.entries[side[k]]);
            for (std::size_t n = 0; n < keys.count; ++n) buckets_[keys.keys[n]].push_back(k);
        }
        for (auto& [key, members] : buckets_) {
            std::stable_sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
                return timeline.entries[side[x]].cluster < timeline.entries[side[y]].cluster;
            });
        }
    }

    /// The first member (its position in the side) for which `try_member`
    /// holds, among the buckets `keys` allows; members of `cluster` last.
    template <typename Try>
    std::optional<std::size_t> find(const PairKeys& keys, Partners partners, std::uint32_t cluster,
                                    Try try_member) const {
        if (partners == Partners::same_bucket) {
            for (std::size_t n = 0; n < keys.count; ++n) {
                if (auto it = buckets_.find(keys.keys[n]); it != buckets_.end()) {
                    if (auto hit = find_in(it->second, cluster, try_member)) return hit;
                }
            }
            return std::nullopt;
        }
        if (keys.count == 0) return std::nullopt;
        for (const auto& [key, members] : buckets_) {
            if (key == keys.keys[0]) continue;
            if (auto hit = find_in(members, cluster, try_member)) return hit;
        }
        return std::nullopt;
    }

private:
    template <typename Try>
    std::optional<std::size_t> find_in(const std::vector<std::size_t>& members, std::uint32_t cluster,
                                       Try try_member) const {
        const auto cluster_of = [&](std::size_t k) { return timeline_->entries[(*side_)[k]].cluster; };
        const auto lo = std::partition_point(members.begin(), members.end(),
                                             [&](std::size_t k) { return cluster_of(k) < cluster; });
        const auto hi = std::partition_point(lo, members.end(), [&](std::size_t k) { return cluster_of(k) == cluster; });
        for (auto it = hi; it != members.end(); ++it) {
            if (try_member(*it)) return *it;
        }
        for (auto it = members.begin(); it != lo; ++it) {
            if (try_member(*it)) return *it;
        }
        for (auto it = lo; it != hi; ++it) {
            if (try_member(*it)) return *it;
        }
        return std::nullopt;
    }

    const Timeline* timeline_;
    const std::vector<std::size_t>* side_;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets_;
};

}  // namespace factline
