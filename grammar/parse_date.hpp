#pragma once
// The date grammar as checker/ sees it: no Boost header here (an X3 TU is
// expensive to compile). Scans prose for temporal expressions; a text without
// a date is not an error. Gives no meaning to what it finds (see
// checker/time_resolve.hpp).
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "grammar/date_ast.hpp"
#include "grammar/parse_message.hpp"

namespace factline::grammar {

struct DateParse {
    std::vector<ast::DateExpr> dates;  // in text order, not overlapping
    std::vector<ParseMessage> diagnostics;
};

/// Every temporal expression in bytes [begin, end) of `document`: at each word
/// start the date rule is tried, and on failure the scan moves to the next
/// word. Spans are byte offsets into `document`.
[[nodiscard]] DateParse parse_dates(std::string_view document, std::uint32_t begin, std::uint32_t end);

/// Every temporal expression in `text` (spans are offsets into `text`).
[[nodiscard]] DateParse parse_dates(std::string_view text);

/// The expression when all of `text` (blanks around it aside) is one date
/// expression, else nullopt; for spans another stage has already delimited
/// (a dateline's date, a header line's date).
[[nodiscard]] std::optional<ast::DateExpr> parse_whole_date(std::string_view text);

}  // namespace factline::grammar
