#include "grammar/parse_date.hpp"

#include "grammar/date.hpp"
#include "grammar/date_prefilter.hpp"

namespace factline::grammar {

namespace {

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Tries the date rule at `first`; on success `first` moves past the match.
std::optional<ast::DateExpr> parse_one(const char*& first, const char* last, ParseState& state) {
    ast::DateExpr expr;
    const char* position = first;
    if (!x3::parse(position, last, x3::with<parse_state_tag>(state)[date_expression()], expr)) return std::nullopt;
    first = position;
    return expr;
}

}  // namespace

DateParse parse_dates(std::string_view document, std::uint32_t begin, std::uint32_t end) {
    DateParse result;
    if (end > document.size()) end = static_cast<std::uint32_t>(document.size());
    if (begin > end) begin = end;
    ParseState state{document.data(), &result.diagnostics};
    const char* last = document.data() + end;
    const char* p = document.data() + begin;
    const DatePrefilter prefilter;
    while (p < last) {
        // Only word starts: "11" inside "2011" or "on" inside "Sunday" never start a date.
        const bool word_start = is_word_char(*p) && (p == document.data() || !is_word_char(p[-1]));
        if (!word_start) {
            ++p;
            continue;
        }
        if (!prefilter.may_start_date(std::string_view(p, static_cast<std::size_t>(last - p)))) {
            while (p < last && is_word_char(*p)) ++p;
            continue;
        }
        if (auto expr = parse_one(p, last, state)) {
            result.dates.push_back(std::move(*expr));
            continue;
        }
        while (p < last && is_word_char(*p)) ++p;
    }
    return result;
}

DateParse parse_dates(std::string_view text) {
    return parse_dates(text, 0, static_cast<std::uint32_t>(text.size()));
}

std::optional<ast::DateExpr> parse_whole_date(std::string_view text) {
    auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t from = 0, to = text.size();
    while (from < to && is_blank(text[from])) ++from;
    while (to > from && is_blank(text[to - 1])) --to;
    std::vector<ParseMessage> messages;
    ParseState state{text.data(), &messages};
    const char* first = text.data() + from;
    const char* last = text.data() + to;
    auto expr = parse_one(first, last, state);
    if (!expr || first != last) return std::nullopt;
    return expr;
}

}  // namespace factline::grammar
