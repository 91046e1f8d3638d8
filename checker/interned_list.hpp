#pragma once
// An interned list of strings: one shared copy per distinct list, held for
// the life of the process, and a handle of one pointer. For an assertion's
// subject_alternatives (the other places a rule pack gives the same name):
// nearly always empty, and drawn from the rule packs' few lists when not,
// while a std::vector in every assertion was 24 of its bytes (issue 7: a
// 1 M-article corpus holds two million assertions).
#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

namespace factline {

class InternedList {
public:
    InternedList() = default;
    InternedList(const std::vector<std::string>& items)  // NOLINT: implicit, as the vector it reads as
        : items_(items.empty() ? &empty_list() : &intern(items)) {}
    InternedList(std::initializer_list<std::string> items) : InternedList(std::vector<std::string>(items)) {}

    [[nodiscard]] const std::vector<std::string>& items() const { return *items_; }
    operator const std::vector<std::string>&() const { return *items_; }  // NOLINT: reads as the list it is

    [[nodiscard]] bool empty() const { return items_->empty(); }
    [[nodiscard]] std::size_t size() const { return items_->size(); }
    [[nodiscard]] const std::string& operator[](std::size_t i) const { return (*items_)[i]; }
    [[nodiscard]] auto begin() const { return items_->begin(); }
    [[nodiscard]] auto end() const { return items_->end(); }

    // One copy per list: equal lists are one address.
    friend bool operator==(const InternedList& a, const InternedList& b) { return a.items_ == b.items_; }

private:
    static const std::vector<std::string>& empty_list();
    /// The one copy of `items` (made on first use; thread-safe).
    static const std::vector<std::string>& intern(const std::vector<std::string>& items);

    const std::vector<std::string>* items_ = &empty_list();
};

}  // namespace factline
