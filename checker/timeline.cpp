#include "checker/timeline.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace factline {

namespace {

struct KeyHash {
    std::size_t operator()(const std::pair<std::string_view, std::string_view>& key) const {
        const std::size_t a = std::hash<std::string_view>{}(key.first);
        return a ^ (std::hash<std::string_view>{}(key.second) + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
    }
};

/// Small per-timeline string interner.
class Interner {
public:
    std::uint32_t id(std::string_view text) {
        auto [it, inserted] = ids_.emplace(text, static_cast<std::uint32_t>(names_.size()));
        if (inserted) names_.emplace_back(text);
        return it->second;
    }
    std::vector<std::string> take() { return std::move(names_); }

private:
    std::unordered_map<std::string_view, std::uint32_t> ids_;
    std::vector<std::string> names_;
};

Timeline build_timeline(const std::vector<Assertion>& assertions, const std::vector<std::size_t>& members,
                        const TopicRules& rules) {
    Timeline timeline;
    timeline.rules = &rules;
    timeline.topic = assertions[members.front()].topic;
    timeline.subject = assertions[members.front()].subject;
    for (std::size_t i : members) timeline.values.push_back(assertions[i].value);
    std::sort(timeline.values.begin(), timeline.values.end());
    timeline.values.erase(std::unique(timeline.values.begin(), timeline.values.end()), timeline.values.end());

    Interner groups, holders, docs, clusters;
    timeline.entries.reserve(members.size());
    for (std::size_t i : members) {
        const Assertion& a = assertions[i];
        TimelineEntry entry;
        entry.assertion = &a;
        entry.value = static_cast<std::uint32_t>(
            std::lower_bound(timeline.values.begin(), timeline.values.end(), a.value) - timeline.values.begin());
        entry.group = groups.id(a.holder_group);
        entry.holder = holders.id(a.holder);
        entry.doc = docs.id(a.doc);
        // A document without a cluster id is its own cluster; the prefix keeps
        // it apart from real cluster ids.
        entry.cluster = a.cluster.empty() ? clusters.id("\x01" + a.doc) : clusters.id(a.cluster);
        if (a.stated) entry.day = days_from_civil(*a.stated);
        entry.headline = a.headline;
        entry.group_voice = a.holder == a.holder_group;
        timeline.entries.push_back(entry);
    }
    timeline.groups = groups.take();
    std::sort(timeline.entries.begin(), timeline.entries.end(), [](const TimelineEntry& x, const TimelineEntry& y) {
        const Assertion& a = *x.assertion;
        const Assertion& b = *y.assertion;
        return std::tie(x.day, a.doc, a.evidence.line, a.evidence.col, a.holder, a.value) <
               std::tie(y.day, b.doc, b.evidence.line, b.evidence.col, b.holder, b.value);
    });
    timeline.by_value.resize(timeline.values.size());
    timeline.tracks.resize(timeline.groups.size());
    for (std::size_t i = 0; i < timeline.entries.size(); ++i) {
        timeline.by_value[timeline.entries[i].value].push_back(i);
        timeline.tracks[timeline.entries[i].group].push_back(i);
    }
    return timeline;
}

}  // namespace

void for_each_timeline(const std::vector<Assertion>& assertions, const ConflictRules& rules,
                       const std::function<void(const Timeline&)>& visit) {
    using Key = std::pair<std::string_view, std::string_view>;
    std::unordered_map<Key, std::vector<std::size_t>, KeyHash> keys;
    for (std::size_t i = 0; i < assertions.size(); ++i) {
        keys[{assertions[i].topic, assertions[i].subject}].push_back(i);
    }
    std::vector<const std::pair<const Key, std::vector<std::size_t>>*> order;
    order.reserve(keys.size());
    for (const auto& item : keys) order.push_back(&item);
    std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    for (const auto* item : order) {
        const TopicRules* topic = rules.find(std::string(item->first.first));
        if (topic == nullptr) continue;  // a topic without conflict rules cannot conflict
        visit(build_timeline(assertions, item->second, *topic));
    }
}

void for_each_conflict(const Timeline& timeline,
                       const std::function<void(const ValueConflict&, const std::vector<std::size_t>&,
                                                const std::vector<std::size_t>&)>& visit) {
    for (std::size_t a = 0; a < timeline.values.size(); ++a) {
        for (std::size_t b = a + 1; b < timeline.values.size(); ++b) {
            if (const ValueConflict* rule = timeline.rules->conflict(timeline.values[a], timeline.values[b])) {
                visit(*rule, timeline.by_value[a], timeline.by_value[b]);
            }
        }
    }
}

}  // namespace factline
