#include "checker/timeline_record.hpp"

namespace factline {

static_assert(sizeof(TimelineRecord) == 36, "the memory figures in timeline.hpp count 36 bytes per record");

namespace {

constexpr std::uint32_t own_cluster = 0x80000000u;  // high bit: a document that has no cluster id

}  // namespace

TimelineRecord RecordReader::read(const Assertion& a, std::uint32_t index) {
    TimelineRecord r{};
    r.index = index;
    r.value = values_.id(a.value);
    r.group = groups_.id(a.holder_group);
    if (r.group == group_names_.size()) group_names_.emplace_back(a.holder_group);
    r.holder = holders_.id(a.holder);
    r.doc = docs_.id(a.doc);
    r.cluster = a.cluster.empty() ? (own_cluster | r.doc) : clusters_.id(a.cluster);
    r.day = a.stated ? static_cast<std::int32_t>(days_from_civil(*a.stated)) : TimelineRecord::undated;
    r.about = a.about && a.stated ? static_cast<std::int32_t>(days_from_civil(*a.about)) : r.day;
    r.headline = a.headline;
    r.group_voice = same_name(a.holder, a.holder_group);
    r.relative_date = a.stated_source == DateSource::relative;
    return r;
}

}  // namespace factline
