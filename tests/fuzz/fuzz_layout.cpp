// libFuzzer target: the layout grammar (datelines and header dates) tried at
// every line start of arbitrary bytes, then the whole layout stage twice: with
// an empty rule set, and with the shipped boilerplate and caption rules
// (rules/core/layout, loaded once), so that line folding and glob matching
// are fuzzed too. Checks only that nothing crashes and spans stay in bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "checker/layout.hpp"
#include "checker/rule_pack.hpp"
#include "grammar/parse_layout.hpp"

#ifndef FACTLINE_SOURCE_DIR
#error "FACTLINE_SOURCE_DIR must name the source tree (rules/core/layout is read from it)"
#endif

namespace {

const factline::LayoutRules& shipped_rules() {
    static const factline::LayoutRules rules = [] {
        factline::LayoutRules loaded;
        factline::Diagnostics diagnostics;
        factline::load_layout_rules({"core", "", "", std::filesystem::path(FACTLINE_SOURCE_DIR) / "rules" / "core"},
                                    loaded, diagnostics);
        if (diagnostics.has_errors()) std::abort();  // the shipped rules must load
        return loaded;
    }();
    return rules;
}

}  // namespace

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
    (void)factline::analyse_layout(text, shipped_rules());
    return 0;
}
