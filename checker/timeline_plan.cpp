#include "checker/timeline_plan.hpp"

#include "checker/name_ids.hpp"

namespace factline {

namespace {

/// Interns (topic, subject) keys and learns, the first time a key has an
/// assertion, which regions enclose its subject.
class KeyTable {
public:
    static constexpr std::uint32_t no_key = TimelinePlan::no_key;

    struct Found {
        std::uint32_t key = no_key;  // no_key: the topic has no conflict rules
        bool first = false;          // the key's first assertion
    };

    explicit KeyTable(const ConflictRules& rules) : rules_(rules) {}

    Found key_of(const Assertion& a) {
        const std::uint32_t key = intern(a.topic, a.subject);
        if (keys_[key].rules == nullptr) return {};
        const bool first = !has_assertions_[key];
        if (first) {
            has_assertions_[key] = 1;
            if (keys_[key].rules->covers_contained) find_regions(key);
        }
        return {key, first};
    }
    [[nodiscard]] const std::vector<TimelineKey>& keys() const { return keys_; }
    std::vector<TimelineKey> take() { return std::move(keys_); }

private:
    std::uint32_t intern(std::string_view topic, std::string_view subject) {
        // One name per key: the topic's length, the topic, the subject, so
        // that no text in either can make two keys one.
        const auto topic_length = static_cast<std::uint32_t>(topic.size());
        key_name_.assign(reinterpret_cast<const char*>(&topic_length), sizeof topic_length);
        key_name_.append(topic).append(subject);
        const std::uint32_t key = ids_.id(key_name_);
        if (key == keys_.size()) {
            keys_.push_back({topic, subject, rules_.find(std::string(topic)), false, {}});
            has_assertions_.push_back(0);
        }
        return key;
    }

    void find_regions(std::uint32_t key) {
        const std::string_view topic = keys_[key].topic;
        const std::string_view subject = keys_[key].subject;
        // Every enclosing region, innermost first; the depth bound stops a
        // parent cycle in a user's pack from looping.
        std::vector<std::uint32_t> regions;
        std::string_view place = subject;
        for (int depth = 0; depth < 8; ++depth) {
            const auto parent = rules_.parent_of.find(place);
            if (parent == rules_.parent_of.end() || parent->second == subject) break;
            const std::uint32_t region = intern(topic, parent->second);
            keys_[region].waits = true;
            regions.push_back(region);
            place = parent->second;
        }
        keys_[key].regions = std::move(regions);
    }

    const ConflictRules& rules_;
    NameIds ids_;
    std::string key_name_;  // reused by intern()
    std::vector<TimelineKey> keys_;
    std::vector<char> has_assertions_;  // by key: a run has started (regions are keys before they have one)
};

bool same_key(const Assertion& a, const Assertion& b) {
    return same_name(a.subject, b.subject) && same_name(a.topic, b.topic);
}

/// The runs of input grouped by key: false as soon as a key comes back after another one.
bool read_grouped_runs(const std::vector<Assertion>& assertions, KeyTable& table, std::vector<KeyRun>& runs) {
    for (std::size_t begin = 0, end = 0; begin < assertions.size(); begin = end) {
        end = begin + 1;
        while (end < assertions.size() && same_key(assertions[end], assertions[begin])) ++end;
        const KeyTable::Found found = table.key_of(assertions[begin]);
        if (found.key == KeyTable::no_key) continue;
        if (!found.first) return false;
        runs.push_back({found.key, begin, end});
    }
    return true;
}

/// Any input: each assertion's key, and the place of each key's records
/// (unless it waits) in the records sorted by key.
void count_by_key(const std::vector<Assertion>& assertions, KeyTable& table, TimelinePlan& plan) {
    plan.grouped = false;
    plan.key_of.resize(assertions.size());
    for (std::size_t i = 0; i < assertions.size(); ++i) {
        // Neighbours often share a key even in ungrouped input (one document's claims).
        plan.key_of[i] = i > 0 && same_key(assertions[i], assertions[i - 1]) ? plan.key_of[i - 1]
                                                                              : table.key_of(assertions[i]).key;
    }
    const auto& keys = table.keys();
    std::vector<std::size_t> count(keys.size(), 0);
    for (std::uint32_t key : plan.key_of) {
        if (key != TimelinePlan::no_key) ++count[key];
    }
    for (std::uint32_t key = 0; key < keys.size(); ++key) {
        if (count[key] == 0 || keys[key].waits) continue;
        plan.runs.push_back({key, plan.sorted_records, plan.sorted_records + count[key]});
        plan.sorted_records += count[key];
    }
}

}  // namespace

TimelinePlan plan_timelines(const std::vector<Assertion>& assertions, const ConflictRules& rules) {
    KeyTable table(rules);
    TimelinePlan plan;
    if (!read_grouped_runs(assertions, table, plan.runs)) {
        plan.runs.clear();
        count_by_key(assertions, table, plan);
    }
    plan.keys = table.take();
    return plan;
}

}  // namespace factline
