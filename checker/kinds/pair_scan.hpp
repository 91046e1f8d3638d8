#pragma once
// The loop the kinds share: every pair of entries with conflicting values in a
// timeline, filtered by the kind's predicate, reported to the sink. Work is
// per key and per conflicting value pair; keys stay small in news corpora.
#include "checker/finding_sink.hpp"
#include "checker/timeline.hpp"

namespace factline {

template <typename Predicate>
void scan_conflicting_pairs(const Timeline& timeline, const FindingKind& kind, FindingSink& sink,
                            Predicate owns_pair) {
    for_each_conflict(timeline, [&](const ValueConflict& rule, const std::vector<std::size_t>& as,
                                    const std::vector<std::size_t>& bs) {
        for (std::size_t a : as) {
            for (std::size_t b : bs) {
                if (owns_pair(timeline.entries[a], timeline.entries[b])) sink.report(kind, rule, a, b);
            }
        }
    });
}

}  // namespace factline
