#include "checker/interned_list.hpp"

#include <mutex>
#include <set>

namespace factline {

namespace {

// One lock for all lists: a list is interned only for the rare assertion
// whose subject has namesakes, so threads seldom meet here.
struct ListPool {
    std::mutex lock;
    std::set<std::vector<std::string>> lists;  // node-based: a list never moves once made
};

ListPool& pool() {
    static auto* lists = new ListPool();  // never freed: handles outlive static destructors
    return *lists;
}

}  // namespace

const std::vector<std::string>& InternedList::empty_list() {
    static const auto* list = new std::vector<std::string>();
    return *list;
}

const std::vector<std::string>& InternedList::intern(const std::vector<std::string>& items) {
    ListPool& lists = pool();
    const std::lock_guard<std::mutex> hold(lists.lock);
    return *lists.lists.insert(items).first;
}

}  // namespace factline
