#pragma once
// The loop the kinds share: every pair of entries with conflicting values in a
// timeline, filtered by the kind's predicate; each entry that takes part in at
// least one owned pair is reported to the sink once. Only participation
// matters, so each entry looks for one partner and stops at the first, and
// only in the buckets the kind says its partners share (pair_buckets.hpp):
// about linear in the entries of a key when partners are found early or the
// buckets are small, quadratic only inside one bucket where no partner is.
// Two entries about places inside the subject (`contained`) are not a pair
// here: a region's timeline compares claims about the region with claims
// about its places, and two places meet in their own timelines.
#include "checker/finding_sink.hpp"
#include "checker/kinds/pair_buckets.hpp"
#include "checker/timeline.hpp"

namespace factline {

/// `keys_of(entry)`: the entry's buckets (PairKeys); `partners`: whether an
/// owned pair shares a bucket or lies across buckets. `owns_pair(a, b)` must
/// imply that, or pairs are missed.
template <typename KeysOf, typename Predicate>
void scan_conflicting_pairs(const Timeline& timeline, const FindingKind& kind, FindingSink& sink, KeysOf keys_of,
                            Partners partners, Predicate owns_pair) {
    for_each_conflict(timeline, [&](const ValueConflict& rule, const std::vector<std::size_t>& as,
                                    const std::vector<std::size_t>& bs) {
        std::vector<char> hit_a(as.size(), 0);
        std::vector<char> hit_b(bs.size(), 0);
        const auto owns = [&](std::size_t i, std::size_t j) {
            const TimelineEntry& a = timeline.entries[as[i]];
            const TimelineEntry& b = timeline.entries[bs[j]];
            return !(a.contained && b.contained) && owns_pair(a, b);
        };
        const PairBuckets a_buckets(timeline, as, keys_of);
        const PairBuckets b_buckets(timeline, bs, keys_of);
        for (std::size_t i = 0; i < as.size(); ++i) {
            const TimelineEntry& a = timeline.entries[as[i]];
            const auto j = b_buckets.find(keys_of(a), partners, a.cluster, [&](std::size_t k) { return owns(i, k); });
            if (j) hit_a[i] = hit_b[*j] = 1;
        }
        for (std::size_t j = 0; j < bs.size(); ++j) {
            if (hit_b[j]) continue;
            const TimelineEntry& b = timeline.entries[bs[j]];
            if (a_buckets.find(keys_of(b), partners, b.cluster, [&](std::size_t k) { return owns(k, j); })) hit_b[j] = 1;
        }
        for (std::size_t i = 0; i < as.size(); ++i) {
            if (hit_a[i]) sink.report(kind, rule, as[i]);
        }
        for (std::size_t j = 0; j < bs.size(); ++j) {
            if (hit_b[j]) sink.report(kind, rule, bs[j]);
        }
    });
}

}  // namespace factline
