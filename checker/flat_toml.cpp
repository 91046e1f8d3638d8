#include "checker/flat_toml.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <unordered_set>

#include "checker/utf8.hpp"

namespace factline {

namespace {

bool valid_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    while (p != end) {
        if (end - p >= 8) {  // eight ASCII bytes at a time: most of a gazetteer
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                p += 8;
                continue;
            }
        }
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const std::size_t length = utf8_sequence_length(p, static_cast<std::size_t>(end - p));
        if (length == 0) return false;
        p += length;
    }
    return true;
}

/// TOML forbids control characters but tab in strings and comments.
bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t') || byte == 0x7F;
}

/// Bytes that end the run of plain characters in a basic string: the closing
/// quote, and what the flat shape declines there (escapes, control characters).
constexpr std::array<bool, 256> string_stops = [] {
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c) stops[static_cast<std::size_t>(c)] = c != '\t';
    stops['"'] = stops['\\'] = stops[0x7F] = true;
    return stops;
}();

bool is_bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// Reads the flat shape line by line; every method returns false when the
/// text leaves it (the reader then declines the whole file).
class FlatReader {
public:
    explicit FlatReader(std::string_view text) : text_(text) {}

    std::optional<std::vector<FlatTable>> read() {
        std::unordered_set<std::string_view> names;
        while (at_ < text_.size()) {
            skip_blanks();
            if (at_end_of_line()) {
                if (!end_line()) return std::nullopt;
            } else if (peek() == '[') {
                ++at_;
                FlatTable table;
                if (!bare_key(table.name) || !take(']') || !end_line()) return std::nullopt;
                if (!names.insert(table.name).second) return std::nullopt;  // a table defined twice
                tables_.push_back(std::move(table));
            } else {
                if (tables_.empty() || !key_value(tables_.back())) return std::nullopt;
            }
        }
        return std::move(tables_);
    }

private:
    char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }

    void skip_blanks() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
    }

    bool take(char c) {
        if (at_ >= text_.size() || text_[at_] != c) return false;
        ++at_;
        return true;
    }

    bool at_end_of_line() const { return at_ == text_.size() || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '#'; }

    /// Blanks, an optional comment and the line break (or the end of the text).
    bool end_line() {
        skip_blanks();
        if (peek() == '#') {
            while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r') {
                if (is_control(text_[at_])) return false;
                ++at_;
            }
        }
        if (at_ == text_.size()) return true;
        if (text_[at_] == '\r') {
            if (at_ + 1 >= text_.size() || text_[at_ + 1] != '\n') return false;  // a lone CR
            ++at_;
        }
        if (text_[at_] != '\n') return false;
        ++at_;
        return true;
    }

    bool bare_key(std::string_view& key) {
        const std::size_t start = at_;
        while (at_ < text_.size() && is_bare_key_char(text_[at_])) ++at_;
        key = text_.substr(start, at_ - start);
        return !key.empty();
    }

    bool key_value(FlatTable& table) {
        std::string_view key;
        if (!bare_key(key)) return false;
        skip_blanks();
        if (!take('=')) return false;
        skip_blanks();
        FlatValue value;
        if (!read_value(value) || !end_line()) return false;
        if (table.find(key) != nullptr) return false;  // a key given twice
        table.keys.emplace_back(key, std::move(value));
        return true;
    }

    bool read_value(FlatValue& value) {
        const char c = peek();
        if (c == '"') {
            value.kind = FlatValue::Kind::string;
            return basic_string(value.text);
        }
        if (c == '[') {
            value.kind = FlatValue::Kind::strings;
            return string_array(value.strings);
        }
        if (c == 't' || c == 'f') {
            value.kind = FlatValue::Kind::boolean;
            return boolean(value.boolean);
        }
        value.kind = FlatValue::Kind::integer;
        return integer(value.integer);
    }

    /// "…" without escapes or control characters (not the multi-line """).
    bool basic_string(std::string_view& out) {
        if (!take('"')) return false;
        const std::size_t start = at_;
        while (at_ < text_.size() && !string_stops[static_cast<unsigned char>(text_[at_])]) ++at_;
        if (at_ == text_.size() || text_[at_] != '"') return false;
        out = text_.substr(start, at_ - start);
        ++at_;
        return !(out.empty() && peek() == '"');  // `"""` opens a multi-line string
    }

    /// [ "a", "b" ] on one line; a trailing comma is allowed, as in TOML.
    bool string_array(std::vector<std::string_view>& out) {
        if (!take('[')) return false;
        skip_blanks();
        while (peek() == '"') {
            std::string_view item;
            if (!basic_string(item)) return false;
            out.push_back(item);
            skip_blanks();
            if (!take(',')) break;
            skip_blanks();
        }
        return take(']');
    }

    bool boolean(bool& out) {
        for (const auto& [word, flag] : {std::pair{std::string_view("true"), true}, {std::string_view("false"), false}}) {
            if (text_.substr(at_, word.size()) == word) {
                at_ += word.size();
                out = flag;
                return ends_value();
            }
        }
        return false;
    }

    /// A decimal integer without underscores or leading zeros, within int64.
    bool integer(std::int64_t& out) {
        const bool negative = peek() == '-';
        if (peek() == '-' || peek() == '+') ++at_;
        const std::size_t start = at_;
        std::uint64_t magnitude = 0;
        const std::uint64_t bound = std::uint64_t{std::numeric_limits<std::int64_t>::max()} + (negative ? 1 : 0);
        while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
            const auto digit = static_cast<std::uint64_t>(text_[at_] - '0');
            if (magnitude > (bound - digit) / 10) return false;  // past int64: toml++ rejects it too
            magnitude = magnitude * 10 + digit;
            ++at_;
        }
        const std::size_t digits = at_ - start;
        if (digits == 0 || (digits > 1 && text_[start] == '0') || !ends_value()) return false;
        out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
        return true;
    }

    /// A value ends at a blank, a comment or the line's end ("12.5", "1_000", "1979-05-27" do not).
    bool ends_value() const {
        const char c = peek();
        return at_ == text_.size() || c == ' ' || c == '\t' || c == '#' || c == '\n' || c == '\r';
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::vector<FlatTable> tables_;
};

}  // namespace

const FlatValue* FlatTable::find(std::string_view key) const {
    const auto it = std::find_if(keys.begin(), keys.end(), [&](const auto& entry) { return entry.first == key; });
    return it == keys.end() ? nullptr : &it->second;
}

std::optional<std::vector<FlatTable>> read_flat_toml(std::string_view text) {
    if (!valid_utf8(text)) return std::nullopt;
    return FlatReader(text).read();
}

}  // namespace factline
