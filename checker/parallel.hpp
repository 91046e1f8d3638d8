#pragma once
// How the stages run work on several threads: an index range split
// dynamically over a small pool, each index writing only its own slot, so the
// result never depends on scheduling (output is byte-identical for any --jobs);
// parallel_for_beside lets this thread do one other job first.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace factline {

/// The threads `jobs` stands for (0: all cores).
[[nodiscard]] inline std::size_t thread_count(int jobs) {
    return jobs > 0 ? static_cast<std::size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
}

/// Runs `work(i)` for i in [0, count) on `jobs` threads (0: all cores), this
/// one among them. If an item throws, the items not begun are left and the
/// first exception is rethrown here once every thread has stopped.
template <typename Work>
void parallel_for(std::size_t count, int jobs, Work work) {
    std::size_t threads = thread_count(jobs);
    threads = std::min(threads, std::max<std::size_t>(count, 1));
    if (threads <= 1) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;  // the first item's exception, on any thread
    const auto take_items = [&] {
        try {
            for (std::size_t i = next++; i < count; i = next++) work(i);
        } catch (...) {
            const std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = count;  // the others stop at their next item
        }
    };
    // This thread is one of them: one thread fewer to start per call, and
    // its warm caches and allocator heap do a share of the work.
    std::vector<std::thread> others;
    others.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) others.emplace_back(take_items);
    take_items();
    for (auto& thread : others) thread.join();
    if (failure) std::rethrow_exception(failure);
}

/// parallel_for(count, jobs, work) while this thread first runs `first()`:
/// the other threads start on the items at once, in index order, and an item
/// for which `waits(i)` is true is begun only once `first` has returned; then
/// this thread joins them. Put the items that wait last. With one thread:
/// first(), then every item. If `first` throws, the items not begun are left
/// and the exception is rethrown once the other threads have stopped.
template <typename First, typename Waits, typename Work>
void parallel_for_beside(std::size_t count, int jobs, First first, Waits waits, Work work) {
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::condition_variable first_done;
    bool done = false;
    bool failed = false;
    const auto take_items = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            if (waits(i)) {
                std::unique_lock lock(mutex);
                first_done.wait(lock, [&] { return done; });
                if (failed) return;
            }
            work(i);
        }
    };
    std::vector<std::thread> others;
    for (std::size_t t = 1; t < std::min(thread_count(jobs), std::max<std::size_t>(count, 1)); ++t) {
        others.emplace_back(take_items);
    }
    const auto finish_first = [&](bool threw) {
        {
            const std::lock_guard lock(mutex);
            done = true;
            failed = threw;
            if (threw) next = count;  // the others stop at their next item
        }
        first_done.notify_all();
    };
    try {
        first();
    } catch (...) {
        finish_first(true);
        for (auto& thread : others) thread.join();
        throw;
    }
    finish_first(false);
    take_items();
    for (auto& thread : others) thread.join();
}

}  // namespace factline
