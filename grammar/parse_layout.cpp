#include "grammar/parse_layout.hpp"

#include <array>

#include "grammar/layout.hpp"

namespace factline::grammar {

namespace {

template <typename Rule, typename Node>
bool run(const Rule& rule, std::string_view document, std::uint32_t begin, std::uint32_t end, Node& node,
         std::uint32_t& stop) {
    std::vector<ParseMessage> messages;
    ParseState state{document.data(), &messages};
    iterator_type first = document.data() + begin;
    const iterator_type last = document.data() + end;
    if (!x3::parse(first, last, x3::with<parse_state_tag>(state)[rule], node)) return false;
    stop = static_cast<std::uint32_t>(first - document.data());
    return true;
}

/// What may come before a header date's first digit: header_date_def lets
/// through only an opening bracket, blanks, label words (letters . ' &),
/// list separators (| • – — - : ,) and a month word there. Any byte >= 0x80
/// counts as allowed (•, –, —, U+00A0). Keep it in step with layout_def.hpp.
enum class Before : unsigned char { other, allowed, digit };

constexpr std::array<Before, 256> before_header_digit = [] {
    std::array<Before, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[c] = Before::allowed;
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = Before::allowed;
    for (int c = 0x80; c <= 0xFF; ++c) table[c] = Before::allowed;
    for (unsigned char c : std::string_view(" \t.'&|-:,[(")) table[c] = Before::allowed;
    for (int c = '0'; c <= '9'; ++c) table[c] = Before::digit;
    return table;
}();

/// False when no header date can start at document[begin, end): the first
/// byte that may not come before its digits is not a digit. Most body lines
/// fail this cheap scan and need no X3 parse.
bool may_hold_header_date(std::string_view document, std::uint32_t begin, std::uint32_t end) {
    for (std::uint32_t i = begin; i < end; ++i) {
        const Before kind = before_header_digit[static_cast<unsigned char>(document[i])];
        if (kind != Before::allowed) return kind == Before::digit;
    }
    return false;
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// False when no dateline can start at document[begin, end): after blanks
/// (' ', tab, U+00A0) dateline_def opens with a capital word, an ASCII
/// capital followed by a capital, '.', '\'' or '-'. Most paragraphs fail
/// these two bytes and need no X3 parse. Keep it in step with layout_def.hpp.
bool may_open_dateline(std::string_view document, std::uint32_t begin, std::uint32_t end) {
    std::uint32_t i = begin;
    while (i < end) {
        if (document[i] == ' ' || document[i] == '\t') {
            ++i;
        } else if (document[i] == '\xC2' && i + 1 < end && document[i + 1] == '\xA0') {
            i += 2;
        } else {
            break;
        }
    }
    if (i + 1 >= end) return false;
    const char second = document[i + 1];
    return ascii_upper(document[i]) && (ascii_upper(second) || second == '.' || second == '\'' || second == '-');
}

}  // namespace

std::optional<DatelineMatch> parse_dateline(std::string_view document, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end || end > document.size()) return std::nullopt;
    if (!may_open_dateline(document, begin, end)) return std::nullopt;
    DatelineMatch match;
    if (!run(dateline(), document, begin, end, match.parts, match.end)) return std::nullopt;
    match.begin = match.parts.place.begin;
    return match;
}

std::optional<HeaderDateMatch> parse_header_date(std::string_view document, std::uint32_t begin,
                                                 std::uint32_t end) {
    if (begin >= end || end > document.size()) return std::nullopt;
    if (!may_hold_header_date(document, begin, end)) return std::nullopt;
    HeaderDateMatch match;
    if (!run(header_date(), document, begin, end, match.parts, match.end)) return std::nullopt;
    return match;
}

}  // namespace factline::grammar
