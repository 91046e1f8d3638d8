#include "checker/kinds/self_contradiction.hpp"

#include <fmt/format.h>

#include "checker/kinds/message.hpp"
#include "checker/kinds/pair_scan.hpp"

namespace factline {

SelfContradiction::SelfContradiction(const RuleSpec& spec)
    : options_(KindOptions::read(spec, "self_contradiction", Severity::warning)) {}

void SelfContradiction::evaluate(const Timeline& timeline, FindingSink& sink) const {
    // Partners share the document, or the holder and a known day.
    const auto keys_of = [](const TimelineEntry& e) {
        return e.dated() ? PairKeys::two(doc_key(e), holder_day_key(e)) : PairKeys::one(doc_key(e));
    };
    scan_conflicting_pairs(timeline, *this, sink, keys_of, Partners::same_bucket,
                           [](const TimelineEntry& a, const TimelineEntry& b) {
        if (a.group != b.group || a.headline != b.headline) return false;
        const bool same_day = a.dated() && b.dated() && a.day == b.day;
        // In one document an undated pair is one statement, and the group's
        // own voice ("the Kremlin says") is the same source as its named
        // spokesman; across documents only the same holder on a known shared
        // day ties two statements together.
        if (a.doc == b.doc) {
            const bool same_source = a.holder == b.holder || a.group_voice || b.group_voice;
            return same_source && (same_day || !a.dated() || !b.dated());
        }
        return a.holder == b.holder && same_day && a.cluster != b.cluster;
    });
}

std::string SelfContradiction::message(const Finding& finding, const TopicRules& rules) const {
    const FindingSide& first = finding.sides.front();
    const FindingSide& second = finding.sides.back();
    return fmt::format("{} said both that {} ({}) and that {} ({})", who_said(first),
                       value_phrase(rules, first.value, finding.subject), when_where(first.evidence.front()),
                       value_phrase(rules, second.value, finding.subject), when_where(second.evidence.front()));
}

}  // namespace factline
