// Interned lists: one copy per distinct list, read as the list; an
// assertion holds one pointer for its subject's namesakes.
#include "checker/interned_list.hpp"

#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

#include "checker/assertion.hpp"

namespace factline {
namespace {

TEST(InternedList, EqualListsShareOneCopy) {
    const std::vector<std::string> made = {std::string("kherson") + "_city", "kherson_oblast"};
    const InternedList a(made), b({"kherson_city", "kherson_oblast"});
    EXPECT_EQ(&a.items(), &b.items());
    EXPECT_EQ(a, b);
    EXPECT_NE(a, InternedList({"kherson_oblast", "kherson_city"}));  // order is part of the list
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0], "kherson_city");
    EXPECT_EQ(std::vector<std::string>(a.begin(), a.end()), made);
}

TEST(InternedList, DefaultIsTheEmptyList) {
    const InternedList none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, InternedList(std::vector<std::string>{}));
    EXPECT_EQ(none.begin(), none.end());
}

TEST(InternedList, ThreadsInterningOneListGetOneCopy) {
    std::vector<const std::vector<std::string>*> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t) {
        threads.emplace_back([&seen, t] {
            for (int round = 0; round < 200; ++round) {
                seen[t] = &InternedList({"luhansk_city", "luhansk_oblast", std::to_string(round % 3)}).items();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto* list : seen) EXPECT_EQ(list, seen.front());  // every thread's last round was round 199
}

// Two million assertions on a 1 M-article corpus: the layout is memory.
TEST(InternedList, KeepsAnAssertionSmall) {
    EXPECT_EQ(sizeof(InternedList), sizeof(void*));
    EXPECT_LE(sizeof(Assertion), 152u);
}

}  // namespace
}  // namespace factline
