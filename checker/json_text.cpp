#include "checker/json_text.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <charconv>
#include <nlohmann/json.hpp>

#include "checker/swar.hpp"
#include "checker/utf8.hpp"

namespace factline {

namespace {

bool is_plain_ascii(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

/// Where the run of plain ASCII starting at `at` ends: eight bytes at a time,
/// since evidence sentences are most of what the writers escape (issue 7).
std::size_t plain_ascii_end(std::string_view value, std::size_t at) {
    const auto special = [](std::uint64_t x) {
        return (x & swar::highs) | swar::bytes_below(x, 0x20) | swar::bytes_equal(x, '"') | swar::bytes_equal(x, '\\');
    };
    return swar::find_first(value, at, special, [](unsigned char c) { return !is_plain_ascii(c); });
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
    static constexpr char hex[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out.push_back('"');
    for (std::size_t at = 0; at < value.size();) {
        // A run of printable ASCII needing no escape is copied at once (most of the text).
        const std::size_t plain = plain_ascii_end(value, at);
        if (plain > at) {
            out.append(value.data() + at, plain - at);
            at = plain;
            if (at == value.size()) break;
        }
        const auto c = static_cast<unsigned char>(value[at]);
        if (c >= 0x80) {
            // Well-formed as nlohmann's decoder judges it (the same table 3-7).
            const std::size_t length =
                utf8_sequence_length(reinterpret_cast<const unsigned char*>(value.data()) + at, value.size() - at);
            if (length == 0) {
                // Invalid UTF-8: nlohmann's replacement rules decide, for the whole string.
                out.resize(start);
                out += nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            out.append(value.substr(at, length));
            at += length;
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:  // the other control characters (printable ASCII was copied above)
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xF]);
        }
        ++at;
    }
    out.push_back('"');
}

void JsonObjectText::key(std::string_view name) {
    // Keys are the program's own names: plain ASCII, written as they are.
    assert(std::all_of(name.begin(), name.end(), [](char c) { return is_plain_ascii(static_cast<unsigned char>(c)); }));
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.push_back('"');
    out_.append(name);
    out_.append("\":", 2);
}

JsonObjectText& JsonObjectText::string(std::string_view key_name, std::string_view value) {
    key(key_name);
    append_json_string(out_, value);
    return *this;
}

JsonObjectText& JsonObjectText::number(std::string_view key_name, std::int64_t value) {
    key(key_name);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out_.append(digits, static_cast<std::size_t>(end - digits));
    return *this;
}

JsonObjectText& JsonObjectText::boolean(std::string_view key_name, bool value) {
    key(key_name);
    out_ += value ? "true" : "false";
    return *this;
}

JsonObjectText& JsonObjectText::null(std::string_view key_name) {
    key(key_name);
    out_ += "null";
    return *this;
}

JsonObjectText& JsonObjectText::strings(std::string_view key_name, const std::vector<std::string>& values) {
    key(key_name);
    out_.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out_.push_back(',');
        append_json_string(out_, values[i]);
    }
    out_.push_back(']');
    return *this;
}

JsonObjectText JsonObjectText::object(std::string_view key_name) {
    key(key_name);
    return JsonObjectText(out_);
}

JsonArrayText JsonObjectText::array(std::string_view key_name) {
    key(key_name);
    return JsonArrayText(out_);
}

JsonObjectText JsonArrayText::object() {
    if (!first_) out_.push_back(',');
    first_ = false;
    return JsonObjectText(out_);
}

}  // namespace factline
