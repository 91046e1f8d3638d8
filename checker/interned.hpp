#pragma once
// An interned string: one shared copy per distinct text, held for the life of
// the process, and a handle of one pointer. For the vocabulary fields of an
// Assertion (holder, group, topic, subject, value, rule): a rule pack names
// a few hundred of them, while a large corpus holds millions of assertions
// (issue 7: six std::strings were 192 of an assertion's 440 bytes, plus a
// heap block for each rule id). Do not intern what grows with the corpus.
#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace factline {

class Interned {
public:
    Interned() = default;
    Interned(std::string_view text) : text_(text.empty() ? &empty_text() : &intern(text)) {}  // NOLINT: implicit, as a string
    Interned(const std::string& text) : Interned(std::string_view(text)) {}                // NOLINT
    Interned(const char* text) : Interned(std::string_view(text)) {}                       // NOLINT

    [[nodiscard]] const std::string& str() const { return *text_; }
    operator const std::string&() const { return *text_; }  // NOLINT: reads as the string it is
    operator std::string_view() const { return *text_; }    // NOLINT

    [[nodiscard]] bool empty() const { return text_->empty(); }
    [[nodiscard]] std::size_t size() const { return text_->size(); }
    [[nodiscard]] const char* data() const { return text_->data(); }
    [[nodiscard]] const char* c_str() const { return text_->c_str(); }
    [[nodiscard]] auto begin() const { return text_->begin(); }
    [[nodiscard]] auto end() const { return text_->end(); }

    // One copy per text: equal texts are one address, so equality is a pointer compare.
    friend bool operator==(const Interned& a, const Interned& b) { return a.text_ == b.text_; }
    friend std::strong_ordering operator<=>(const Interned& a, const Interned& b) {
        return a.text_ == b.text_ ? std::strong_ordering::equal : a.text_->compare(*b.text_) <=> 0;
    }
    friend bool operator==(const Interned& a, std::string_view b) { return std::string_view(*a.text_) == b; }
    friend std::strong_ordering operator<=>(const Interned& a, std::string_view b) {
        return std::string_view(*a.text_).compare(b) <=> 0;
    }
    friend bool operator==(const Interned& a, const std::string& b) { return *a.text_ == b; }
    friend std::strong_ordering operator<=>(const Interned& a, const std::string& b) { return a.text_->compare(b) <=> 0; }
    friend bool operator==(const Interned& a, const char* b) { return std::string_view(*a.text_) == b; }
    friend std::strong_ordering operator<=>(const Interned& a, const char* b) {
        return std::string_view(*a.text_).compare(b) <=> 0;
    }
    friend std::ostream& operator<<(std::ostream& out, const Interned& text) { return out << *text.text_; }

private:
    static const std::string& empty_text();
    /// The one copy of `text` (made on first use; thread-safe).
    static const std::string& intern(std::string_view text);

    const std::string* text_ = &empty_text();
};

inline std::string operator+(const Interned& a, std::string_view b) { return a.str() + std::string(b); }
inline std::string operator+(std::string_view a, const Interned& b) { return std::string(a) + b.str(); }

}  // namespace factline

template <>
struct std::hash<factline::Interned> {
    std::size_t operator()(const factline::Interned& text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

template <>
struct fmt::formatter<factline::Interned> : fmt::formatter<std::string_view> {
    template <typename Context>
    auto format(const factline::Interned& text, Context& context) const {
        return fmt::formatter<std::string_view>::format(std::string_view(text), context);
    }
};
