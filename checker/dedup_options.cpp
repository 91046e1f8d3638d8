#include "checker/dedup_options.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <spdlog/spdlog.h>

namespace factline {

SpillOptions dedup_spill_options() {
    SpillOptions options;
    options.memory_budget = dedup_memory_budget;
    const char* text = std::getenv("FACTLINE_DEDUP_BUDGET_MIB");
    if (text == nullptr || *text == '\0') return options;
    std::size_t mib = 0;
    const char* end = text + std::strlen(text);
    const auto [stop, error] = std::from_chars(text, end, mib);
    if (error == std::errc{} && stop == end && mib <= (SIZE_MAX >> 20)) {
        options.memory_budget = mib << 20;
    } else {
        spdlog::warn("FACTLINE_DEDUP_BUDGET_MIB is '{}', not a whole number of MiB: dedup keeps its budget of {} MiB",
                     text, dedup_memory_budget >> 20);
    }
    return options;
}

}  // namespace factline
