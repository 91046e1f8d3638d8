#pragma once
// Stage 8: per-(topic, subject) timelines with one track per holder group
// (checker/timeline.hpp), the finding kinds of checker/kinds/registry.cpp run
// over each, and aggregated findings (one per conflict episode, never n²
// pairs) with stable ids (checker/finding_id.hpp). What conflicts is data:
// rules/<pack>/conflicts/*.toml (checker/conflict_rules.hpp).
#include <vector>

#include "checker/assertion.hpp"
#include "checker/conflict_rules.hpp"
#include "checker/finding.hpp"

namespace factline {

struct RuleSet;

/// Findings over all assertions of a corpus, in deterministic order.
[[nodiscard]] std::vector<Finding> find_conflicts(const std::vector<Assertion>& assertions, const RuleSet& rules);

/// The same over conflict rules alone (tests, benchmarks, `rules test`).
[[nodiscard]] std::vector<Finding> find_conflicts(const std::vector<Assertion>& assertions,
                                                  const ConflictRules& rules);

}  // namespace factline
