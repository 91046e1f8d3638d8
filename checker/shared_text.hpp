#pragma once
// An immutable string shared by reference count: a handle of one pointer,
// copied by an increment. For the per-document fields every assertion and
// every piece of finding evidence repeats (doc, cluster, outlet, doc_hash)
// and the evidence sentence a finding quotes from its assertion: a large
// corpus held them as one std::string per copy (issue 7: 2 M assertions
// carried four such strings each, and the findings a copy of most of them).
// Unlike Interned, which keeps one copy of a rule pack's vocabulary for the
// life of the process, a SharedText is freed with its last handle, so it
// suits what grows with the corpus. It reads as the std::string it holds.
#include <atomic>
#include <compare>
#include <cstddef>
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
    SharedText(std::string text) : block_(text.empty() ? nullptr : new Block{std::move(text)}) {}  // NOLINT: reads as a string
    SharedText(std::string_view text) : SharedText(std::string(text)) {}                          // NOLINT
    SharedText(const char* text) : SharedText(std::string(text)) {}                               // NOLINT

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

    [[nodiscard]] const std::string& str() const { return block_ != nullptr ? block_->text : empty_text(); }
    operator const std::string&() const { return str(); }  // NOLINT: reads as the string it is
    operator std::string_view() const { return str(); }    // NOLINT

    [[nodiscard]] bool empty() const { return block_ == nullptr; }
    [[nodiscard]] std::size_t size() const { return str().size(); }
    [[nodiscard]] const char* data() const { return str().data(); }
    [[nodiscard]] const char* c_str() const { return str().c_str(); }
    [[nodiscard]] auto begin() const { return str().begin(); }
    [[nodiscard]] auto end() const { return str().end(); }

    // Handles of one block are equal without reading it (the common case:
    // evidence compared within one document).
    friend bool operator==(const SharedText& a, const SharedText& b) {
        return a.block_ == b.block_ || a.str() == b.str();
    }
    friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
        return a.block_ == b.block_ ? std::strong_ordering::equal : a.str().compare(b.str()) <=> 0;
    }
    friend bool operator==(const SharedText& a, std::string_view b) { return std::string_view(a.str()) == b; }
    friend std::strong_ordering operator<=>(const SharedText& a, std::string_view b) {
        return std::string_view(a.str()).compare(b) <=> 0;
    }
    friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
    friend std::strong_ordering operator<=>(const SharedText& a, const std::string& b) { return a.str().compare(b) <=> 0; }
    friend bool operator==(const SharedText& a, const char* b) { return std::string_view(a.str()) == b; }
    friend std::strong_ordering operator<=>(const SharedText& a, const char* b) {
        return std::string_view(a.str()).compare(b) <=> 0;
    }
    friend std::ostream& operator<<(std::ostream& out, const SharedText& text) { return out << text.str(); }

private:
    struct Block {
        std::string text;
        std::atomic<std::size_t> handles{1};
    };

    static const std::string& empty_text() {
        static const std::string text;
        return text;
    }
    void retain() const noexcept {
        if (block_ != nullptr) block_->handles.fetch_add(1, std::memory_order_relaxed);
    }
    void release() noexcept {
        // acq_rel: the last handle's owner sees every other owner's reads done before it frees.
        if (block_ != nullptr && block_->handles.fetch_sub(1, std::memory_order_acq_rel) == 1) delete block_;
    }

    Block* block_ = nullptr;  // null: the empty text
};

inline std::string operator+(const SharedText& a, std::string_view b) { return a.str() + std::string(b); }
inline std::string operator+(std::string_view a, const SharedText& b) { return std::string(a) + b.str(); }

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
        return fmt::formatter<std::string_view>::format(std::string_view(text.str()), context);
    }
};
