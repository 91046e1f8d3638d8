#pragma once
// UTF-8 both ways: encoding one code point (the decoders of ingestion, the
// GeoNames importer) and telling a well-formed sequence (the UTF-8 decoder,
// the JSON Lines scanner, the JSON writer), by one table.
#include <cstddef>
#include <string>

namespace factline {

/// Writes `cp` as UTF-8 (1–4 bytes) at `out`; returns the end of what it wrote.
inline char* write_utf8(char* out, char32_t cp) {
    if (cp < 0x80) {
        *out++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *out++ = static_cast<char>(0xC0 | (cp >> 6));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = static_cast<char>(0xE0 | (cp >> 12));
        *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *out++ = static_cast<char>(0xF0 | (cp >> 18));
        *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

/// Appends `cp` to `out` as UTF-8 (1–4 bytes).
inline void append_utf8(std::string& out, char32_t cp) {
    char bytes[4];
    out.append(bytes, write_utf8(bytes, cp));
}

/// Length of the well-formed UTF-8 sequence at `p` with `available` bytes
/// there (Unicode 3.9, table 3-7: no overlong forms, no surrogates, nothing
/// past U+10FFFF); 0 when it is ill-formed or cut short.
inline std::size_t utf8_sequence_length(const unsigned char* p, std::size_t available) {
    const auto continuation = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return available >= 2 && continuation(p[1]) ? 2 : 0;
    if (c < 0xF0) {
        if (available < 3) return 0;
        const unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = c == 0xED ? 0x9F : 0xBF;
        return p[1] >= low && p[1] <= high && continuation(p[2]) ? 3 : 0;
    }
    if (c < 0xF5) {
        if (available < 4) return 0;
        const unsigned char low = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= low && p[1] <= high && continuation(p[2]) && continuation(p[3]) ? 4 : 0;
    }
    return 0;
}

}  // namespace factline
