#include "checker/consistency.hpp"

#include "checker/finding_sink.hpp"
#include "checker/kinds/registry.hpp"
#include "checker/rule_pack.hpp"
#include "checker/timeline.hpp"

namespace factline {

std::vector<Finding> find_conflicts(const std::vector<Assertion>& assertions, const RuleSet& rules) {
    return find_conflicts(assertions, rules.conflicts);
}

std::vector<Finding> find_conflicts(const std::vector<Assertion>& assertions, const ConflictRules& rules) {
    const auto kinds = make_kinds(rules);
    std::vector<Finding> findings;
    FindingSink sink;
    for_each_timeline(assertions, rules, [&](const Timeline& timeline) {
        for (const auto& kind : kinds) {
            if (timeline.rules->applies(kind->name())) kind->evaluate(timeline, sink);
        }
        for (auto& finding : sink.flush(timeline)) findings.push_back(std::move(finding));
    });
    sort_findings(findings);
    return findings;
}

}  // namespace factline
