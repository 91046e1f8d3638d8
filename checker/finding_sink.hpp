#pragma once
// Collects the conflicting pairs the kinds report for one timeline and turns
// them into findings: one per conflict episode (a kind on one topic and
// subject, over all its conflicting values), every participating assertion as evidence, sides per (value, holder
// group) with their independent-cluster count, a stable id and the kind's
// message. Pairs are never listed: n pairs over the same values make one finding.
#include <vector>

#include "checker/finding.hpp"
#include "checker/kinds/finding_kind.hpp"
#include "checker/timeline.hpp"

namespace factline {

class FindingSink {
public:
    /// Entry `entry` of the current timeline takes part in a conflict under `rule`, as `kind`.
    void report(const FindingKind& kind, const ValueConflict& rule, std::size_t entry);
    /// The findings of everything reported since the last flush; empties the sink.
    [[nodiscard]] std::vector<Finding> flush(const Timeline& timeline);

private:
    struct Episode {
        const FindingKind* kind;
        std::vector<const ValueConflict*> rules;
        std::vector<std::size_t> entries;
    };
    std::vector<Episode> episodes_;  // a handful per timeline: linear search is cheapest
};

/// Severity desc, kind, topic, subject, id (SPEC: deterministic order).
void sort_findings(std::vector<Finding>& findings);

}  // namespace factline
