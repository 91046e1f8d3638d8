#include "checker/source_lines.hpp"

#include <algorithm>

#include "checker/civil_date.hpp"

namespace factline {

namespace {

bool is_blank_byte(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && is_blank_byte(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank_byte(text.back())) text.remove_suffix(1);
    return text;
}

/// A basic string's contents with nothing to unescape or check: no
/// backslash, quote, control byte or non-ASCII byte (whose UTF-8 the TOML
/// parser would validate).
bool is_plain_string(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7F && c != '"' && c != '\\';
    });
}

/// One `key = "value"` line of an entry into `entry`; false when the line is
/// not of that plain form, names another key, repeats one, or holds a value
/// read_source_entries() would report.
bool read_key_line(std::string_view line, SourceEntry& entry, unsigned& seen) {
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) return false;
    const std::string_view key = trim_blanks(line.substr(0, equals));
    std::string_view value = trim_blanks(line.substr(equals + 1));
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') return false;
    value = value.substr(1, value.size() - 2);
    if (!is_plain_string(value)) return false;
    static constexpr std::string_view keys[] = {"path", "url", "outlet", "published"};
    const auto found = std::find(std::begin(keys), std::end(keys), key);
    if (found == std::end(keys)) return false;  // an unknown key: the parser's "did you mean"
    const unsigned bit = 1u << (found - std::begin(keys));
    if ((seen & bit) != 0) return false;  // a repeated key: a TOML error
    seen |= bit;
    if (key == "path") {
        entry.path = value;
    } else if (key == "url") {
        entry.meta.url = value;
    } else if (key == "outlet") {
        entry.meta.outlet = value;
    } else if (!value.empty()) {
        entry.meta.published = parse_iso(value);
        if (!entry.meta.published) return false;  // not a date: an error at the value
    }
    return true;
}

}  // namespace

std::optional<std::vector<SourceEntry>> read_plain_source_entries(std::string_view text) {
    std::vector<SourceEntry> entries;
    unsigned seen = 0;  // the keys of the last entry, a bit each
    const auto complete = [&] { return entries.empty() || !entries.back().path.empty(); };  // else: an error
    std::uint32_t number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (line.find('\r') != std::string_view::npos) return std::nullopt;  // CRLF and strays: the parser's
        if (trim_blanks(line).empty()) continue;
        if (line == "[[source]]") {
            if (!complete()) return std::nullopt;
            SourceEntry& entry = entries.emplace_back();
            entry.line = number;
            entry.col = 1;
            seen = 0;
            continue;
        }
        if (entries.empty() || !read_key_line(line, entries.back(), seen)) return std::nullopt;
    }
    if (entries.empty() || !complete()) return std::nullopt;
    return entries;
}

}  // namespace factline
