#pragma once
// The layout grammar as checker/ sees it (no Boost header): recognise a
// dateline at the start of a paragraph, or a date-looking header at the start
// of a line. Offsets are bytes into the `document` passed in. Does not decide
// what a line is (checker/layout.cpp does) nor parse the date's value (the
// time stage does).
#include <cstdint>
#include <optional>
#include <string_view>

#include "grammar/layout_ast.hpp"

namespace factline::grammar {

/// A dateline starting at `begin` (leading blanks allowed); `end` is just
/// after its dash or colon. Nothing is consumed on failure.
struct DatelineMatch {
    ast::Dateline parts;
    std::uint32_t begin = 0;  // the place's first byte
    std::uint32_t end = 0;
};

/// The dateline at the start of document[begin, end), if any.
[[nodiscard]] std::optional<DatelineMatch> parse_dateline(std::string_view document, std::uint32_t begin,
                                                         std::uint32_t end);

/// A header date at the start of document[begin, end); `end` is where the
/// match (bracket, prefix, date, time, closing bracket) stops.
struct HeaderDateMatch {
    ast::HeaderDate parts;
    std::uint32_t end = 0;
};

/// The header date at the start of document[begin, end), if any.
[[nodiscard]] std::optional<HeaderDateMatch> parse_header_date(std::string_view document, std::uint32_t begin,
                                                              std::uint32_t end);

}  // namespace factline::grammar
