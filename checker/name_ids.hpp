#pragma once
// Dense ids (0, 1, 2, …) for the distinct names a table has seen: the
// interning the timelines need, in a flat open-addressing table with no node
// per name. The table keeps its own copy of each name, back to back, and each
// slot says where its name is, so that a lookup reads one slot and one name
// of compact memory, not the scattered objects the name came from: tables of
// 10^5 names outgrow the L2 cache, and every dependent miss costs.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace factline {

/// a == b, without a call into the C library for the short names (ids,
/// paths) that interning compares by the million: names up to 16 bytes are
/// compared as two overlapping words.
inline bool same_name(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const auto word = [](const char* at, auto zero) {
        decltype(zero) value;
        std::memcpy(&value, at, sizeof value);
        return value;
    };
    if (n >= 8 && n <= 16) {
        return word(a.data(), std::uint64_t{}) == word(b.data(), std::uint64_t{}) &&
               word(a.data() + n - 8, std::uint64_t{}) == word(b.data() + n - 8, std::uint64_t{});
    }
    if (n >= 4 && n < 8) {
        return word(a.data(), std::uint32_t{}) == word(b.data(), std::uint32_t{}) &&
               word(a.data() + n - 4, std::uint32_t{}) == word(b.data() + n - 4, std::uint32_t{});
    }
    if (n < 4) {
        for (std::size_t i = 0; i < n; ++i) {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
    return std::memcmp(a.data(), b.data(), n) == 0;
}

class NameIds {
public:
    /// The id of `name`; a new one (the number of names so far) when it is new.
    std::uint32_t id(std::string_view name);
    /// The name of `id`; valid until the next id() call.
    [[nodiscard]] std::string_view name(std::uint32_t id) const { return text_at(starts_[id]); }
    [[nodiscard]] std::size_t size() const { return starts_.size(); }

private:
    struct Slot {
        std::uint64_t start;  // of the name in text_
        std::uint32_t id;     // `empty`: a free slot
        std::uint32_t tag;    // high half of the name's hash: most probes of other names stop here
    };
    static constexpr std::uint32_t empty = UINT32_MAX;

    [[nodiscard]] std::string_view text_at(std::uint64_t start) const;
    void grow();

    std::vector<Slot> slots_;            // a power of two, at most half full
    std::string text_;                   // every name as its length (4 bytes) and its bytes, back to back
    std::vector<std::uint64_t> starts_;  // name id -> its start in text_
};

}  // namespace factline
