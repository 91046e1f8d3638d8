#include "checker/kinds/cross_source.hpp"

#include <fmt/format.h>

#include "checker/kinds/message.hpp"
#include "checker/kinds/pair_scan.hpp"

namespace factline {

CrossSource::CrossSource(const RuleSpec& spec)
    : options_(KindOptions::read(spec, "cross_source", Severity::warning)) {}

void CrossSource::evaluate(const Timeline& timeline, FindingSink& sink) const {
    const auto window = options_.window_for(timeline);
    // Partners share the holder group, which must be an outlet's own voice.
    const auto keys_of = [&](const TimelineEntry& e) {
        return options_.is_outlet_group(timeline, e.group) ? PairKeys::one(group_key(e)) : PairKeys::none();
    };
    scan_conflicting_pairs(timeline, *this, sink, keys_of, Partners::same_bucket,
                           [&](const TimelineEntry& a, const TimelineEntry& b) {
        return a.group == b.group && a.cluster != b.cluster && options_.is_outlet_group(timeline, a.group) &&
               KindOptions::within_window(a, b, window);
    });
}

std::string CrossSource::message(const Finding& finding, const TopicRules& rules) const {
    const FindingSide& first = finding.sides.front();
    const FindingSide& second = finding.sides.back();
    const FindingEvidence& a = first.evidence.front();
    const FindingEvidence& b = second.evidence.front();
    std::string gap;
    if (a.stated && b.stated) {
        gap = fmt::format(", {} days later", days_from_civil(*b.stated) - days_from_civil(*a.stated));
    }
    return fmt::format("{} reported that {} ({}) but {} reported that {} ({}{})", source_name(a),
                       value_phrase(rules, first.value, finding.subject), a.stated ? to_iso(*a.stated) : "undated",
                       source_name(b), value_phrase(rules, second.value, finding.subject),
                       b.stated ? to_iso(*b.stated) : "undated", gap);
}

}  // namespace factline
