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

void SlotTable::add(Slot slot, std::uint32_t at, std::uint32_t end, SlotIds ids) {
    Column& column = columns_[index(slot)];
    assert(at + 1 >= column.first.size());  // ascending tokens
    // Tokens up to `at` without candidates of their own start (and end) here.
    if (column.first.size() <= at) column.first.resize(at + 1, static_cast<std::uint32_t>(column.candidates.size()));
    column.candidates.push_back({end, static_cast<std::uint32_t>(ids_.size()), static_cast<std::uint32_t>(ids.size())});
    ids_.insert(ids_.end(), ids.begin(), ids.end());
}

std::span<const SlotCandidate> SlotTable::at(Slot slot, std::uint32_t token) const {
    const Column& column = columns_[index(slot)];
    if (token >= column.first.size()) return {};
    const std::size_t begin = column.first[token];
    const std::size_t end = token + 1 < column.first.size() ? column.first[token + 1] : column.candidates.size();
    return {column.candidates.data() + begin, end - begin};
}

}  // namespace factline
