#pragma once
// The loop the kinds share: every pair of entries with conflicting values in a
// timeline, filtered by the kind's predicate; each entry that takes part in at
// least one owned pair is reported to the sink once. The work is quadratic in
// the entries of one (topic, subject) key and one value pair, linear in keys;
// pairs already covered at both ends are skipped. Two entries about places
// inside the subject (`contained`) are not a pair here: a region's timeline
// compares claims about the region with claims about its places, and two
// places meet in their own timelines.
#include "checker/finding_sink.hpp"
#include "checker/timeline.hpp"

namespace factline {

template <typename Predicate>
void scan_conflicting_pairs(const Timeline& timeline, const FindingKind& kind, FindingSink& sink,
                            Predicate owns_pair) {
    for_each_conflict(timeline, [&](const ValueConflict& rule, const std::vector<std::size_t>& as,
                                    const std::vector<std::size_t>& bs) {
        // Only participation matters (an episode lists each assertion once),
        // so a pair whose two ends are already in is not evaluated again.
        std::vector<char> hit_a(as.size(), 0);
        std::vector<char> hit_b(bs.size(), 0);
        for (std::size_t i = 0; i < as.size(); ++i) {
            for (std::size_t j = 0; j < bs.size(); ++j) {
                if (hit_a[i] && hit_b[j]) continue;
                if (timeline.entries[as[i]].contained && timeline.entries[bs[j]].contained) continue;
                if (owns_pair(timeline.entries[as[i]], timeline.entries[bs[j]])) hit_a[i] = hit_b[j] = 1;
            }
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
