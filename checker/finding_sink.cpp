#include "checker/finding_sink.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "checker/finding_id.hpp"

namespace factline {

namespace {

FindingEvidence evidence_of(const Assertion& a) {
    FindingEvidence e;
    e.doc = a.doc;
    e.line = a.evidence.line;
    e.col = a.evidence.col;
    e.stated = a.stated;
    e.stated_source = a.stated_source;
    e.text = a.evidence.text;
    e.holder = a.holder;
    e.outlet = a.outlet;
    e.cluster = a.cluster;
    e.rule = a.rule;
    e.doc_hash = a.doc_hash;
    e.headline = a.headline;
    return e;
}

/// Undated evidence sorts after dated evidence.
auto evidence_key(const FindingEvidence& e) {
    return std::make_tuple(!e.stated.has_value(), e.stated.value_or(CivilDate{}), e.doc, e.line, e.col, e.holder);
}

}  // namespace

void FindingSink::report(const FindingKind& kind, const ValueConflict& rule, std::size_t a, std::size_t b) {
    auto it = std::find_if(episodes_.begin(), episodes_.end(),
                           [&](const Episode& e) { return e.kind == &kind && e.rule == &rule; });
    if (it == episodes_.end()) it = episodes_.insert(episodes_.end(), Episode{&kind, &rule, {}});
    it->entries.push_back(a);
    it->entries.push_back(b);
}

std::vector<Finding> FindingSink::flush(const Timeline& timeline) {
    std::vector<Finding> out;
    for (auto& episode : episodes_) {
        std::sort(episode.entries.begin(), episode.entries.end());
        episode.entries.erase(std::unique(episode.entries.begin(), episode.entries.end()), episode.entries.end());
        Finding finding;
        finding.kind = episode.kind->name();
        finding.severity = episode.kind->severity();
        finding.topic = timeline.topic;
        finding.subject = timeline.subject;
        finding.rule = episode.rule->id;
        std::map<std::pair<std::string, std::string>, FindingSide> sides;
        for (std::size_t index : episode.entries) {
            const Assertion& a = *timeline.entries[index].assertion;
            auto& side = sides[{a.value, a.holder_group}];
            side.value = a.value;
            side.holder_group = a.holder_group;
            side.evidence.push_back(evidence_of(a));
            finding.undated = finding.undated || !a.stated;
        }
        for (auto& [key, side] : sides) {
            std::sort(side.evidence.begin(), side.evidence.end(),
                      [](const auto& x, const auto& y) { return evidence_key(x) < evidence_key(y); });
            std::set<std::string> clusters;
            for (const auto& e : side.evidence) clusters.insert(e.cluster.empty() ? "doc:" + e.doc : e.cluster);
            side.clusters = static_cast<int>(clusters.size());
            finding.sides.push_back(std::move(side));
        }
        // Sides in the order the story unfolds: earliest evidence first.
        std::stable_sort(finding.sides.begin(), finding.sides.end(), [](const FindingSide& x, const FindingSide& y) {
            return evidence_key(x.evidence.front()) < evidence_key(y.evidence.front());
        });
        finding.id = finding_id(finding);
        finding.message = episode.kind->message(finding, *timeline.rules);
        out.push_back(std::move(finding));
    }
    episodes_.clear();
    return out;
}

void sort_findings(std::vector<Finding>& findings) {
    std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::make_tuple(static_cast<int>(b.severity), a.kind, a.topic, a.subject, a.id) <
               std::make_tuple(static_cast<int>(a.severity), b.kind, b.topic, b.subject, b.id);
    });
}

}  // namespace factline
