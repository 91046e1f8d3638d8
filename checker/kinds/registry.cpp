#include "checker/kinds/registry.hpp"

#include "checker/kinds/cross_source.hpp"
#include "checker/kinds/date_mismatch.hpp"
#include "checker/kinds/dispute.hpp"
#include "checker/kinds/headline_body.hpp"
#include "checker/kinds/position_shift.hpp"
#include "checker/kinds/self_contradiction.hpp"

namespace factline {

namespace {

template <typename Kind>
std::unique_ptr<FindingKind> make(const RuleSpec& spec) {
    return std::make_unique<Kind>(spec);
}

}  // namespace

const std::vector<KindEntry>& kind_table() {
    static const std::vector<KindEntry> table{
        {"headline_body", make<HeadlineBody>},
        {"self_contradiction", make<SelfContradiction>},
        {"position_shift", make<PositionShift>},
        {"cross_source", make<CrossSource>},
        {"dispute", make<Dispute>},
        {"date_mismatch", make<DateMismatch>},
    };
    return table;
}

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (const auto& entry : kind_table()) names.emplace_back(entry.name);
    return names;
}

std::vector<std::unique_ptr<FindingKind>> make_kinds(const ConflictRules& rules) {
    std::vector<std::unique_ptr<FindingKind>> kinds;
    for (const auto& entry : kind_table()) {
        const RuleSpec spec = rules.spec(std::string(entry.name));
        if (spec.enabled) kinds.push_back(entry.make(spec));
    }
    return kinds;
}

}  // namespace factline
