#pragma once
// The one way the stages run work on several threads: an index range split
// dynamically over a small pool, each index writing only its own slot, so the
// result never depends on scheduling (output is byte-identical for any --jobs).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace factline {

/// The threads `jobs` stands for (0: all cores).
[[nodiscard]] inline std::size_t thread_count(int jobs) {
    return jobs > 0 ? static_cast<std::size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
}

/// Runs `work(i)` for i in [0, count) on `jobs` threads (0: all cores).
template <typename Work>
void parallel_for(std::size_t count, int jobs, Work work) {
    std::size_t threads = thread_count(jobs);
    threads = std::min(threads, std::max<std::size_t>(count, 1));
    if (threads <= 1) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < count; i = next++) work(i);
        });
    }
    for (auto& thread : pool) thread.join();
}

}  // namespace factline
