#include "checker/conflict_rules.hpp"

#include <algorithm>

namespace factline {

const ValueConflict* TopicRules::conflict(const std::string& a, const std::string& b) const {
    for (const auto& rule : conflicts) {
        if ((rule.a == a && rule.b == b) || (rule.a == b && rule.b == a)) return &rule;
    }
    return nullptr;
}

bool TopicRules::applies(const std::string& kind) const {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const TopicRules* ConflictRules::find(const std::string& topic) const {
    auto it = std::find_if(topics.begin(), topics.end(), [&](const TopicRules& t) { return t.topic == topic; });
    return it == topics.end() ? nullptr : &*it;
}

RuleSpec ConflictRules::spec(const std::string& kind) const {
    for (const auto& s : kinds) {
        if (s.kind == kind) return s;
    }
    RuleSpec defaults;
    defaults.kind = kind;
    // Groups named once for all kinds (kinds.toml's top-level outlet_groups)
    // travel in every spec; reuse them from any listed kind.
    if (!kinds.empty()) defaults.outlet_groups = kinds.front().outlet_groups;
    return defaults;
}

}  // namespace factline
