#pragma once
// Stage 3: sentence splitting inside extractable blocks. Abbreviation-aware
// (Feb., Sept., U.S., Gen., Mr., St., initials, decimals); a quotation that
// spans a sentence boundary stays one unit with its attribution when the
// attribution follows the closing quote ("…," Peskov said.).
#include <cstdint>
#include <string_view>
#include <vector>

#include "checker/layout.hpp"
#include "checker/span.hpp"

namespace factline {

struct Sentence {
    Span span;
    std::uint32_t block = 0;   // index into Layout::blocks
    bool headline = false;     // the sentence is (part of) the headline
    bool paragraph_start = false;
};

/// Sentences of every extractable block of `layout`, in text order. The
/// dateline prefix is not part of the first sentence.
[[nodiscard]] std::vector<Sentence> split_sentences(std::string_view text, const Layout& layout);

/// Sentences of a plain span (used by tests and by `factline time`).
[[nodiscard]] std::vector<Span> split_span(std::string_view text, Span span);

}  // namespace factline
