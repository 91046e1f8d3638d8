#include "checker/timeline.hpp"

#include "checker/timeline_builder.hpp"
#include "checker/timeline_plan.hpp"
#include "checker/timeline_record.hpp"

namespace factline {

namespace {

/// Records per partition when ungrouped input is sorted by key: the
/// partition and its sorted copy stay in a core's L2 cache, and its keys fit
/// TimelineRecord::slot.
constexpr std::size_t partition_records = std::size_t{1} << 14;

/// Ungrouped input: reads every assertion that has a key once, in memory
/// order (`read(key, index)` returns its record), and calls `visit_run(run,
/// records)` for each of plan.runs. The records are sorted by key in two
/// counting sorts, so that writes stay in cache: into partitions of
/// consecutive keys (a few hundred places to write to, not one per key),
/// then one partition at a time by key, into a buffer of its size. Each
/// partition is freed once visited, so the findings can grow into its memory.
template <typename Read, typename VisitRun>
void visit_ungrouped(std::size_t assertion_count, TimelinePlan& plan, Read read, VisitRun visit_run) {
    struct Partition {
        std::size_t first_run = 0;  // its runs: [first_run, end_run) of plan.runs
        std::size_t end_run = 0;
        std::vector<TimelineRecord> records;
    };
    // Per key, where its records go: read once per assertion, at random, so
    // 8 bytes in one array. Keys that wait have no partition (`read` sets
    // their records aside).
    struct Place {
        std::uint32_t partition = UINT32_MAX;
        std::uint16_t slot = 0;  // the key's run among its partition's runs
    };
    std::vector<Partition> partitions;
    std::vector<Place> place_of(plan.keys.size());
    for (std::size_t r = 0; r < plan.runs.size(); ++r) {
        if (partitions.empty() || plan.runs[r].end - plan.runs[partitions.back().first_run].begin > partition_records) {
            partitions.push_back({r, r, {}});
        }
        Partition& partition = partitions.back();
        place_of[plan.runs[r].key] = {static_cast<std::uint32_t>(partitions.size() - 1),
                                      static_cast<std::uint16_t>(r - partition.first_run)};
        partition.end_run = r + 1;
    }
    for (Partition& partition : partitions) {
        partition.records.reserve(plan.runs[partition.end_run - 1].end - plan.runs[partition.first_run].begin);
    }

    for (std::size_t i = 0; i < assertion_count; ++i) {
        const std::uint32_t key = plan.key_of[i];
        if (key == TimelinePlan::no_key) continue;
        TimelineRecord record = read(key, i);
        const Place place = place_of[key];
        if (place.partition == Place{}.partition) continue;
        record.slot = place.slot;
        partitions[place.partition].records.push_back(record);
    }
    std::vector<std::uint32_t>().swap(plan.key_of);

    std::vector<TimelineRecord> sorted;
    std::vector<std::size_t> slot_next;  // slot -> where its next record goes in `sorted`
    for (Partition& partition : partitions) {
        const std::size_t begin = plan.runs[partition.first_run].begin;
        slot_next.clear();
        for (std::size_t r = partition.first_run; r < partition.end_run; ++r) {
            slot_next.push_back(plan.runs[r].begin - begin);
        }
        sorted.resize(partition.records.size());
        for (const TimelineRecord& record : partition.records) sorted[slot_next[record.slot]++] = record;
        std::vector<TimelineRecord>().swap(partition.records);
        for (std::size_t r = partition.first_run; r < partition.end_run; ++r) {
            const KeyRun& run = plan.runs[r];
            visit_run(run, std::span<TimelineRecord>(sorted).subspan(run.begin - begin, run.end - run.begin));
        }
    }
}

}  // namespace

void for_each_timeline(const std::vector<Assertion>& assertions, const ConflictRules& rules,
                       const std::function<void(const Timeline&)>& visit) {
    TimelinePlan plan = plan_timelines(assertions, rules);
    RecordReader reader;
    TimelineBuilder builder(assertions, reader);
    // Claims set aside for the keys that wait: their own and those about the
    // places inside them (O(those claims), not O(assertions)).
    std::vector<std::vector<TimelineRecord>> waiting(plan.keys.size());
    // Per key, one byte read per assertion instead of a 72-byte TimelineKey:
    // ungrouped input reads them at random.
    std::vector<char> sets_aside(plan.keys.size());
    for (std::size_t key = 0; key < plan.keys.size(); ++key) {
        sets_aside[key] = plan.keys[key].waits || !plan.keys[key].regions.empty();
    }
    const auto read = [&](std::uint32_t key, std::size_t index) {
        TimelineRecord record = reader.read(assertions[index], static_cast<std::uint32_t>(index));
        if (!sets_aside[key]) return record;
        const TimelineKey& of = plan.keys[key];
        if (of.waits) waiting[key].push_back(record);
        for (std::uint32_t region : of.regions) {
            waiting[region].push_back(record);
            waiting[region].back().contained = 1;
        }
        return record;
    };

    if (plan.grouped) {
        // Streaming: one run's records at a time.
        std::vector<TimelineRecord> records;
        for (const KeyRun& run : plan.runs) {
            const TimelineKey& key = plan.keys[run.key];
            records.clear();
            for (std::size_t i = run.begin; i < run.end; ++i) {
                const TimelineRecord record = read(run.key, i);
                if (!key.waits) records.push_back(record);
            }
            if (!key.waits) visit(builder.build(key, records));
        }
    } else {
        visit_ungrouped(assertions.size(), plan, read, [&](const KeyRun& run, std::span<TimelineRecord> records) {
            visit(builder.build(plan.keys[run.key], records));
        });
    }

    for (std::uint32_t key = 0; key < plan.keys.size(); ++key) {
        if (!plan.keys[key].waits) continue;
        visit(builder.build(plan.keys[key], waiting[key]));
        std::vector<TimelineRecord>().swap(waiting[key]);
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
