// ThreadCrew: many short loops in a row on threads kept between them.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "checker/thread_crew.hpp"

namespace factline {
namespace {

TEST(ThreadCrew, EveryItemOnceInEveryRoundAndAWorkerOnOneThreadAtATime) {
    for (const int jobs : {1, 2, 4}) {
        ThreadCrew crew(jobs);
        ASSERT_EQ(crew.size(), static_cast<std::size_t>(jobs));
        // Rounds of 0 to 299 items, many too short for a helper to wake.
        for (std::size_t round = 0; round < 2000; ++round) {
            const std::size_t count = round % 300;
            std::vector<std::atomic<int>> done(count);
            std::vector<std::atomic<int>> busy(crew.size());
            std::atomic<bool> overlap{false};
            crew.run(count, [&](std::size_t worker, std::size_t i) {
                if (busy[worker]++ != 0) overlap = true;
                ++done[i];
                --busy[worker];
            });
            for (std::size_t i = 0; i < count; ++i) ASSERT_EQ(done[i], 1) << jobs << " " << round << " " << i;
            ASSERT_FALSE(overlap) << jobs << " " << round;
        }
    }
}

TEST(ThreadCrew, AnItemsExceptionIsRethrownAndTheCrewGoesOn) {
    ThreadCrew crew(3);
    std::atomic<std::size_t> begun{0};
    const auto throw_at = [&](std::size_t bad) {
        return [&, bad](std::size_t, std::size_t i) {
            ++begun;
            if (i == bad) throw std::runtime_error("item " + std::to_string(i));
        };
    };
    EXPECT_THROW(crew.run(100000, throw_at(10)), std::runtime_error);
    EXPECT_LT(begun.load(), 100000u);  // the items not begun were left
    std::atomic<std::size_t> sum{0};
    crew.run(1000, [&](std::size_t, std::size_t i) { sum += i; });
    EXPECT_EQ(sum, 999u * 1000u / 2u);
}

}  // namespace
}  // namespace factline
