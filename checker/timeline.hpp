#pragma once
// Timelines: the assertions of one (topic, subject) key, one track per holder
// group, ordered by stated date (undated entries last, never dropped: they are
// compared too and make their findings `undated`). Building them is one
// sequential pass over the assertions that interns the strings the kinds
// compare (holder, group, document, cluster, value) into small records grouped
// by key, then a sort by day inside each key; one key's timeline lives only
// while its findings are made. This module does not decide what conflicts:
// that is the kinds' job (checker/kinds/).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/conflict_rules.hpp"

namespace factline {

/// One assertion in a timeline, with its strings interned (corpus-wide) so that
/// the kinds compare integers.
struct TimelineEntry {
    static constexpr std::int64_t undated_day = INT64_MAX;

    const Assertion* assertion = nullptr;
    std::uint32_t value = 0;    // index into Timeline::values
    std::uint32_t group = 0;    // interned holder group
    std::uint32_t holder = 0;   // interned holder
    std::uint32_t doc = 0;      // interned document
    std::uint32_t cluster = 0;  // interned syndication cluster (the document itself when it has none)
    std::int64_t day = undated_day;  // stated date as days since 1970-01-01
    std::int64_t about_day = undated_day;  // the time the claim describes (Assertion::about), else `day`
    bool headline = false;
    bool group_voice = false;  // the holder is the group itself ("the Kremlin said"), no named actor
    bool contained = false;    // about a place inside the timeline's subject (TopicRules::covers_contained)

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
/// and calls `visit` on each, keys in sorted order. Where the topic covers
/// contained places, an assertion about a place also joins the timelines of
/// the regions containing it (ConflictRules::parent_of), marked `contained`.
void for_each_timeline(const std::vector<Assertion>& assertions, const ConflictRules& rules,
                       const std::function<void(const Timeline&)>& visit);

/// Calls `visit(rule, a_entries, b_entries)` for every conflicting value pair present in `timeline`.
void for_each_conflict(const Timeline& timeline,
                       const std::function<void(const ValueConflict&, const std::vector<std::size_t>&,
                                                const std::vector<std::size_t>&)>& visit);

}  // namespace factline
