#include "checker/timeline.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace factline {

namespace {

/// Corpus-wide string interner; the views point into the assertions, which
/// outlive it.
class Interner {
public:
    std::uint32_t id(std::string_view text) {
        auto [it, inserted] = ids_.try_emplace(text, static_cast<std::uint32_t>(names_.size()));
        if (inserted) names_.emplace_back(text);
        return it->second;
    }
    [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

private:
    std::unordered_map<std::string_view, std::uint32_t> ids_;
    std::vector<std::string> names_;
};

struct KeyHash {
    std::size_t operator()(const std::pair<std::uint32_t, std::uint32_t>& key) const {
        return (static_cast<std::size_t>(key.first) << 32) ^ key.second;
    }
};

/// What the kinds need of one assertion: 32 bytes, filled in one sequential
/// pass so that per-key work never chases scattered Assertion objects.
struct Record {
    std::uint32_t index;  // into the assertions
    std::uint32_t value;
    std::uint32_t group;
    std::uint32_t holder;
    std::uint32_t doc;
    std::uint32_t cluster;
    std::int32_t day;     // INT32_MAX: undated
    std::int32_t about;   // the time described; `day` when the claim names none
    std::uint8_t headline;
    std::uint8_t group_voice;
    std::uint8_t contained;
};

constexpr std::int32_t undated_record = INT32_MAX;
constexpr std::uint32_t own_cluster = 0x80000000u;  // high bit: a document that has no cluster id

}  // namespace

void for_each_timeline(const std::vector<Assertion>& assertions, const ConflictRules& rules,
                       const std::function<void(const Timeline&)>& visit) {
    Interner topics, subjects, values, groups, holders, docs, clusters;
    std::unordered_map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t, KeyHash> key_ids;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> keys;
    std::vector<std::vector<Record>> records;
    std::vector<const TopicRules*> topic_rules;
    for (std::size_t i = 0; i < assertions.size(); ++i) {
        const Assertion& a = assertions[i];
        const std::uint32_t topic = topics.id(a.topic);
        if (topic == topic_rules.size()) topic_rules.push_back(rules.find(a.topic));
        if (topic_rules[topic] == nullptr) continue;  // a topic without conflict rules cannot conflict
        const auto records_of = [&](std::string_view subject) -> std::vector<Record>& {
            const std::pair<std::uint32_t, std::uint32_t> key{topic, subjects.id(subject)};
            auto [it, inserted] = key_ids.emplace(key, static_cast<std::uint32_t>(keys.size()));
            if (inserted) {
                keys.push_back(key);
                records.emplace_back();
            }
            return records[it->second];
        };
        Record r{};
        r.index = static_cast<std::uint32_t>(i);
        r.value = values.id(a.value);
        r.group = groups.id(a.holder_group);
        r.holder = holders.id(a.holder);
        r.doc = docs.id(a.doc);
        r.cluster = a.cluster.empty() ? (own_cluster | r.doc) : clusters.id(a.cluster);
        r.day = a.stated ? static_cast<std::int32_t>(days_from_civil(*a.stated)) : undated_record;
        r.about = a.about && a.stated ? static_cast<std::int32_t>(days_from_civil(*a.about)) : r.day;
        r.headline = a.headline;
        r.group_voice = a.holder == a.holder_group;
        records_of(a.subject).push_back(r);
        if (topic_rules[topic]->covers_contained) {
            // Every enclosing region, innermost first; the depth bound stops a
            // parent cycle in a user's pack from looping.
            r.contained = 1;
            std::string_view place = a.subject;
            for (int depth = 0; depth < 8; ++depth) {
                const auto parent = rules.parent_of.find(place);
                if (parent == rules.parent_of.end() || parent->second == a.subject) break;
                records_of(parent->second).push_back(r);
                place = parent->second;
            }
        }
    }

    // Keys in (topic, subject) name order: findings come out in a fixed order
    // before the final sort, whatever the input order.
    std::vector<std::uint32_t> order(keys.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        const auto& a = keys[x];
        const auto& b = keys[y];
        if (a.first != b.first) return topics.names()[a.first] < topics.names()[b.first];
        return subjects.names()[a.second] < subjects.names()[b.second];
    });

    std::vector<std::int32_t> value_slot(values.names().size(), -1);  // value id -> index in timeline.values
    for (std::uint32_t k : order) {
        auto& members = records[k];
        std::stable_sort(members.begin(), members.end(), [](const Record& x, const Record& y) { return x.day < y.day; });
        Timeline timeline;
        timeline.rules = topic_rules[keys[k].first];
        timeline.topic = topics.names()[keys[k].first];
        timeline.subject = subjects.names()[keys[k].second];
        timeline.groups = &groups.names();
        std::vector<std::uint32_t> present;
        for (const Record& r : members) {
            if (value_slot[r.value] == -1) {
                value_slot[r.value] = 0;
                present.push_back(r.value);
            }
        }
        std::sort(present.begin(), present.end(),
                  [&](std::uint32_t x, std::uint32_t y) { return values.names()[x] < values.names()[y]; });
        for (std::size_t v = 0; v < present.size(); ++v) {
            value_slot[present[v]] = static_cast<std::int32_t>(v);
            timeline.values.push_back(values.names()[present[v]]);
        }
        timeline.entries.reserve(members.size());
        timeline.by_value.resize(present.size());
        timeline.tracks.resize(groups.names().size());
        for (const Record& r : members) {
            TimelineEntry entry;
            entry.assertion = &assertions[r.index];
            entry.value = static_cast<std::uint32_t>(value_slot[r.value]);
            entry.group = r.group;
            entry.holder = r.holder;
            entry.doc = r.doc;
            entry.cluster = r.cluster;
            entry.day = r.day == undated_record ? TimelineEntry::undated_day : r.day;
            entry.about_day = r.about == undated_record ? TimelineEntry::undated_day : r.about;
            entry.headline = r.headline != 0;
            entry.group_voice = r.group_voice != 0;
            entry.contained = r.contained != 0;
            timeline.by_value[entry.value].push_back(timeline.entries.size());
            timeline.tracks[entry.group].push_back(timeline.entries.size());
            timeline.entries.push_back(entry);
        }
        for (std::uint32_t v : present) value_slot[v] = -1;
        std::vector<Record>().swap(members);  // done with this key
        visit(timeline);
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
