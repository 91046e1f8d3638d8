#include "checker/kinds/headline_body.hpp"

#include <fmt/format.h>

#include "checker/kinds/message.hpp"
#include "checker/kinds/pair_scan.hpp"

namespace factline {

HeadlineBody::HeadlineBody(const RuleSpec& spec)
    : options_(KindOptions::read(spec, "headline_body", Severity::warning)) {}

void HeadlineBody::evaluate(const Timeline& timeline, FindingSink& sink) const {
    // The headline against its own body: the same holder group in both, or a
    // headline in the outlet's own voice ("Russia Takes Full Control of …")
    // against what the body reports from anyone ("… only part of the region,
    // according to Ukraine's General Staff").
    const auto keys_of = [](const TimelineEntry& e) { return PairKeys::one(doc_key(e)); };
    scan_conflicting_pairs(timeline, *this, sink, keys_of, Partners::same_bucket,
                           [&](const TimelineEntry& a, const TimelineEntry& b) {
        if (a.doc != b.doc || a.headline == b.headline) return false;
        const TimelineEntry& head = a.headline ? a : b;
        return a.group == b.group || options_.is_outlet_group(timeline, head.group);
    });
}

std::string HeadlineBody::message(const Finding& finding, const TopicRules& rules) const {
    const FindingSide* head = &finding.sides.front();
    const FindingSide* body = &finding.sides.back();
    for (const auto& side : finding.sides) {
        if (side.evidence.front().headline) head = &side;
    }
    for (const auto& side : finding.sides) {
        if (&side != head) body = &side;
    }
    const FindingEvidence& e = body->evidence.front();
    return fmt::format("the headline of {} says that {} but its body has {} say that {} ({})", source_name(e),
                       value_phrase(rules, head->value, finding.subject), who_said(*body),
                       value_phrase(rules, body->value, finding.subject), when_where(e));
}

}  // namespace factline
