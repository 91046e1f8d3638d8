#pragma once
// A map from normalised words to values, asked with a hash the caller already
// has. Every token carries the hash of its text (Token::hash, set once by the
// tokenizer), so the lexicon trie, the trigger index and the phrase indexes
// ask about a token without hashing it again; std::unordered_map<std::string>
// rehashed the word at each of them and was the largest single cost of
// extraction (issue 7). Built once from rules, then read-only: safe to share
// between threads.
//
// Most questions asked of a table are about words it does not hold (nearly
// every token of a sentence is asked whether it starts a speech verb). A small
// bit filter over the keys' hashes answers most of those with one bit read,
// before any slot is probed: may_contain() is false only for absent words.
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/hash_filter.hpp"

namespace factline {

/// FNV-1a 64 of a word's bytes.
[[nodiscard]] constexpr std::uint64_t word_hash(std::string_view word) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : word) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

template <class Value>
class WordTable {
public:
    /// The value of `word`, default-constructed when new (building the table).
    Value& operator[](std::string_view word) {
        if (2 * (keys_.size() + 1) > slots_.size()) grow();
        const std::uint64_t hash = word_hash(word);
        std::size_t at = hash & (slots_.size() - 1);
        for (; slots_[at].index != vacant; at = (at + 1) & (slots_.size() - 1)) {
            if (slots_[at].hash == hash && keys_[slots_[at].index] == word) return values_[slots_[at].index];
        }
        slots_[at] = {hash, static_cast<std::uint32_t>(keys_.size())};
        filter_.mark(hash);
        keys_.emplace_back(word);
        return values_.emplace_back();
    }

    /// The value of `word`, whose word_hash() is `hash`; null when absent.
    [[nodiscard]] const Value* find(std::string_view word, std::uint64_t hash) const {
        if (!may_contain(hash)) return nullptr;  // also settles an empty table (no slots)
        for (std::size_t at = hash & (slots_.size() - 1); slots_[at].index != vacant;
             at = (at + 1) & (slots_.size() - 1)) {
            if (slots_[at].hash == hash && keys_[slots_[at].index] == word) return &values_[slots_[at].index];
        }
        return nullptr;
    }
    [[nodiscard]] const Value* find(std::string_view word) const { return find(word, word_hash(word)); }

    /// False when no key has this word_hash (true may be wrong, false never is).
    /// Cheap enough to ask inline before an out-of-line look-up.
    [[nodiscard]] bool may_contain(std::uint64_t hash) const { return filter_.may_contain(hash); }

    [[nodiscard]] bool empty() const { return keys_.empty(); }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }
    /// Words and values in insertion order.
    [[nodiscard]] const std::vector<std::string>& keys() const { return keys_; }
    [[nodiscard]] const std::vector<Value>& values() const { return values_; }

private:
    static constexpr std::uint32_t vacant = UINT32_MAX;
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t index = vacant;
    };

    // Doubles the slots (at most half full keeps probe runs short) and re-places every key.
    void grow() {
        std::vector<Slot> slots(slots_.empty() ? 8 : slots_.size() * 2);
        for (const Slot& slot : slots_) {
            if (slot.index == vacant) continue;
            std::size_t at = slot.hash & (slots.size() - 1);
            while (slots[at].index != vacant) at = (at + 1) & (slots.size() - 1);
            slots[at] = slot;
        }
        slots_ = std::move(slots);
        resize_filter();
    }

    // Eight filter bits per slot (at least 16 per key, so about one absent word
    // in 16 gets past it), indexed by the hash's top bits: the slot index uses
    // the low bits, so the two tests do not fail together.
    void resize_filter() {
        filter_.clear(static_cast<unsigned>(std::countr_zero(slots_.size() * filter_bits_per_slot)));
        for (const Slot& slot : slots_) {
            if (slot.index != vacant) filter_.mark(slot.hash);
        }
    }

    static constexpr std::size_t filter_bits_per_slot = 8;  // slots start at 8: 64 bits, one word
    std::vector<Slot> slots_;
    // Over the keys' hashes. An empty table's is one word of zeros, so
    // may_contain() needs no emptiness test.
    HashFilter filter_;
    std::vector<std::string> keys_;
    std::vector<Value> values_;
};

}  // namespace factline
