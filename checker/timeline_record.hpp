#pragma once
// What a timeline needs of one assertion, as a 36-byte record whose strings
// are ids, and the corpus-wide interning that makes it. Assertions are read
// once, in memory order; every later step (grouping ungrouped input by key,
// holding claims for a region, sorting by day) moves records, never the
// scattered Assertion objects. The interners keep one view per distinct name
// (values, holder groups, holders, documents, clusters) and grow with those,
// not with the assertions.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/name_ids.hpp"

namespace factline {

struct TimelineRecord {
    static constexpr std::int32_t undated = INT32_MAX;

    std::uint32_t index;    // into the assertions
    std::uint32_t value;    // RecordReader::value_name
    std::uint32_t group;    // RecordReader::group_names
    std::uint32_t holder;
    std::uint32_t doc;
    std::uint32_t cluster;  // the document's own cluster (a high-bit id) when it has no cluster id
    std::int32_t day;       // stated date, days since 1970-01-01, or `undated`
    std::int32_t about;     // the time the claim describes; `day` when it names none
    std::uint16_t slot;     // sorting ungrouped input: the key's place among its partition's keys
    std::uint8_t headline : 1;
    std::uint8_t group_voice : 1;
    std::uint8_t contained : 1;
    std::uint8_t relative_date : 1;
};

class RecordReader {
public:
    /// The record of `assertion`, number `index` of the input; not `contained`.
    [[nodiscard]] TimelineRecord read(const Assertion& assertion, std::uint32_t index);
    /// The name of value `id`; valid until the next read().
    [[nodiscard]] std::string_view value_name(std::uint32_t id) const { return values_.name(id); }
    [[nodiscard]] std::size_t value_count() const { return values_.size(); }
    /// Holder group names by id (what Timeline::groups points to).
    [[nodiscard]] const std::vector<std::string>& group_names() const { return group_names_; }

private:
    NameIds values_, groups_, holders_, docs_, clusters_;
    std::vector<std::string> group_names_;
};

}  // namespace factline
