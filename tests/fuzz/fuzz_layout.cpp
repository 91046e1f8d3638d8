// libFuzzer target: the layout grammar (datelines and header dates) tried at
// every line start of arbitrary bytes, then the whole layout stage with an
// empty rule set. Checks only that nothing crashes and spans stay in bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "checker/layout.hpp"
#include "grammar/parse_layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto end = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t begin = 0; begin <= end;) {
        if (const auto dateline = factline::grammar::parse_dateline(text, begin, end)) {
            if (dateline->begin < begin || dateline->end > end) std::abort();
        }
        if (const auto header = factline::grammar::parse_header_date(text, begin, end)) {
            if (header->end > end) std::abort();
        }
        const auto newline = text.find('\n', begin);
        if (newline == std::string_view::npos) break;
        begin = static_cast<std::uint32_t>(newline + 1);
    }
    const factline::LayoutRules no_rules;
    (void)factline::analyse_layout(text, no_rules);
    return 0;
}
