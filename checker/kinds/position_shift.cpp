#include "checker/kinds/position_shift.hpp"

#include <fmt/format.h>

#include "checker/kinds/message.hpp"
#include "checker/kinds/pair_scan.hpp"

namespace factline {

PositionShift::PositionShift(const RuleSpec& spec)
    : options_(KindOptions::read(spec, "position_shift", Severity::warning)) {}

void PositionShift::evaluate(const Timeline& timeline, FindingSink& sink) const {
    const auto window = options_.window_for(timeline);
    // Partners are dated and share the holder group; an outlet's own voice
    // shifts only inside one document.
    const auto keys_of = [&](const TimelineEntry& e) {
        if (!e.dated()) return PairKeys::none();
        return options_.is_outlet_group(timeline, e.group) ? PairKeys::one(doc_key(e)) : PairKeys::one(group_key(e));
    };
    scan_conflicting_pairs(timeline, *this, sink, keys_of, Partners::same_bucket,
                           [&](const TimelineEntry& a, const TimelineEntry& b) {
        if (a.group != b.group || !a.dated() || !b.dated() || a.day == b.day) return false;
        if (!KindOptions::within_window(a, b, window)) return false;
        // One document recounting a change of line; or independent sources
        // (syndicated copies are one source), unless the group is an outlet's
        // own voice, whose disagreements across sources are cross_source.
        if (a.doc == b.doc) return a.headline == b.headline;
        return a.cluster != b.cluster && !options_.is_outlet_group(timeline, a.group);
    });
}

std::string PositionShift::message(const Finding& finding, const TopicRules& rules) const {
    const FindingSide& before = finding.sides.front();
    const FindingSide& after = finding.sides.back();
    return fmt::format("{} said that {} ({}) but later that {} ({})", who_said(before),
                       value_phrase(rules, before.value, finding.subject), when_where(before.evidence.front()),
                       value_phrase(rules, after.value, finding.subject), when_where(after.evidence.front()));
}

}  // namespace factline
