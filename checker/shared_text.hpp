#pragma once
// An immutable string shared by reference count: a handle of one pointer,
// copied by an increment. For the per-document fields every assertion and
// every piece of finding evidence repeats (doc, cluster, outlet, doc_hash)
// and the evidence sentence a finding quotes from its assertion: a large
// corpus held them as one std::string per copy (issue 7: 2 M assertions
// carried four such strings each, and the findings a copy of most of them).
// Unlike Interned, which keeps one copy of a rule pack's vocabulary for the
// life of the process, a SharedText is freed with its last handle, so it
// suits what grows with the corpus. It reads as a std::string_view.
#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace factline {

class SharedText {
public:
    SharedText() = default;
    SharedText(std::string_view text) : block_(text.empty() ? nullptr : Block::make(text)) {}  // NOLINT: reads as a string
    SharedText(const std::string& text) : SharedText(std::string_view(text)) {}                // NOLINT
    SharedText(const char* text) : SharedText(std::string_view(text)) {}                       // NOLINT

    SharedText(const SharedText& other) noexcept : block_(other.block_) { retain(); }
    SharedText(SharedText&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
    SharedText& operator=(const SharedText& other) noexcept {
        SharedText(other).swap(*this);
        return *this;
    }
    SharedText& operator=(SharedText&& other) noexcept {
        SharedText(std::move(other)).swap(*this);
        return *this;
    }
    ~SharedText() { release(); }

    void swap(SharedText& other) noexcept { std::swap(block_, other.block_); }

    [[nodiscard]] std::string_view view() const {
        return block_ != nullptr ? std::string_view(block_->chars(), block_->size) : std::string_view();
    }
    [[nodiscard]] std::string str() const { return std::string(view()); }  // a copy
    operator std::string_view() const { return view(); }                   // NOLINT: reads as the text it is
    explicit operator std::string() const { return str(); }

    [[nodiscard]] bool empty() const { return block_ == nullptr; }
    [[nodiscard]] std::size_t size() const { return block_ != nullptr ? block_->size : 0; }
    /// The text, NUL-terminated; one address for every handle of one block.
    [[nodiscard]] const char* data() const { return block_ != nullptr ? block_->chars() : ""; }
    [[nodiscard]] const char* c_str() const { return data(); }
    [[nodiscard]] auto begin() const { return view().begin(); }
    [[nodiscard]] auto end() const { return view().end(); }

    // Handles of one block are equal without reading it (the common case:
    // evidence compared within one document).
    friend bool operator==(const SharedText& a, const SharedText& b) {
        return a.block_ == b.block_ || a.view() == b.view();
    }
    friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
        return a.block_ == b.block_ ? std::strong_ordering::equal : a.view().compare(b.view()) <=> 0;
    }
    friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
    friend std::strong_ordering operator<=>(const SharedText& a, std::string_view b) { return a.view().compare(b) <=> 0; }
    friend bool operator==(const SharedText& a, const std::string& b) { return a.view() == b; }
    friend std::strong_ordering operator<=>(const SharedText& a, const std::string& b) {
        return a.view().compare(b) <=> 0;
    }
    friend bool operator==(const SharedText& a, const char* b) { return a.view() == b; }
    friend std::strong_ordering operator<=>(const SharedText& a, const char* b) { return a.view().compare(b) <=> 0; }
    friend std::ostream& operator<<(std::ostream& out, const SharedText& text) { return out << text.view(); }

private:
    // The count, the size and the characters in one allocation: a std::string
    // inside the block was a second allocation for every text past 15 bytes
    // (a sentence, a 16-digit hash) and 32 bytes more for the shorter ones.
    struct Block {
        std::atomic<std::uint32_t> handles{1};
        std::uint32_t size = 0;

        [[nodiscard]] char* chars() { return reinterpret_cast<char*>(this + 1); }
        [[nodiscard]] const char* chars() const { return reinterpret_cast<const char*>(this + 1); }

        static Block* make(std::string_view text) {
            if (text.size() >= UINT32_MAX) throw std::length_error("SharedText: text over 4 GiB");
            void* memory = ::operator new(sizeof(Block) + text.size() + 1);
            auto* block = new (memory) Block;
            block->size = static_cast<std::uint32_t>(text.size());
            std::memcpy(block->chars(), text.data(), text.size());
            block->chars()[text.size()] = '\0';
            return block;
        }
        static void destroy(Block* block) {
            block->~Block();
            ::operator delete(block);
        }
    };

    void retain() const noexcept {
        if (block_ != nullptr) block_->handles.fetch_add(1, std::memory_order_relaxed);
    }
    void release() noexcept {
        // acq_rel: the last handle's owner sees every other owner's reads done before it frees.
        if (block_ != nullptr && block_->handles.fetch_sub(1, std::memory_order_acq_rel) == 1) Block::destroy(block_);
    }

    Block* block_ = nullptr;  // null: the empty text
};

inline std::string operator+(const SharedText& a, std::string_view b) { return a.str().append(b); }
inline std::string operator+(std::string_view a, const SharedText& b) { return std::string(a).append(b.view()); }

}  // namespace factline

template <>
struct std::hash<factline::SharedText> {
    std::size_t operator()(const factline::SharedText& text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

template <>
struct fmt::formatter<factline::SharedText> : fmt::formatter<std::string_view> {
    template <typename Context>
    auto format(const factline::SharedText& text, Context& context) const {
        return fmt::formatter<std::string_view>::format(text.view(), context);
    }
};
