#pragma once
// Threads kept for many short parallel loops in a row (dedup checks 48
// bands one after another, a few milliseconds each). parallel_for starts
// and joins its threads every call, and its join waits for a thread that
// has not even been scheduled yet: beside another stage's threads (dedup
// runs beside pass 2), a loop of two milliseconds waited for a time slice.
// A crew's helpers wait between loops; a loop returns once its items are
// done, without waiting for a helper that had not woken before they were
// all taken. Like parallel_for, items are taken dynamically, so the result
// must not depend on which worker runs which item.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "checker/parallel.hpp"

namespace factline {

class ThreadCrew {
public:
    /// A crew of thread_count(jobs) workers: this thread and helpers started now.
    explicit ThreadCrew(int jobs) {
        for (std::size_t worker = 1; worker < thread_count(jobs); ++worker) {
            helpers_.emplace_back([this, worker] { help(worker); });
        }
    }
    ~ThreadCrew() {
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        for (auto& helper : helpers_) helper.join();
    }
    ThreadCrew(const ThreadCrew&) = delete;
    ThreadCrew& operator=(const ThreadCrew&) = delete;

    /// How many workers run() numbers (this thread is worker 0).
    [[nodiscard]] std::size_t size() const { return helpers_.size() + 1; }

    /// Runs work(worker, i) for i in [0, count), each worker taking the next
    /// item as it comes free; a worker number is on one thread at a time.
    /// If an item throws, the items not begun are left and the first
    /// exception is rethrown here once the items begun are done.
    template <typename Work>
    void run(std::size_t count, Work work) {
        std::atomic<std::size_t> next{0};
        const std::function<void(std::size_t)> take_items = [&](std::size_t worker) {
            try {
                for (std::size_t i = next++; i < count; i = next++) work(worker, i);
            } catch (...) {
                next = count;  // the others stop at their next item
                throw;
            }
        };
        {
            const std::lock_guard lock(mutex_);
            loop_ = &take_items;
            ++round_;
            open_ = true;
        }
        wake_.notify_all();
        std::exception_ptr failure;
        try {
            take_items(0);
        } catch (...) {
            failure = std::current_exception();
        }
        // The items are all taken: a helper not in the round by now stays out.
        std::unique_lock lock(mutex_);
        open_ = false;
        done_.wait(lock, [&] { return active_ == 0; });
        if (!failure) failure = helper_failure_;
        helper_failure_ = nullptr;
        lock.unlock();
        if (failure) std::rethrow_exception(failure);
    }

private:
    void help(std::size_t worker) {
        std::uint64_t seen = 0;
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return stop_ || (open_ && round_ != seen); });
            if (stop_) return;
            seen = round_;
            ++active_;
            const auto* loop = loop_;
            lock.unlock();
            std::exception_ptr failure;
            try {
                (*loop)(worker);
            } catch (...) {
                failure = std::current_exception();
            }
            lock.lock();
            if (failure && !helper_failure_) helper_failure_ = failure;
            if (--active_ == 0) done_.notify_all();
        }
    }

    std::mutex mutex_;  // over everything below but the helpers
    std::condition_variable wake_, done_;
    const std::function<void(std::size_t)>* loop_ = nullptr;  // the round's, on run()'s stack
    std::uint64_t round_ = 0;
    bool open_ = false;       // a helper may join the round
    bool stop_ = false;       // the crew is being destroyed
    std::size_t active_ = 0;  // helpers in the round
    std::exception_ptr helper_failure_;
    std::vector<std::thread> helpers_;
};

}  // namespace factline
