#pragma once
// The slot table of one sentence: for each slot a pattern can name ({region},
// {named_region}, {holder}, {party}) and each token, the candidates that start
// there (where each ends, and the ids it names), longest first. Flat arrays
// indexed by slot and token, refilled sentence after sentence without giving
// their memory back: a std::map keyed by slot name, holding a vector of string
// vectors per token, cost more to build and free than the matching it served
// (issue 7). The ids are pointers to strings that outlive the sentence (the
// lexicon, the sentence's mentions, the document focus); the table owns none.
// Filling the table is slots.cpp's job; reading it, the matcher's.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace factline {

/// The slots of the pattern language.
enum class Slot : std::uint8_t { region, named_region, holder, party };
inline constexpr std::size_t slot_count = 4;

/// The slot a pattern's {name} names; nullopt for an unknown name.
[[nodiscard]] std::optional<Slot> slot_named(std::string_view name);

/// Ids a slot candidate names, in order.
using SlotIds = std::span<const std::string* const>;

/// The ids themselves, in order (what a match or an assertion keeps).
[[nodiscard]] inline std::vector<std::string> id_texts(SlotIds ids) {
    std::vector<std::string> texts;
    texts.reserve(ids.size());
    for (const std::string* id : ids) texts.push_back(*id);
    return texts;
}

/// One way to fill a slot from a token on: tokens up to `end`, naming the
/// table's ids [first_id, first_id + id_count) (SlotTable::ids).
struct SlotCandidate {
    std::uint32_t end = 0;
    std::uint32_t first_id = 0;
    std::uint32_t id_count = 0;
};

class SlotTable {
public:
    /// Empties the table for the next sentence, keeping its memory.
    void clear();
    /// Appends a candidate for `slot` starting at token `at`. Per slot, tokens
    /// come in ascending order and a token's candidates longest first.
    void add(Slot slot, std::uint32_t at, std::uint32_t end, SlotIds ids) { add(slot, at, {end, store(ids), 0}, ids.size()); }
    /// The same for candidates sharing ids: store() them once, then add each
    /// candidate naming the first `count` of them.
    [[nodiscard]] std::uint32_t store(SlotIds ids);
    void add(Slot slot, std::uint32_t at, SlotCandidate candidate, std::size_t count);
    /// The candidates of `slot` starting at token `at` (none past the last one added).
    /// Inline: matchers and focus ask it at every token of a sentence.
    [[nodiscard]] std::span<const SlotCandidate> at(Slot slot, std::uint32_t token) const {
        const Column& column = columns_[index(slot)];
        if (token >= column.first.size()) return {};
        const std::size_t begin = column.first[token];
        const std::size_t end = token + 1 < column.first.size() ? column.first[token + 1] : column.candidates.size();
        return {column.candidates.data() + begin, end - begin};
    }
    /// True when no token has a candidate for `slot`.
    [[nodiscard]] bool empty(Slot slot) const { return columns_[index(slot)].candidates.empty(); }
    /// The ids a candidate of this table names.
    [[nodiscard]] SlotIds ids(const SlotCandidate& candidate) const {
        return {ids_.data() + candidate.first_id, candidate.id_count};
    }

private:
    // Candidates by token, compressed: the candidates of token t are
    // candidates[first[t] .. first[t + 1]) (or to the end, for the last token added).
    struct Column {
        std::vector<std::uint32_t> first;
        std::vector<SlotCandidate> candidates;
    };
    static std::size_t index(Slot slot) { return static_cast<std::size_t>(slot); }

    Column columns_[slot_count];
    std::vector<const std::string*> ids_;
};

}  // namespace factline
