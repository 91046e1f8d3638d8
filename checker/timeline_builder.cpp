#include "checker/timeline_builder.hpp"

#include <algorithm>

namespace factline {

const Timeline& TimelineBuilder::build(const TimelineKey& key, std::span<TimelineRecord> records) {
    // Input order breaks ties, whatever order the records were gathered in
    // (a region's own claims and its places' claims arrive run by run).
    std::sort(records.begin(), records.end(), [](const TimelineRecord& x, const TimelineRecord& y) {
        return x.day != y.day ? x.day < y.day : x.index < y.index;
    });
    timeline_.rules = key.rules;
    timeline_.topic.assign(key.topic);
    timeline_.subject.assign(key.subject);
    timeline_.groups = &names_.group_names();

    // Values by name: kinds and the sink read a value's index as its order.
    value_slot_.resize(names_.value_count(), -1);
    present_.clear();
    for (const TimelineRecord& r : records) {
        if (value_slot_[r.value] == -1) {
            value_slot_[r.value] = 0;
            present_.push_back(r.value);
        }
    }
    std::sort(present_.begin(), present_.end(),
              [&](std::uint32_t x, std::uint32_t y) { return names_.value_name(x) < names_.value_name(y); });
    timeline_.values.resize(present_.size());
    for (std::size_t v = 0; v < present_.size(); ++v) {
        value_slot_[present_[v]] = static_cast<std::int32_t>(v);
        timeline_.values[v].assign(names_.value_name(present_[v]));
    }

    timeline_.entries.clear();
    for (auto& list : timeline_.by_value) list.clear();
    timeline_.by_value.resize(present_.size());
    for (auto& track : timeline_.tracks) track.clear();
    timeline_.tracks.resize(names_.group_names().size());
    for (const TimelineRecord& r : records) {
        TimelineEntry entry;
        entry.assertion = &assertions_[r.index];
        entry.value = static_cast<std::uint32_t>(value_slot_[r.value]);
        entry.group = r.group;
        entry.holder = r.holder;
        entry.doc = r.doc;
        entry.cluster = r.cluster;
        entry.day = r.day == TimelineRecord::undated ? TimelineEntry::undated_day : r.day;
        entry.about_day = r.about == TimelineRecord::undated ? TimelineEntry::undated_day : r.about;
        entry.headline = r.headline != 0;
        entry.group_voice = r.group_voice != 0;
        entry.contained = r.contained != 0;
        entry.relative_date = r.relative_date != 0;
        timeline_.by_value[entry.value].push_back(timeline_.entries.size());
        timeline_.tracks[entry.group].push_back(timeline_.entries.size());
        timeline_.entries.push_back(entry);
    }
    for (std::uint32_t v : present_) value_slot_[v] = -1;
    return timeline_;
}

}  // namespace factline
