// prepare_in_order(): every item is prepared once and taken in index order,
// for any number of threads and any window, and a slot is never prepared
// again before its last item was taken.
#include <atomic>
#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

#include "checker/in_order.hpp"

namespace factline {
namespace {

TEST(PrepareInOrder, TakesEveryItemInOrderForAnyThreadsAndWindow) {
    constexpr std::size_t count = 2000;
    for (const int jobs : {1, 2, 3, 8}) {
        for (const std::size_t window : {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{5000}}) {
            std::vector<std::size_t> slots(window, count);  // which item a slot holds
            std::vector<std::atomic<int>> prepared(count);
            std::vector<std::size_t> taken;
            prepare_in_order(
                count, jobs, window,
                [&](std::size_t i) {
                    ++prepared[i];
                    slots[i % window] = i;
                },
                [&](std::size_t i) {
                    EXPECT_EQ(slots[i % window], i) << "slot overwritten before it was taken";
                    taken.push_back(i);
                    return true;
                });
            ASSERT_EQ(taken.size(), count) << "jobs " << jobs << ", window " << window;
            for (std::size_t i = 0; i < count; ++i) {
                EXPECT_EQ(taken[i], i);
                EXPECT_EQ(prepared[i].load(), 1);
            }
        }
    }
}

TEST(PrepareInOrder, StopsWhenTakeSaysSo) {
    for (const int jobs : {1, 2, 4}) {
        std::atomic<std::size_t> prepared{0};
        std::size_t taken = 0;
        prepare_in_order(
            1000, jobs, 16, [&](std::size_t) { ++prepared; },
            [&](std::size_t i) {
                ++taken;
                return i < 99;
            });
        EXPECT_EQ(taken, 100u);
        EXPECT_LE(prepared.load(), 100u + 16u);  // nothing begun beyond the window
    }
}

TEST(PrepareInOrder, ExceptionsReachTheCaller) {
    for (const int jobs : {1, 2, 4}) {
        EXPECT_THROW(prepare_in_order(
                         500, jobs, 8,
                         [](std::size_t i) {
                             if (i == 250) throw std::runtime_error("prepare");
                         },
                         [](std::size_t) { return true; }),
                     std::runtime_error);
        EXPECT_THROW(prepare_in_order(
                         500, jobs, 8, [](std::size_t) {},
                         [](std::size_t i) {
                             if (i == 250) throw std::runtime_error("take");
                             return true;
                         }),
                     std::runtime_error);
    }
}

TEST(PrepareInOrder, NothingToDo) {
    bool called = false;
    prepare_in_order(0, 4, 16, [&](std::size_t) { called = true; }, [&](std::size_t) { return called = true; });
    EXPECT_FALSE(called);
}

}  // namespace
}  // namespace factline
