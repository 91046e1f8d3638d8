#pragma once
// Which timelines for_each_timeline builds, and from which assertions, decided
// before any is built: one key per (topic, subject) whose topic has conflict
// rules, and each key's assertions as one run, in input order.
//
// When the input is grouped by key (each key one contiguous run, as a
// key-sorted corpus or a reduce over key-sorted shards delivers it), the runs
// are ranges of the input itself and the plan is O(keys): each key's timeline
// can be built from its run and dropped before the next run is read. Other
// input is grouped by a counting sort: the plan holds each assertion's key (4
// bytes per assertion) and the runs are ranges of the key-sorted records that
// for_each_timeline writes (TimelineRecord, 36 bytes per assertion).
//
// Where a topic covers contained places (TopicRules::covers_contained), a key
// lists the keys of the regions enclosing its subject (rules.parent_of); those
// region keys `wait`: their timelines also hold claims from other runs, so
// they are built after every run has been read, from claims kept aside.
#include <cstdint>
#include <string_view>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/conflict_rules.hpp"

namespace factline {

struct TimelineKey {
    std::string_view topic;  // views into the assertions or the rules, which outlive the plan
    std::string_view subject;
    const TopicRules* rules = nullptr;
    bool waits = false;                  // claims about places inside the subject join it: built last
    std::vector<std::uint32_t> regions;  // keys of the enclosing regions, innermost first
};

/// One key's assertions, in input order: positions [begin, end) of the input
/// when it is grouped, else of the key-sorted records.
struct KeyRun {
    std::uint32_t key = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct TimelinePlan {
    static constexpr std::uint32_t no_key = UINT32_MAX;  // the topic has no conflict rules

    std::vector<TimelineKey> keys;
    bool grouped = true;
    // Grouped: one run per key that has assertions. Otherwise: one per key
    // that has assertions and does not wait (keys that wait keep theirs aside).
    std::vector<KeyRun> runs;
    std::vector<std::uint32_t> key_of;  // ungrouped input only: each assertion's key, or no_key
    std::size_t sorted_records = 0;     // ungrouped input only: the records the runs cover
};

/// The keys and runs of `assertions`; assertions whose topic has no conflict
/// rules are left out. The plan holds views into both arguments.
[[nodiscard]] TimelinePlan plan_timelines(const std::vector<Assertion>& assertions, const ConflictRules& rules);
TimelinePlan plan_timelines(std::vector<Assertion>&& assertions, const ConflictRules& rules) = delete;
TimelinePlan plan_timelines(const std::vector<Assertion>& assertions, ConflictRules&& rules) = delete;

}  // namespace factline
