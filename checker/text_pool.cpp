#include "checker/text_pool.hpp"

#include <functional>

namespace factline {

namespace {

std::size_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

/// Linear probing from the hash's slot; the table's size is a power of two.
std::size_t probe_start(std::size_t hash, std::size_t slots) { return (hash >> 4) & (slots - 1); }

void grow(std::vector<SharedText>& slots) {
    std::vector<SharedText> larger(slots.empty() ? 64 : slots.size() * 2);
    for (auto& text : slots) {
        if (text.empty()) continue;
        std::size_t at = probe_start(hash_of(text), larger.size());
        while (!larger[at].empty()) at = (at + 1) & (larger.size() - 1);
        larger[at] = std::move(text);
    }
    slots.swap(larger);
}

}  // namespace

template <typename Make>
SharedText TextPool::find_or_add(std::string_view text, const Make& make) {
    if (text.empty()) return {};
    const std::size_t hash = hash_of(text);
    Shard& shard = shards_[hash % shard_count];
    const std::lock_guard<std::mutex> hold(shard.lock);
    if (2 * (shard.used + 1) > shard.slots.size()) grow(shard.slots);  // at most half full: short probes
    const std::size_t mask = shard.slots.size() - 1;
    for (std::size_t at = probe_start(hash, shard.slots.size());; at = (at + 1) & mask) {
        SharedText& slot = shard.slots[at];
        if (slot.empty()) {
            slot = make();
            ++shard.used;
            return slot;
        }
        if (slot.view() == text) return slot;
    }
}

SharedText TextPool::share(const SharedText& text) {
    return find_or_add(text.view(), [&text] { return text; });
}

SharedText TextPool::share(std::string_view text) {
    return find_or_add(text, [text] { return SharedText(text); });
}

std::size_t TextPool::size() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        const std::lock_guard<std::mutex> hold(shard.lock);
        total += shard.used;
    }
    return total;
}

}  // namespace factline
