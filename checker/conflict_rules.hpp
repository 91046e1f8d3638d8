#pragma once
// Consistency rules from rules/<pack>/conflicts/*.toml (one file per topic,
// plus kinds.toml): which values of a topic conflict, which are compatible
// refinements, the time windows and severities of each finding kind, the
// phrases messages use, and small assertion-level cases that
// `factline rules test` runs. Loading lives in conflict_rules_load.cpp; the
// engine that applies the rules lives in consistency.cpp and checker/kinds/.
// Nothing here names a topic, value or holder group: all of it comes from TOML.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "checker/diagnostic.hpp"

namespace factline {

/// Options of one finding kind (kinds.toml), read once by the kind's class.
struct RuleSpec {
    std::string kind;                 // position_shift | self_contradiction | dispute | cross_source | headline_body
    std::string id;                   // "core.conflicts.kinds.dispute"
    std::optional<Severity> severity;        // none: the kind's default
    std::optional<int> window_days;          // pairs farther apart are not compared; none: any distance
    std::vector<std::string> outlet_groups;  // holder groups that are an outlet's own voice ("narrator")
    bool enabled = true;
    std::string file;                        // where the options were read ("" = defaults)
};

/// One side of an assertion-level test case: the fields of an Assertion that matter.
struct CaseAssertion {
    std::string holder;
    std::string group;
    std::string value;
    std::string stated;  // "YYYY-MM-DD" or "" (undated)
    std::string doc = "a.txt";
    std::string cluster;  // "" = the doc's own cluster
    bool headline = false;
    std::string subject;  // "" = the case's subject (containment cases name a place inside it)
};

/// `[[case]]`: two assertions of the topic and the kind they must produce ("none": no finding).
struct ConflictCase {
    std::string subject = "x";
    CaseAssertion a;
    CaseAssertion b;
    std::string expect;
    std::string file;
    std::uint32_t line = 0;
};

/// A conflicting value pair (`[[conflict]]`).
struct ValueConflict {
    std::string id;  // "core.conflicts.negotiation.impossible_vs_open"
    std::string a;
    std::string b;
    std::string why;
};

/// Everything known about one topic.
struct TopicRules {
    std::string topic;
    std::string file;
    std::string description;
    std::vector<std::string> values;                // declared values, in file order
    std::map<std::string, std::string> phrases;     // value -> "{subject} is part of Russia"
    std::map<std::string, std::string> subject_names;  // subject id -> words used in phrases ("any" -> "any territory")
    std::vector<ValueConflict> conflicts;
    std::set<std::pair<std::string, std::string>> compatible;  // documented refinements, both orders
    std::map<std::string, int> window_days;         // kind -> days, overrides kinds.toml for this topic
    // `containment = "covers"`: a claim about a region is also a claim about
    // every place the lexicon puts inside it, so it is compared with claims
    // about those places (status). "none" (the default): each subject stands
    // alone (control of a village says nothing of its oblast).
    bool covers_contained = false;
    std::vector<std::string> kinds;                 // kinds that apply to this topic; empty = all
    std::vector<ConflictCase> cases;

    /// True when findings of `kind` are made for this topic.
    [[nodiscard]] bool applies(const std::string& kind) const;
    /// The rule that makes `a` and `b` conflict, or nullptr.
    [[nodiscard]] const ValueConflict* conflict(const std::string& a, const std::string& b) const;
};

struct ConflictRules {
    std::vector<TopicRules> topics;
    std::vector<RuleSpec> kinds;  // from kinds.toml; kinds not listed run with their defaults
    // Place id -> the region that contains it (the lexicon's `parent`), for
    // topics that cover contained places. Filled by load_rules.
    std::map<std::string, std::string, std::less<>> parent_of;

    [[nodiscard]] const TopicRules* find(const std::string& topic) const;
    /// The spec of `kind` (defaults when kinds.toml does not mention it).
    [[nodiscard]] RuleSpec spec(const std::string& kind) const;
};

}  // namespace factline
