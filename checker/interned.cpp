#include "checker/interned.hpp"

#include <array>
#include <mutex>
#include <unordered_set>

namespace factline {

namespace {

/// Shards, so that extraction threads interning at once rarely share a lock.
constexpr std::size_t shard_count = 64;

/// Finds a std::string by a string_view without making a string to look up.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

struct Shard {
    std::mutex lock;
    std::unordered_set<std::string, TextHash, std::equal_to<>> texts;  // node-based: a text never moves once made
};

std::array<Shard, shard_count>& shards() {
    static auto* pool = new std::array<Shard, shard_count>();  // never freed: handles outlive static destructors
    return *pool;
}

}  // namespace

const std::string& Interned::empty_text() {
    static const std::string* text = new std::string();
    return *text;
}

const std::string& Interned::intern(std::string_view text) {
    const std::size_t hash = std::hash<std::string_view>{}(text);
    Shard& shard = shards()[hash % shard_count];
    const std::lock_guard<std::mutex> hold(shard.lock);
    if (const auto found = shard.texts.find(text); found != shard.texts.end()) return *found;
    return *shard.texts.emplace(text).first;
}

}  // namespace factline
