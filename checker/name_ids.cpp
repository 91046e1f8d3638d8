#include "checker/name_ids.hpp"

#include <algorithm>
#include <cstring>

namespace factline {

namespace {

/// A fast hash of a short string, 8 bytes per step; never persisted (stable_hash is for that).
std::uint64_t name_hash(std::string_view text) {
    std::uint64_t hash = 0x9e3779b97f4a7c15ull ^ text.size();
    const char* at = text.data();
    std::size_t left = text.size();
    for (; left >= 8; left -= 8, at += 8) {
        std::uint64_t word;
        std::memcpy(&word, at, 8);
        hash = (hash ^ word) * 0xbf58476d1ce4e5b9ull;
        hash ^= hash >> 31;
    }
    std::uint64_t tail = 0;
    for (std::size_t i = 0; i < left; ++i) tail |= std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
    hash = (hash ^ tail) * 0x94d049bb133111ebull;
    return hash ^ (hash >> 29);
}

}  // namespace

std::string_view NameIds::text_at(std::uint64_t start) const {
    std::uint32_t length;
    std::memcpy(&length, text_.data() + start, sizeof length);
    return {text_.data() + start + sizeof length, length};
}

std::uint32_t NameIds::id(std::string_view name) {
    if (2 * (size() + 1) > slots_.size()) grow();
    const std::uint64_t hash = name_hash(name);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        Slot& slot = slots_[at];
        if (slot.id == empty) {
            slot = {text_.size(), static_cast<std::uint32_t>(size()), tag};
            const auto length = static_cast<std::uint32_t>(name.size());
            text_.append(reinterpret_cast<const char*>(&length), sizeof length).append(name);
            starts_.push_back(slot.start);
            return slot.id;
        }
        if (slot.tag == tag && same_name(text_at(slot.start), name)) return slot.id;
    }
}

void NameIds::grow() {
    std::vector<Slot> old(std::max<std::size_t>(16, 2 * slots_.size()), Slot{0, empty, 0});
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.id == empty) continue;
        std::size_t at = name_hash(text_at(slot.start)) & mask;
        while (slots_[at].id != empty) at = (at + 1) & mask;
        slots_[at] = slot;
    }
}

}  // namespace factline
