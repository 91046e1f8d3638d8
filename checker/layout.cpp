// PLACEHOLDER (to be replaced by the layout work): every paragraph is body.
#include "checker/layout.hpp"

#include "checker/rule_pack.hpp"

namespace factline {

const char* to_string(BlockKind kind) {
    switch (kind) {
        case BlockKind::headline: return "headline";
        case BlockKind::header: return "header";
        case BlockKind::byline: return "byline";
        case BlockKind::caption: return "caption";
        case BlockKind::body: return "body";
        case BlockKind::end_matter: return "end_matter";
        case BlockKind::boilerplate: return "boilerplate";
    }
    return "body";
}

Layout analyse_layout(std::string_view text, const LayoutRules&) {
    Layout layout;
    layout.blocks.push_back({BlockKind::body, {0, static_cast<std::uint32_t>(text.size())}, 1, 1, ""});
    return layout;
}

void load_layout_rules(const RulePackInfo&, LayoutRules&, Diagnostics&) {}
void test_layout_rules(const RuleSet&, RuleTestReport&) {}

}  // namespace factline
