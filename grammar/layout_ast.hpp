#pragma once
// AST of the layout grammar: where a dateline ("MOSCOW, Nov 11 (Reuters) –")
// or a header date line ("[February 28, 2023]", "Reuters | Moscow | Updated:
// 11-11-2022 15:21 IST") has its parts, as byte offsets into the document.
// Plain structs, no Boost. Nothing here parses the date itself (the time stage
// does) or decides whether a line is a header (checker/layout.cpp does).
#include <cstdint>

namespace factline::grammar::ast {

/// A half-open byte range [begin, end) into the parsed document; empty when absent.
struct TextRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    [[nodiscard]] bool empty() const { return end <= begin; }
};

/// "MOSCOW, Nov 11 (Reuters) –": place, optional date, optional agency.
struct Dateline {
    TextRange place;   // "MOSCOW" or "KYIV, Ukraine"
    TextRange date;    // "Nov 11"
    TextRange agency;  // "Reuters" (without the parentheses)
    TextRange separator;  // the dash or colon that ends the dateline
};

/// A date-looking run at the start of a line, with what surrounds it:
/// optional bracket, label/outlet words, the date, an optional clock time.
struct HeaderDate {
    TextRange open_bracket;  // "[" or "("
    TextRange prefix;        // "Reuters | Moscow | Updated:" (may be empty)
    std::uint32_t prefix_words = 0;
    TextRange date;          // "11-11-2022", "February 28, 2023", "30 September"
    bool has_year = false;
    TextRange time;          // "15:21 IST", "6:40 am" (empty when absent)
    TextRange close_bracket; // "]" or ")"
};

}  // namespace factline::grammar::ast
