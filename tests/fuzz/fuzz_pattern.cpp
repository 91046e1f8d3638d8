// libFuzzer target: the rule-pattern language parser. An error must carry a
// column inside the text (or just past it) and leave no nodes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "grammar/parse_pattern.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parse = factline::grammar::parse_pattern(text);
    if (parse.error_column) {
        if (*parse.error_column < 1 || *parse.error_column > text.size() + 1) std::abort();
        if (!parse.nodes.empty()) std::abort();
    }
    return 0;
}
