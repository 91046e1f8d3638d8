#include "checker/finding_sink.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "checker/finding_id.hpp"

namespace factline {

namespace {

/// Fills `e`, a new element of a side's evidence, in place: evidence is what
/// findings are made of (a dozen strings each), so it is built once, not moved.
void write_evidence(FindingEvidence& e, const Assertion& a, const std::string& finding_subject) {
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
    if (a.subject != finding_subject) e.subject = a.subject;
}

/// (stated, doc, line, col, holder); undated evidence sorts after dated evidence.
/// References, not copies: this runs inside sorts.
bool evidence_before(const FindingEvidence& a, const FindingEvidence& b) {
    if (a.stated.has_value() != b.stated.has_value()) return a.stated.has_value();
    if (a.stated && *a.stated != *b.stated) return *a.stated < *b.stated;
    return std::tie(a.doc, a.line, a.col, a.holder) < std::tie(b.doc, b.line, b.col, b.holder);
}

/// evidence_before() for the assertions the evidence is made from.
bool assertion_before(const Assertion& a, const Assertion& b) {
    if (a.stated.has_value() != b.stated.has_value()) return a.stated.has_value();
    if (a.stated && *a.stated != *b.stated) return *a.stated < *b.stated;
    return std::tie(a.doc, a.evidence.line, a.evidence.col, a.holder) <
           std::tie(b.doc, b.evidence.line, b.evidence.col, b.holder);
}

}  // namespace

void FindingSink::report(const FindingKind& kind, const ValueConflict& rule, std::size_t entry) {
    // One episode per kind in a timeline: "impossible vs open" and "impossible
    // vs conditional" from the same statements are one story for an editor.
    auto it = std::find_if(episodes_.begin(), episodes_.end(), [&](const Episode& e) { return e.kind == &kind; });
    if (it == episodes_.end()) it = episodes_.insert(episodes_.end(), Episode{&kind, {}, {}});
    if (std::find(it->rules.begin(), it->rules.end(), &rule) == it->rules.end()) it->rules.push_back(&rule);
    it->entries.push_back(entry);
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
        // The rule of the first conflicting pair in id order names the finding.
        finding.rule = (*std::min_element(episode.rules.begin(), episode.rules.end(),
                                          [](const auto* a, const auto* b) { return a->id < b->id; }))->id;
        // Sides by (value, holder group[, stated day]): the value's index orders
        // as its name (timeline.values is sorted), the group by its name, and
        // undated before dated; no strings are built per entry.
        // Each side's assertions are gathered and ordered as pointers first, so
        // that the evidence records (a dozen strings each) are built once, in place.
        std::map<std::tuple<std::uint32_t, std::string_view, std::int64_t>, std::vector<const Assertion*>> sides;
        const bool by_date = episode.kind->sides_by_stated_date();
        for (std::size_t index : episode.entries) {
            const TimelineEntry& entry = timeline.entries[index];
            const Assertion& a = *entry.assertion;
            const std::int64_t day = by_date && entry.dated() ? entry.day : -1;
            sides[{entry.value, std::string_view(a.holder_group), day}].push_back(&a);
            finding.undated = finding.undated || !a.stated;
        }
        for (auto& [key, members] : sides) {
            std::sort(members.begin(), members.end(),
                      [](const Assertion* x, const Assertion* y) { return assertion_before(*x, *y); });
            FindingSide side;
            side.value = members.front()->value;
            side.holder_group = members.front()->holder_group;
            side.evidence.reserve(members.size());
            std::vector<std::string_view> clusters;
            clusters.reserve(members.size());
            for (const Assertion* a : members) {
                write_evidence(side.evidence.emplace_back(), *a, timeline.subject);
                clusters.push_back(a->cluster.empty() ? std::string_view(a->doc) : std::string_view(a->cluster));
            }
            std::sort(clusters.begin(), clusters.end());
            side.clusters = static_cast<int>(std::unique(clusters.begin(), clusters.end()) - clusters.begin());
            finding.sides.push_back(std::move(side));
        }
        // Sides in the order the story unfolds: earliest evidence first.
        std::stable_sort(finding.sides.begin(), finding.sides.end(), [](const FindingSide& x, const FindingSide& y) {
            return evidence_before(x.evidence.front(), y.evidence.front());
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
        if (a.severity != b.severity) return a.severity > b.severity;
        return std::tie(a.kind, a.topic, a.subject, a.id) < std::tie(b.kind, b.topic, b.subject, b.id);
    });
}

}  // namespace factline
