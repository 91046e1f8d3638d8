#pragma once
// How long each stage of a run took, and the memory it ended with, for
// `SPDLOG_LEVEL=debug` (issue 7): the figures that say which stage to work
// on, without a profiler.
#include <chrono>
#include <cstdio>
#include <string_view>

#include <spdlog/spdlog.h>

namespace factline {

/// Resident and peak resident memory in MiB, from /proc/self/status (Linux);
/// zeros where it cannot be read.
struct ResidentMemory {
    double now_mib = 0;
    double peak_mib = 0;

    static ResidentMemory read() {
        ResidentMemory memory;
        std::FILE* status = std::fopen("/proc/self/status", "r");
        if (status == nullptr) return memory;
        char line[256];
        while (std::fgets(line, sizeof line, status) != nullptr) {
            long kib = 0;
            if (std::sscanf(line, "VmRSS: %ld kB", &kib) == 1) memory.now_mib = static_cast<double>(kib) / 1024;
            if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) memory.peak_mib = static_cast<double>(kib) / 1024;
        }
        std::fclose(status);
        return memory;
    }
};

/// Logs "time: <stage>: N ms (resident R MiB, peak P MiB)" at debug level for each lap.
class PhaseClock {
public:
    PhaseClock() : start_(std::chrono::steady_clock::now()) {}

    /// Logs the time since the last lap (or since construction) and starts the next.
    void lap(std::string_view stage) {
        const auto now = std::chrono::steady_clock::now();
        if (spdlog::should_log(spdlog::level::debug)) {
            const ResidentMemory memory = ResidentMemory::read();
            spdlog::debug("time: {}: {:.1f} ms (resident {:.0f} MiB, peak {:.0f} MiB)", stage,
                          std::chrono::duration<double, std::milli>(now - start_).count(), memory.now_mib,
                          memory.peak_mib);
        }
        start_ = now;
    }

private:
    std::chrono::steady_clock::time_point start_;
};

}  // namespace factline
