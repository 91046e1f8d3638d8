#include "grammar/parse_layout.hpp"

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

}  // namespace

std::optional<DatelineMatch> parse_dateline(std::string_view document, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end || end > document.size()) return std::nullopt;
    DatelineMatch match;
    if (!run(dateline(), document, begin, end, match.parts, match.end)) return std::nullopt;
    match.begin = match.parts.place.begin;
    return match;
}

std::optional<HeaderDateMatch> parse_header_date(std::string_view document, std::uint32_t begin,
                                                 std::uint32_t end) {
    if (begin >= end || end > document.size()) return std::nullopt;
    HeaderDateMatch match;
    if (!run(header_date(), document, begin, end, match.parts, match.end)) return std::nullopt;
    return match;
}

}  // namespace factline::grammar
