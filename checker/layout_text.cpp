#include "checker/layout_text.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "checker/swar.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factline::layout_text {

namespace {

unsigned char byte(std::string_view text, std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

bool starts(std::string_view text, std::size_t i, std::string_view what) {
    return text.substr(i, what.size()) == what;
}

// Closing marks, longest first. “ closes „…“ (German) quotes.
constexpr std::string_view closers[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x9C", "\xC2\xBB", "\"", "'", ")", "]"};

// An ASCII byte can only be a one-byte closer: the wider ones are all
// non-ASCII, so most bytes are answered without trying them.
bool ascii_closer(unsigned char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

/// True for the only bytes QuoteCount's marks start with.
bool quote_lead(unsigned char c) { return c == '"' || c == 0xE2 || c == 0xC2; }

/// Index of the first quote_lead byte in `s` at or after `from`, or s.size().
/// Eight bytes at a time: most of a paragraph holds none, and layout reads
/// every paragraph of a page.
std::size_t find_quote_lead(std::string_view s, std::size_t from) {
#if defined(__SSE2__)
    // Sixteen bytes at a time first.
    for (; from + 16 <= s.size(); from += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + from));
        const __m128i leads = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                           _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\xE2')),
                                                        _mm_cmpeq_epi8(x, _mm_set1_epi8('\xC2'))));
        if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(leads)); mask != 0) {
            return from + static_cast<std::size_t>(std::countr_zero(mask));
        }
    }
#endif
    const auto leads = [](std::uint64_t x) {
        return swar::bytes_equal(x, '"') | swar::bytes_equal(x, 0xE2) | swar::bytes_equal(x, 0xC2);
    };
    return swar::find_first(s, from, leads, quote_lead);
}

}  // namespace

std::size_t wide_blank_at(std::string_view text, std::size_t i) {
    // Byte by byte, not by comparing substrings: every curly quote and dash
    // (0xE2 …) of a line's ends and word counts is asked. byte() reads 0
    // past the end, which no blank's byte is.
    const unsigned char c = byte(text, i);
    if (c != 0xC2 && c != 0xE2 && c != 0xEF) return 0;  // the lead bytes of the wider blanks below
    const unsigned char second = byte(text, i + 1);
    if (c == 0xC2) return second == 0xA0 ? 2 : 0;  // no-break space
    const unsigned char third = byte(text, i + 2);
    if (c == 0xE2) return second == 0x80 && (third == 0x8B || third == 0xAF) ? 3 : 0;  // zero-width, narrow nbsp
    return second == 0xBB && third == 0xBF ? 3 : 0;                                    // stray BOM
}

std::size_t wide_blank_before(std::string_view text, std::size_t end) {
    for (std::size_t n : {1u, 2u, 3u}) {
        if (end >= n && blank_at(text, end - n) == n) return n;
    }
    return 0;
}

Span trim(std::string_view text, Span span) {
    std::size_t begin = span.begin;
    // A span past the text's end (never made by layout) keeps its end, as blank_before() reads nothing there.
    const bool past_the_text = span.end > text.size();
    std::size_t end = past_the_text ? text.size() : span.end;
    // ASCII blanks are tested inline (wrapped wire text indents every
    // paragraph); only a byte >= 0x80 may start or end a wider blank.
    while (begin < end) {
        const auto c = static_cast<unsigned char>(text[begin]);
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            ++begin;
            continue;
        }
        const std::size_t n = c < 0x80 ? 0 : wide_blank_at(text, begin);
        if (n == 0) break;
        begin += n;
    }
    if (past_the_text) return {static_cast<std::uint32_t>(begin), span.end};
    while (end > begin) {
        const auto c = static_cast<unsigned char>(text[end - 1]);
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            --end;
            continue;
        }
        const std::size_t n = c < 0x80 ? 0 : wide_blank_before(text, end);
        if (n == 0) break;
        end -= n;
    }
    return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

std::size_t closer_at(std::string_view text, std::size_t i) {
    if (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) {
        return ascii_closer(static_cast<unsigned char>(text[i])) ? 1 : 0;
    }
    for (auto closer : closers) {
        if (starts(text, i, closer)) return closer.size();
    }
    return 0;
}

std::size_t closer_before(std::string_view text, std::size_t end) {
    if (end == 0 || end > text.size()) return 0;
    const auto last = static_cast<unsigned char>(text[end - 1]);
    if (last < 0x80) return ascii_closer(last) ? 1 : 0;
    for (auto closer : closers) {
        if (end >= closer.size() && text.substr(end - closer.size(), closer.size()) == closer) return closer.size();
    }
    return 0;
}

bool ends_sentence_slowly(std::string_view line, bool question) {
    std::size_t end = trim(line, {0, static_cast<std::uint32_t>(line.size())}).end;
    while (std::size_t n = closer_before(line, end)) end -= n;
    if (end == 0) return false;
    const char last = line[end - 1];
    if (last == '.' || last == '!' || (question && last == '?')) return true;
    return end >= 3 && line.substr(end - 3, 3) == "\xE2\x80\xA6";  // …
}

std::size_t word_count(std::string_view text) { return word_count_up_to(text, text.size()); }

std::size_t word_count_up_to(std::string_view text, std::size_t limit) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size() && words < limit;) {
#if defined(__SSE2__)
        // Sixteen ASCII bytes at once, as the eight below.
        if (i + 16 <= text.size()) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            if (_mm_movemask_epi8(x) == 0) {
                const __m128i controls = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('\t' - 1)),
                                                       _mm_cmplt_epi8(x, _mm_set1_epi8('\r' + 1)));
                const auto blank = static_cast<unsigned>(
                    _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), controls)));
                const unsigned word = ~blank & 0xFFFFu;
                const unsigned before = word << 1 | (in_word ? 1u : 0u);
                words += static_cast<std::size_t>(std::popcount(word & ~before));
                in_word = (word >> 15) != 0;
                i += 16;
                continue;
            }
        }
#endif
        // Eight ASCII bytes at once: each is a blank (' ', \t … \r) or not,
        // and a word starts at a non-blank after a blank. Every position the
        // loop stops at starts a blank or a byte, so the eight bytes are whole
        // characters and read as the byte-wise loop below reads them.
        if (i + 8 <= text.size()) {
            const std::uint64_t x = swar::load(text.data() + i);
            if ((x & swar::highs) == 0) {
                const std::uint64_t blank = swar::bytes_equal(x, ' ') | swar::bytes_in(x, '\t', '\r' + 1);
                const std::uint64_t word = ~blank & swar::highs;
                const std::uint64_t before = word << 8 | (in_word ? 0x80u : 0u);
                words += static_cast<std::size_t>(std::popcount(word & ~before));
                in_word = (word >> 63) != 0;
                i += 8;
                continue;
            }
        }
        if (const std::size_t n = blank_at(text, i)) {
            in_word = false;
            i += n;
            continue;
        }
        if (!in_word) ++words;
        in_word = true;
        ++i;
    }
    return std::min(words, limit);  // eight bytes at once may count past the limit
}

std::size_t find_digit(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while they hold no digit (most lines hold few).
    // Bit k: byte k of the sixteen at `at` is a digit (signed compares:
    // bytes >= 0x80 are negative, below '0').
    const auto digits_at = [&](std::size_t at) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
        const __m128i digits =
            _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
        return static_cast<unsigned>(_mm_movemask_epi8(digits));
    };
    for (; from + 16 <= text.size(); from += 16) {
        if (const unsigned mask = digits_at(from); mask != 0) return from + static_cast<std::size_t>(std::countr_zero(mask));
    }
    if (from < text.size() && text.size() >= 16) {
        // The last bytes as the text's last sixteen, without those already looked at.
        const std::size_t last = text.size() - 16;
        const unsigned mask = digits_at(last) & (~0u << (from - last));
        return mask != 0 ? last + static_cast<std::size_t>(std::countr_zero(mask)) : text.size();
    }
#endif
    return swar::find_first(
        text, from, [](std::uint64_t x) { return swar::bytes_in(x, '0', '9' + 1); },
        [](unsigned char c) { return c >= '0' && c <= '9'; });
}

bool lower_at(std::string_view text, std::size_t i) {
    const unsigned char c = byte(text, i);
    if (c >= 'a' && c <= 'z') return true;
    const unsigned char d = byte(text, i + 1);
    if (c == 0xC3) return d >= 0x9F && d <= 0xBF;  // ß à … ÿ
    if (c == 0xD0) return d >= 0xB0 && d <= 0xBF;  // а … п
    if (c == 0xD1) return d >= 0x80 && d <= 0x9F;  // р … џ
    return false;
}

bool title_like(std::string_view line) {
    const Span trimmed = trim(line, {0, static_cast<std::uint32_t>(line.size())});
    const std::string_view text = trimmed.of(line);
    if (text.empty() || ends_sentence(text, false)) return false;
    const char last = text.back();
    if (last == ':' || last == ',' || last == ';') return false;
    const std::size_t words = word_count_up_to(text, 31);
    return words >= 3 && words <= 30;
}

void QuoteCount::add(std::string_view s) {
    for (std::size_t i = find_quote_lead(s, 0); i < s.size(); i = find_quote_lead(s, i + 1)) {
        const std::string_view rest = s.substr(i);
        if (rest.substr(0, 3) == "\xE2\x80\x9C" || rest.substr(0, 3) == "\xE2\x80\x9E") {
            // “ opens, except as the closer of „…“
            curly_ = (rest.substr(0, 3) == "\xE2\x80\x9C" && curly_ > 0) ? curly_ - 1 : curly_ + 1;
        } else if (rest.substr(0, 3) == "\xE2\x80\x9D") {
            curly_ = std::max(0, curly_ - 1);
        } else if (rest.substr(0, 2) == "\xC2\xAB") {
            ++guillemets_;
        } else if (rest.substr(0, 2) == "\xC2\xBB") {
            guillemets_ = std::max(0, guillemets_ - 1);
        } else if (s[i] == '"') {
            straight_ ^= 1;
        }
    }
}

}  // namespace factline::layout_text
