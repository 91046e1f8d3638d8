#pragma once
// Stage 8: per-(holder group, topic, subject) timelines and aggregated findings
// (one per conflict episode, never n² pairs), with stable ids.
#include <vector>

#include "checker/assertion.hpp"
#include "checker/finding.hpp"

namespace factline {

struct RuleSet;

/// Findings over all assertions of a corpus, in deterministic order.
[[nodiscard]] std::vector<Finding> find_conflicts(const std::vector<Assertion>& assertions, const RuleSet& rules);

}  // namespace factline
