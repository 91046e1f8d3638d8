// Byte decoding for ingestion: BOMs, UTF-16/32 transcoding, binary sniffing and
// one-for-one U+FFFD repair of invalid UTF-8. Linear, one output allocation.
#include <algorithm>
#include <bit>
#include <cstring>
#include <fmt/format.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "checker/ingest.hpp"
#include "checker/utf8.hpp"
#include "checker/span.hpp"
#include "checker/swar.hpp"

namespace factline {

namespace {

constexpr char replacement[] = "\xEF\xBF\xBD";  // U+FFFD

bool starts_with_bytes(const std::string& bytes, std::string_view prefix) {
    return bytes.size() >= prefix.size() && std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

/// Offset of the first ill-formed byte, or `size` when all is valid.
std::size_t first_invalid(const unsigned char* p, std::size_t size) {
    std::size_t i = 0;
    while (i < size) {
        // ASCII runs dominate news text: test sixty-four, sixteen or eight bytes at once.
#if defined(__SSE2__)
        if (i + 64 <= size) {
            const auto at = [&](std::size_t k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + k)); };
            if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(at(0), at(16)), _mm_or_si128(at(32), at(48)))) == 0) {
                i += 64;
                continue;
            }
        }
        if (i + 16 <= size &&
            _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))) == 0) {
            i += 16;
            continue;
        }
#endif
        if (i + 8 <= size) {
            std::uint64_t block;
            std::memcpy(&block, p + i, 8);
            if ((block & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const std::size_t n = utf8_sequence_length(p + i, size - i);
        if (n == 0) return i;
        i += n;
    }
    return size;
}

/// What went wrong while decoding, for one diagnostic per file.
struct Repairs {
    std::size_t count = 0;
    std::size_t first_offset = 0;  // byte offset in the output text
    void note(std::size_t offset) {
        if (count++ == 0) first_offset = offset;
    }
};

/// Copies valid UTF-8 and turns every ill-formed byte into one U+FFFD.
Repairs repair_utf8(std::string_view in, std::string& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    Repairs repairs;
    std::size_t bad = first_invalid(p, in.size());
    if (bad == in.size()) {
        out.assign(in);
        return repairs;
    }
    out.clear();
    out.reserve(in.size() + in.size() / 8 + 16);
    std::size_t i = 0;
    while (bad < in.size()) {
        out.append(in.data() + i, bad - i);
        repairs.note(out.size());
        out += replacement;
        i = bad + 1;
        bad = i + first_invalid(p + i, in.size() - i);
    }
    out.append(in.data() + i, in.size() - i);
    return repairs;
}

/// Appends a code point, turning NUL, surrogates and out-of-range values into U+FFFD.
void append_decoded(std::string& out, char32_t cp, Repairs& repairs) {
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        repairs.note(out.size());
        out += replacement;
    } else {
        append_utf8(out, cp);
    }
}

Repairs transcode_utf16(std::string_view in, bool big_endian, std::string& out) {
    Repairs repairs;
    out.clear();
    out.reserve(in.size() + in.size() / 2);
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t units = in.size() / 2;
    auto unit = [&](std::size_t k) -> char32_t {
        return big_endian ? (char32_t(p[2 * k]) << 8) | p[2 * k + 1] : (char32_t(p[2 * k + 1]) << 8) | p[2 * k];
    };
    for (std::size_t k = 0; k < units; ++k) {
        const char32_t u = unit(k);
        if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units) {
            const char32_t next = unit(k + 1);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                append_decoded(out, 0x10000 + ((u - 0xD800) << 10) + (next - 0xDC00), repairs);
                ++k;
                continue;
            }
        }
        append_decoded(out, u, repairs);  // a lone surrogate becomes U+FFFD
    }
    if (in.size() % 2 != 0) append_decoded(out, 0xD800, repairs);  // a truncated last unit
    return repairs;
}

Repairs transcode_utf32(std::string_view in, bool big_endian, std::string& out) {
    Repairs repairs;
    out.clear();
    out.reserve(in.size() / 2);
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    for (std::size_t i = 0; i + 4 <= in.size(); i += 4) {
        const char32_t cp = big_endian ? (char32_t(p[i]) << 24) | (char32_t(p[i + 1]) << 16) |
                                             (char32_t(p[i + 2]) << 8) | p[i + 3]
                                       : (char32_t(p[i + 3]) << 24) | (char32_t(p[i + 2]) << 16) |
                                             (char32_t(p[i + 1]) << 8) | p[i];
        append_decoded(out, cp, repairs);
    }
    if (in.size() % 4 != 0) append_decoded(out, 0xD800, repairs);
    return repairs;
}

enum class Guess { binary, utf16_le, utf16_be };

/// Text in BOM-less UTF-16 has its NULs in the high bytes of ASCII
/// characters, so nearly all on one parity; binary data has them on both.
Guess guess_nul_bytes(const std::string& bytes) {
    const std::size_t sample = std::min<std::size_t>(bytes.size(), 1u << 20) & ~std::size_t{1};
    std::size_t even = 0;
    std::size_t odd = 0;
    for (std::size_t i = 0; i < sample; i += 2) {
        even += bytes[i] == '\0';
        odd += bytes[i + 1] == '\0';
    }
    const std::size_t units = sample / 2;
    if (units == 0) return Guess::binary;
    if (odd * 16 >= units && even * 8 <= odd) return Guess::utf16_le;
    if (even * 16 >= units && odd * 8 <= even) return Guess::utf16_be;
    return Guess::binary;
}

/// Control bytes other than tab, line breaks, form feed and escape are rare in
/// text; a file full of them is binary even without NULs.
/// Control bytes a text file does not hold (whitespace and ESC are fine).
bool is_control_byte(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) || c == 0x7F;
}

/// The high bit of each byte of `x` that is_control_byte().
std::uint64_t control_bytes(std::uint64_t x) {
    const std::uint64_t allowed = swar::bytes_in(x, '\t', '\r' + 1) | swar::bytes_equal(x, 0x1B);
    return (swar::bytes_below(x, 0x20) & ~allowed) | swar::bytes_equal(x, 0x7F);
}

/// How many of the first `size` bytes at `data` is_control_byte(). Every
/// file read passes here (GCC at -O2 does not vectorise the byte loop): with
/// SSE2 sixteen bytes a step, counted in byte lanes, else eight with SWAR
/// (whose popcount is a libgcc call without -mpopcnt: 7 instructions a
/// byte, a third of reading a folder of articles, callgrind).
std::size_t count_control_bytes(const char* data, std::size_t size) {
    std::size_t control = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i below_space = _mm_set1_epi8(0x1F);
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i tab_to_return = _mm_set1_epi8('\r' - '\t');
    const __m128i escape = _mm_set1_epi8(0x1B);
    const __m128i del = _mm_set1_epi8(0x7F);
    while (i + 16 <= size) {
        // A lane counts to 255 at most: the lanes are summed every 255 steps.
        __m128i lanes = zero;
        for (int step = 0; step < 255 && i + 16 <= size; ++step, i += 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
            // Unsigned "at most" as min(x, n) == x: no signed compare takes bytes of 0x80 and up for low ones.
            const __m128i c0 = _mm_cmpeq_epi8(_mm_min_epu8(x, below_space), x);
            const __m128i from_tab = _mm_sub_epi8(x, tab);
            const __m128i space_like = _mm_cmpeq_epi8(_mm_min_epu8(from_tab, tab_to_return), from_tab);
            const __m128i allowed = _mm_or_si128(space_like, _mm_cmpeq_epi8(x, escape));
            const __m128i hit = _mm_or_si128(_mm_andnot_si128(allowed, c0), _mm_cmpeq_epi8(x, del));
            lanes = _mm_sub_epi8(lanes, hit);  // a hit is -1 in its lane
        }
        const __m128i sums = _mm_sad_epu8(lanes, zero);
        control += static_cast<std::uint32_t>(_mm_cvtsi128_si32(sums)) +
                   static_cast<std::size_t>(static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums))));
    }
#endif
    for (; i + 8 <= size; i += 8) control += static_cast<std::size_t>(std::popcount(control_bytes(swar::load(data + i))));
    for (; i < size; ++i) control += is_control_byte(static_cast<unsigned char>(data[i]));
    return control;
}

bool mostly_control_bytes(std::string_view bytes) {
    const std::size_t sample = std::min<std::size_t>(bytes.size(), 64u * 1024);
    const std::size_t control = count_control_bytes(bytes.data(), sample);
    return control >= 4 && control * 10 > sample;
}

void report(const Repairs& repairs, const std::string& text, const std::string& path, std::string_view what,
            Diagnostics& diagnostics) {
    if (repairs.count == 0) return;
    const LineIndex index(text);
    const LineCol at = index.at(static_cast<std::uint32_t>(repairs.first_offset));
    Diagnostic d;
    d.severity = Severity::warning;
    d.id = what == "UTF-8" ? "input.invalid-utf8" : "input.invalid-encoding";
    d.path = path;
    d.line = at.line;
    d.col = at.col;
    d.message = fmt::format("invalid {}: {} {} replaced by U+FFFD (the first here)", what, repairs.count,
                            what == "UTF-8" ? (repairs.count == 1 ? "byte" : "bytes")
                                            : (repairs.count == 1 ? "code unit" : "code units"));
    // A caret only helps on a line a terminal can show.
    if (const auto line = index.line_text(at.line); line.size() <= 300) d.source_line = std::string(line);
    diagnostics.add(std::move(d));
}

}  // namespace

bool is_blank(std::string_view text) {
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
    }
    return true;
}

bool decodes_to_itself(std::string_view bytes, bool file_start) {
    const auto starts_with = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (file_start) {
        if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF") || starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
            return false;
        }
        if (starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
        if (mostly_control_bytes(bytes)) return false;
    }
    if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) return false;
    return first_invalid(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) == bytes.size();
}

bool decode_text(std::string bytes, const std::string& path, std::string& text, std::string& reason,
                 Diagnostics& diagnostics) {
    // Most input is plain UTF-8: it becomes the text as it is, without a copy.
    if (decodes_to_itself(bytes, true)) {
        text = std::move(bytes);
        if (starts_with_bytes(text, "\xEF\xBB\xBF")) text.erase(0, 3);
        return true;
    }
    // UTF-32 first: its little-endian BOM starts like UTF-16's.
    if (starts_with_bytes(bytes, std::string_view("\xFF\xFE\0\0", 4)) ||
        starts_with_bytes(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
        const bool big = bytes[0] == '\0';
        report(transcode_utf32(std::string_view(bytes).substr(4), big, text), text, path, "UTF-32", diagnostics);
        return true;
    }
    if (starts_with_bytes(bytes, "\xFF\xFE") || starts_with_bytes(bytes, "\xFE\xFF")) {
        const bool big = bytes[0] == '\xFE';
        report(transcode_utf16(std::string_view(bytes).substr(2), big, text), text, path, "UTF-16", diagnostics);
        return true;
    }
    std::string_view body(bytes);
    if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) body.remove_prefix(3);
    if (std::memchr(body.data(), '\0', body.size()) != nullptr) {
        const Guess guess = guess_nul_bytes(bytes);
        if (guess == Guess::binary) {
            reason = "binary file (NUL bytes)";
            return false;
        }
        report(transcode_utf16(bytes, guess == Guess::utf16_be, text), text, path, "UTF-16", diagnostics);
        return true;
    }
    if (mostly_control_bytes(body)) {
        reason = "binary file (control bytes)";
        return false;
    }
    report(repair_utf8(body, text), text, path, "UTF-8", diagnostics);
    return true;
}

}  // namespace factline
