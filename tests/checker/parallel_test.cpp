// parallel_for: every index once, on the calling thread too, and an
// exception from any item reaches the caller once the other threads stopped.
#include "checker/parallel.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <stdexcept>
#include <thread>
#include <vector>

namespace factline {
namespace {

TEST(ParallelFor, RunsEveryIndexOnceForAnyNumberOfThreads) {
    for (const int jobs : {1, 2, 3, 8}) {
        std::vector<std::atomic<int>> runs(1000);
        parallel_for(runs.size(), jobs, [&](std::size_t i) { ++runs[i]; });
        for (std::size_t i = 0; i < runs.size(); ++i) ASSERT_EQ(runs[i].load(), 1) << "jobs " << jobs << " index " << i;
    }
}

TEST(ParallelFor, TheCallingThreadTakesAShare) {
    const auto caller = std::this_thread::get_id();
    std::atomic<bool> on_caller{false};
    std::atomic<int> started{0};
    parallel_for(2, 2, [&](std::size_t) {
        // Each item waits for the other to start: two threads run them at once, one of them this one.
        ++started;
        while (started.load() < 2) std::this_thread::yield();
        if (std::this_thread::get_id() == caller) on_caller = true;
    });
    EXPECT_TRUE(on_caller.load());
}

TEST(ParallelFor, AnItemsExceptionReachesTheCallerFromAnyThread) {
    for (const int jobs : {1, 2, 3}) {
        for (const std::size_t bad : {std::size_t{0}, std::size_t{500}, std::size_t{9'999}}) {
            std::atomic<int> done{0};
            EXPECT_THROW(parallel_for(10'000, jobs,
                                      [&](std::size_t i) {
                                          if (i == bad) throw std::runtime_error("bad item");
                                          ++done;
                                      }),
                         std::runtime_error)
                << "jobs " << jobs << " bad item " << bad;
            // One thread stops at the failing item; with more, how many
            // others finish before they see the failure depends on scheduling.
            if (jobs == 1) EXPECT_EQ(done.load(), static_cast<int>(bad));
        }
    }
}

}  // namespace
}  // namespace factline
