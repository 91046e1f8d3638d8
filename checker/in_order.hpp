#pragma once
// prepare_in_order(): items prepared on several threads and taken, one by
// one and in index order, by the calling thread as soon as each is ready.
// For a walk over many small files (issue 7): the reading runs on all
// threads the whole time, with no batch to wait for and no thread started
// per batch, while the order (and so the output) stays that of the index.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "checker/parallel.hpp"

namespace factline {

/// Runs `prepare(i)` for i in [0, count) on `jobs` threads (0: all cores;
/// this thread is one of them) and `take(i)` on this thread in index order,
/// each once `prepare(i)` has returned. At most `window` items are prepared
/// ahead of the next to be taken, so that the caller can hold the prepared
/// items in a ring of `window` slots (slot i % window): prepare(i) begins
/// only once take(i - window) has returned. `take` returns false to stop:
/// no further item is begun, and this returns once those begun are
/// prepared (they are not taken). An exception from either is rethrown here
/// once the other threads have stopped.
template <typename Prepare, typename Take>
void prepare_in_order(std::size_t count, int jobs, std::size_t window, Prepare prepare, Take take) {
    window = std::max<std::size_t>(window, 1);
    const std::size_t helpers = std::min(thread_count(jobs), std::max<std::size_t>(count, 1)) - 1;
    // ready[i % window] == i + 1 once item i is prepared.
    const auto ready = std::make_unique<std::atomic<std::size_t>[]>(window);
    std::atomic<std::size_t> next{0};   // the next item to claim
    std::atomic<std::size_t> taken{0};  // items taken so far: the window starts there
    std::atomic<bool> stopping{false};
    // Who sleeps, so that the others wake them only then: a wake-up per
    // item would be a system call per file. Each side says it sleeps before
    // it checks, and the other reads that after it changed what is checked
    // (all sequentially consistent), so no wake-up is missed.
    std::atomic<bool> taker_sleeps{false};
    // A helper that finds the window full sleeps until half of it is free,
    // not the one slot it needs: woken for each item taken, it took turns
    // with the taker a system call at a time (thousands of context switches
    // when the taker had been preempted, as on a busy machine). wake_at: the
    // `taken` that frees the first sleeper; none sleeps when it is `never`.
    const std::size_t slack = window / 2;
    constexpr std::size_t never = ~std::size_t{0};
    std::atomic<std::size_t> wake_at{never};
    std::mutex mutex;
    std::condition_variable item_ready;
    std::condition_variable room;
    std::exception_ptr failure;  // under `mutex`

    const auto wake_taker = [&] {
        if (!taker_sleeps.load()) return;
        const std::lock_guard lock(mutex);
        item_ready.notify_one();
    };
    const auto stop_helpers = [&] {
        stopping = true;
        next = count;
        const std::lock_guard lock(mutex);
        room.notify_all();
    };
    const auto prepare_item = [&](std::size_t i) {
        prepare(i);
        ready[i % window].store(i + 1);
        wake_taker();
    };
    /// Waits until item i's slot is free; false when stopped meanwhile.
    const auto wait_for_room = [&](std::size_t i) {
        if (i < taken.load() + window) return true;
        const std::size_t enough = i + slack + 1 - window;  // `taken` that frees `slack` slots more than i's
        std::unique_lock lock(mutex);
        room.wait(lock, [&] {
            // Said before `taken` is read (see above), again after each wake-up: the taker resets it.
            wake_at = std::min(wake_at.load(), enough);
            return taken.load() >= enough || stopping.load();
        });
        return !stopping.load();
    };
    const auto help = [&] {
        try {
            for (std::size_t i = next++; i < count && wait_for_room(i); i = next++) prepare_item(i);
        } catch (...) {
            {
                const std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                item_ready.notify_one();
            }
            stop_helpers();
        }
    };
    const auto failed = [&] {
        const std::lock_guard lock(mutex);
        return failure != nullptr;
    };
    // This thread claims only items within the window: it would wait on itself for a slot.
    const auto claim_within = [&](std::size_t limit) -> std::optional<std::size_t> {
        std::size_t i = next.load();
        while (i < std::min(count, limit)) {
            if (next.compare_exchange_weak(i, i + 1)) return i;
        }
        return std::nullopt;
    };
    /// Prepares what it can claim until item i is ready; false when a helper failed.
    const auto wait_for_item = [&](std::size_t i) {
        while (ready[i % window].load() != i + 1) {
            if (const auto mine = claim_within(i + window)) {
                prepare_item(*mine);
                continue;
            }
            std::unique_lock lock(mutex);
            taker_sleeps = true;
            item_ready.wait(lock, [&] { return ready[i % window].load() == i + 1 || failure != nullptr; });
            taker_sleeps = false;
            if (failure) return false;
        }
        return true;
    };

    std::vector<std::thread> others;
    others.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) others.emplace_back(help);
    const auto join_helpers = [&] {
        stop_helpers();
        for (auto& thread : others) thread.join();
    };
    try {
        for (std::size_t i = 0; i < count; ++i) {
            if (!wait_for_item(i) || !take(i)) break;
            taken.store(i + 1);
            if (i + 1 >= wake_at.load()) {
                const std::lock_guard lock(mutex);
                wake_at = never;
                room.notify_all();
            }
        }
    } catch (...) {
        join_helpers();
        throw;
    }
    join_helpers();
    if (failed()) std::rethrow_exception(failure);
}

}  // namespace factline
