#pragma once
// How long each stage of a run took, for `SPDLOG_LEVEL=debug` (issue 7): the
// figures that say which stage to work on, without a profiler.
#include <chrono>
#include <string_view>

#include <spdlog/spdlog.h>

namespace factline {

/// Logs "time: <stage>: N ms" at debug level for each lap.
class PhaseClock {
public:
    PhaseClock() : start_(std::chrono::steady_clock::now()) {}

    /// Logs the time since the last lap (or since construction) and starts the next.
    void lap(std::string_view stage) {
        const auto now = std::chrono::steady_clock::now();
        spdlog::debug("time: {}: {:.1f} ms", stage, std::chrono::duration<double, std::milli>(now - start_).count());
        start_ = now;
    }

private:
    std::chrono::steady_clock::time_point start_;
};

}  // namespace factline
