#pragma once
// Builds the Timeline of one key from its records, in the memory of the
// previous timeline (no allocation once the largest key has been seen).
// Which records make a timeline is for_each_timeline's business
// (checker/timeline.cpp, checker/timeline_plan.hpp).
#include <cstdint>
#include <span>
#include <vector>

#include "checker/timeline.hpp"
#include "checker/timeline_plan.hpp"
#include "checker/timeline_record.hpp"

namespace factline {

class TimelineBuilder {
public:
    /// `assertions` and `names` (whose ids the records carry) must outlive the builder.
    TimelineBuilder(const std::vector<Assertion>& assertions, const RecordReader& names)
        : assertions_(assertions), names_(names) {}

    /// The timeline of `key` made of `records`, which it reorders (by day,
    /// undated last, then input order); valid until the next build().
    [[nodiscard]] const Timeline& build(const TimelineKey& key, std::span<TimelineRecord> records);

private:
    const std::vector<Assertion>& assertions_;
    const RecordReader& names_;
    Timeline timeline_;
    std::vector<std::int32_t> value_slot_;  // value id -> index in timeline_.values; -1 when absent
    std::vector<std::uint32_t> present_;    // value ids present in the timeline
};

}  // namespace factline
