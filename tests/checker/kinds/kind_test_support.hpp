#pragma once
// Shared by the kind and consistency tests: a one-topic rule set ("stance":
// yes/no conflict, yes/maybe compatible), its variant that covers contained
// places, and a compact assertion builder.
#include <map>
#include <string>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/consistency.hpp"

namespace factline::testing {

inline ConflictRules stance_rules(int window_days = 0) {
    ConflictRules rules;
    TopicRules topic;
    topic.topic = "stance";
    topic.values = {"yes", "no", "maybe"};
    topic.phrases = {{"yes", "{subject} agreed"}, {"no", "{subject} refused"}};
    topic.conflicts.push_back({"test.stance.yes_vs_no", "yes", "no", ""});
    topic.compatible = {{"yes", "maybe"}, {"maybe", "yes"}};
    if (window_days > 0) topic.window_days = {{"position_shift", window_days}, {"dispute", window_days},
                                              {"cross_source", window_days}};
    rules.topics.push_back(topic);
    RuleSpec outlet;
    outlet.kind = "cross_source";
    outlet.outlet_groups = {"narrator"};
    rules.kinds.push_back(outlet);
    RuleSpec shift;
    shift.kind = "position_shift";
    shift.outlet_groups = {"narrator"};
    rules.kinds.push_back(shift);
    return rules;
}

/// holder, group, value, stated ("" = undated), doc, cluster ("" = own), headline.
inline Assertion said(std::string holder, std::string group, std::string value, std::string stated,
                      std::string doc, std::string cluster = "", bool headline = false, std::uint32_t line = 5) {
    Assertion a;
    a.holder = std::move(holder);
    a.holder_group = std::move(group);
    a.topic = "stance";
    a.subject = "x";
    a.value = std::move(value);
    a.stated = parse_iso(stated);
    a.doc = doc;
    a.doc_hash = "hash-" + doc;
    a.cluster = cluster.empty() ? "c-" + doc : std::move(cluster);
    a.headline = headline;
    a.evidence.line = headline ? 1 : line;
    a.evidence.col = 1;
    return a;
}

/// `a`, about `subject` instead.
inline Assertion about(std::string subject, Assertion a) {
    a.subject = std::move(subject);
    return a;
}

/// stance_rules() whose topic covers contained places, with `parents` as the containment table.
inline ConflictRules containment_rules(std::map<std::string, std::string, std::less<>> parents, bool covers = true) {
    auto rules = stance_rules();
    rules.topics[0].covers_contained = covers;
    rules.parent_of = std::move(parents);
    return rules;
}

/// Kinds of the findings, comma-separated, "none" when there are none.
inline std::string kinds_of(const std::vector<Assertion>& assertions, const ConflictRules& rules) {
    std::string out;
    for (const auto& f : find_conflicts(assertions, rules)) out += (out.empty() ? "" : ",") + f.kind;
    return out.empty() ? "none" : out;
}

}  // namespace factline::testing
