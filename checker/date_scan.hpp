#pragma once
// The date expressions of one document's layout blocks, scanned once and
// shared by the stages that read them: the weekday checks (date_checks.cpp)
// read whole blocks, extraction (extract.cpp) the sentences inside them.
// A block is scanned only when it may name a weekday (the checks skip the
// others); a sentence reads its part of that scan when the scan cannot run
// across the sentence's ends (DatePrefilter::separates), else it is scanned
// on its own, so every reader gets exactly what parse_dates gives for its
// span. Holds views of the text and layout: it lives while they do.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "checker/layout.hpp"
#include "checker/span.hpp"
#include "grammar/date_ast.hpp"
#include "grammar/date_prefilter.hpp"

namespace factline {

class DateScan {
public:
    DateScan(std::string_view text, const Layout& layout);

    [[nodiscard]] std::string_view text() const { return text_; }
    [[nodiscard]] const Layout& layout() const { return layout_; }

    /// The expressions parse_dates finds in block `block` (an index into
    /// Layout::blocks) when the block may name a weekday, else nullptr.
    /// Scanned at the first call.
    [[nodiscard]] const std::vector<grammar::ast::DateExpr>* weekday_block(std::uint32_t block);

    /// The expressions parse_dates finds in `span`, which lies in block
    /// `block`: a part of the block's scan when it has one that `span`'s ends
    /// separate, else `span` scanned into `scratch`.
    [[nodiscard]] std::span<const grammar::ast::DateExpr> in_span(Span span, std::uint32_t block,
                                                                 std::vector<grammar::ast::DateExpr>& scratch);

private:
    struct Block {
        bool looked = false;  // weekday prefilter asked
        bool scanned = false;
        std::vector<grammar::ast::DateExpr> dates;
    };

    std::string_view text_;
    const Layout& layout_;
    grammar::DatePrefilter prefilter_;
    std::vector<Block> blocks_;
};

}  // namespace factline
