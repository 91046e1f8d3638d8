#pragma once
// Timelines: the assertions of one (topic, subject) key, one track per holder
// group, ordered by stated date (undated entries last, never dropped: they are
// compared too and make their findings `undated`), then input order.
// for_each_timeline builds them one key at a time from a plan made in one pass
// (checker/timeline_plan.hpp) and drops each after its visit. On input
// grouped by key it streams: its memory is O(keys) plus the largest key's
// timeline and the claims a region collects from the places inside it. Other
// input is first sorted by key as 36-byte records (checker/timeline_record.hpp),
// about 40 bytes per assertion at the peak. This module does not decide what
// conflicts: that is the kinds' job (checker/kinds/).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/conflict_rules.hpp"

namespace factline {

/// One assertion in a timeline, with the strings the kinds compare as ids, so
/// that they compare integers. The ids are local to the timeline, except
/// `group`, which indexes Timeline::groups.
struct TimelineEntry {
    static constexpr std::int64_t undated_day = INT64_MAX;

    const Assertion* assertion = nullptr;
    std::uint32_t value = 0;    // index into Timeline::values (so value order is name order)
    std::uint32_t group = 0;    // interned holder group
    std::uint32_t holder = 0;   // interned holder
    std::uint32_t doc = 0;      // interned document
    std::uint32_t cluster = 0;  // interned syndication cluster (the document itself when it has none)
    std::int64_t day = undated_day;  // stated date as days since 1970-01-01
    std::int64_t about_day = undated_day;  // the time the claim describes (Assertion::about), else `day`
    bool headline = false;
    bool group_voice = false;  // the holder is the group itself ("the Kremlin said"), no named actor
    bool contained = false;    // about a place inside the timeline's subject (TopicRules::covers_contained)
    bool relative_date = false;  // the stated date was read from a time expression (DateSource::relative)

    [[nodiscard]] bool dated() const { return day != undated_day; }
};

struct Timeline {
    const TopicRules* rules = nullptr;
    std::string topic;
    std::string subject;
    std::vector<std::string> values;                // distinct values present, sorted
    const std::vector<std::string>* groups = nullptr;  // holder group names, by TimelineEntry::group
    std::vector<TimelineEntry> entries;             // by day (undated last), then input order
    std::vector<std::vector<std::size_t>> by_value; // value index -> entry indices, in entry order
    std::vector<std::vector<std::size_t>> tracks;   // holder group index -> entry indices, in entry order
};

/// Builds one timeline per (topic, subject) key whose topic has conflict rules
/// and calls `visit` on each; the timeline is valid during the call only. The
/// visiting order follows the input (keys that hold contained places come
/// last): a timeline's content does not depend on it, and callers sort what
/// they collect. Where the topic covers contained places, an assertion about a
/// place also joins the timelines of the regions containing it
/// (ConflictRules::parent_of), marked `contained`.
void for_each_timeline(const std::vector<Assertion>& assertions, const ConflictRules& rules,
                       const std::function<void(const Timeline&)>& visit);

/// Calls `visit(rule, a_entries, b_entries)` for every conflicting value pair present in `timeline`.
void for_each_conflict(const Timeline& timeline,
                       const std::function<void(const ValueConflict&, const std::vector<std::size_t>&,
                                                const std::vector<std::size_t>&)>& visit);

}  // namespace factline
