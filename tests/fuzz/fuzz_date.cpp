// libFuzzer target: the temporal grammar over arbitrary bytes, both as a
// prose scan and as a whole-span date. Checks that found spans are in order,
// inside the text and not overlapping.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "grammar/parse_date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parse = factline::grammar::parse_dates(text);
    std::uint32_t previous_end = 0;
    for (const auto& date : parse.dates) {
        if (date.begin < previous_end || date.end < date.begin || date.end > text.size()) std::abort();
        previous_end = date.end;
    }
    (void)factline::grammar::parse_whole_date(text);
    return 0;
}
