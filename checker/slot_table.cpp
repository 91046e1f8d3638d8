#include "checker/slot_table.hpp"

#include <cassert>

namespace factline {

std::optional<Slot> slot_named(std::string_view name) {
    if (name == "region") return Slot::region;
    if (name == "named_region") return Slot::named_region;
    if (name == "holder") return Slot::holder;
    if (name == "party") return Slot::party;
    return std::nullopt;
}

void SlotTable::clear() {
    for (Column& column : columns_) {
        column.first.clear();
        column.candidates.clear();
    }
    ids_.clear();
}

std::uint32_t SlotTable::store(SlotIds ids) {
    const auto first = static_cast<std::uint32_t>(ids_.size());
    ids_.insert(ids_.end(), ids.begin(), ids.end());
    return first;
}

void SlotTable::add(Slot slot, std::uint32_t at, SlotCandidate candidate, std::size_t count) {
    Column& column = columns_[index(slot)];
    assert(at + 1 >= column.first.size());  // ascending tokens
    assert(candidate.first_id + count <= ids_.size());
    // Tokens up to `at` without candidates of their own start (and end) here.
    if (column.first.size() <= at) column.first.resize(at + 1, static_cast<std::uint32_t>(column.candidates.size()));
    candidate.id_count = static_cast<std::uint32_t>(count);
    column.candidates.push_back(candidate);
}

}  // namespace factline
