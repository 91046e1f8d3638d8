#include "checker/date_scan.hpp"

#include <algorithm>

#include "grammar/parse_date.hpp"

namespace factline {

namespace ast = grammar::ast;

DateScan::DateScan(std::string_view text, const Layout& layout)
    : text_(text), layout_(layout), blocks_(layout.blocks.size()) {}

const std::vector<ast::DateExpr>* DateScan::weekday_block(std::uint32_t block) {
    Block& entry = blocks_[block];
    if (!entry.looked) {
        entry.looked = true;
        const Span span = layout_.blocks[block].span;
        // Most paragraphs name no weekday: the weekday checks need no scan of them.
        if (prefilter_.may_name_weekday(span.of(text_))) {
            entry.dates = grammar::parse_dates(text_, span.begin, span.end).dates;
            entry.scanned = true;
        }
    }
    return entry.scanned ? &entry.dates : nullptr;
}

std::span<const ast::DateExpr> DateScan::in_span(Span span, std::uint32_t block,
                                                std::vector<ast::DateExpr>& scratch) {
    const Span whole = layout_.blocks[block].span;
    const bool inside = whole.begin <= span.begin && span.begin <= span.end && span.end <= whole.end;
    if (inside) {
        if (const auto* dates = weekday_block(block);
            dates != nullptr && prefilter_.separates(text_, whole.begin, span.begin) &&
            (span.end == whole.end || prefilter_.separates(text_, whole.begin, span.end))) {
            // No expression of the block's scan runs across either end: those
            // starting inside `span` are all of it, in text order.
            const auto first = std::lower_bound(dates->begin(), dates->end(), span.begin,
                                                [](const ast::DateExpr& e, std::uint32_t at) { return e.begin < at; });
            const auto last = std::lower_bound(first, dates->end(), span.end,
                                               [](const ast::DateExpr& e, std::uint32_t at) { return e.begin < at; });
            return {first, last};
        }
    }
    scratch = grammar::parse_dates(text_, span.begin, span.end).dates;
    return scratch;
}

}  // namespace factline
