#include "grammar/parse_date.hpp"

#include "grammar/date.hpp"
#include "grammar/date_prefilter.hpp"

namespace factline::grammar {

namespace {

bool is_word_char(char c) { return class_of(c) != ByteClass::other; }

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
        if (!is_word_char(*p)) {
            ++p;
            continue;
        }
        const char* word_end = p;
        bool letters_only = true;
        for (ByteClass c; word_end < last && (c = class_of(*word_end)) != ByteClass::other; ++word_end) {
            letters_only = letters_only && c == ByteClass::letter;
        }
        // Only word starts: "11" inside "2011" or "on" inside "Sunday" never start a date.
        const bool word_start = p == document.data() || !is_word_char(p[-1]);
        const bool may_start = word_start &&
                               (!letters_only || prefilter.may_start_with(*p, static_cast<std::size_t>(word_end - p))) &&
                               prefilter.may_start_date(std::string_view(p, static_cast<std::size_t>(last - p)));
        if (may_start) {
            if (auto expr = parse_one(p, last, state)) {
                result.dates.push_back(std::move(*expr));
                continue;
            }
        }
        p = word_end;
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
