#include "checker/kinds/dispute.hpp"

#include <fmt/format.h>
#include <map>

#include "checker/kinds/message.hpp"
#include "checker/kinds/pair_scan.hpp"

namespace factline {

Dispute::Dispute(const RuleSpec& spec) : options_(KindOptions::read(spec, "dispute", Severity::info)) {}

void Dispute::evaluate(const Timeline& timeline, FindingSink& sink) const {
    // Holders disagree whoever reports it: a syndicated copy repeating both
    // sides is the same dispute, so clusters do not matter here.
    // A headline in the outlet's voice against its own body is headline_body's.
    const auto window = options_.window_for(timeline);
    const auto keys_of = [](const TimelineEntry& e) { return PairKeys::one(group_key(e)); };
    scan_conflicting_pairs(timeline, *this, sink, keys_of, Partners::other_bucket,
                           [&](const TimelineEntry& a, const TimelineEntry& b) {
        if (a.doc == b.doc && a.headline != b.headline &&
            options_.is_outlet_group(timeline, (a.headline ? a : b).group))
            return false;
        return a.group != b.group && KindOptions::within_window(a, b, window);
    });
}

std::string Dispute::message(const Finding& finding, const TopicRules& rules) const {
    // One clause per value: "russia (peskov) says …; ukraine and west say …".
    std::vector<std::string> order;
    std::map<std::string, std::vector<const FindingSide*>> by_value;
    for (const auto& side : finding.sides) {
        if (by_value[side.value].empty()) order.push_back(side.value);
        by_value[side.value].push_back(&side);
    }
    std::vector<std::string> clauses;
    for (const auto& value : order) {
        std::string holders;
        const auto& sides = by_value[value];
        for (std::size_t i = 0; i < sides.size(); ++i) {
            holders += (i == 0 ? "" : i + 1 == sides.size() ? " and " : ", ") + who_said(*sides[i]);
        }
        clauses.push_back(fmt::format("{} {} that {} ({})", holders, sides.size() > 1 ? "say" : "says",
                                      value_phrase(rules, value, finding.subject),
                                      when_where(sides.front()->evidence.front())));
    }
    std::string out = clauses.front();
    for (std::size_t i = 1; i < clauses.size(); ++i) out += (i == 1 ? ", while " : "; ") + clauses[i];
    return out;
}

}  // namespace factline
