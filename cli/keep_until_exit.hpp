#pragma once
// A run's data is not freed on the way out of a subcommand: the process ends
// right after, and freeing millions of strings and vectors one by one is
// work nobody waits for (issue 7: ~8 ms of a Reuters-21578 run, ~120 ms at
// 100,000 synthetic articles). The data is moved to the heap and held by a
// pointer that is never released, so leak checkers (the sanitizer build)
// see it as still reachable, not lost.
#include <memory>
#include <utility>
#include <vector>

namespace factline::cli {

/// Moves `value` where it lives, unfreed, until the process exits.
template <typename T>
void keep_until_exit(T&& value) {
    static auto* const kept = new std::vector<std::shared_ptr<void>>();  // never destroyed: nothing it holds is freed
    kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace factline::cli
