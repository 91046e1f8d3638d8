#include "grammar/date_prefilter.hpp"

#include <cstddef>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factline::grammar {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Case folded by bit 5, one range test: no other byte folds into 'a'..'z'.
bool is_letter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_separator(char c) { return c == '/' || c == '.' || c == '-'; }  // of numeric and ISO dates

/// Reads a text forward; past its end reads as '\0' (no word byte, no blank).
class Cursor {
public:
    Cursor(std::string_view text, const DateWordTable& words) : text_(text), words_(&words) {}

    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
    }
    void skip(std::size_t n) { at_ += n; }

    /// Skips the grammar's gap (spaces, tabs, no-break spaces); false when there is none.
    bool skip_gap() {
        const std::size_t start = at_;
        for (;;) {
            if (peek() == ' ' || peek() == '\t') {
                skip(1);
            } else if (peek() == '\xC2' && peek(1) == '\xA0') {
                skip(2);
            } else {
                return at_ != start;
            }
        }
    }

    /// Skips a run of digits; its length.
    std::size_t skip_digits() {
        std::size_t n = 0;
        for (; is_digit(peek()); skip(1)) ++n;
        return n;
    }

    /// Skips a run of letters; the kinds of the word they spell (case
    /// folded), 0 when the grammar has no such word. Keys end where letters
    /// do (at a '.', a word end or a gap), so a key that matches spells the
    /// whole run.
    std::uint16_t skip_word() {
        // Read in place rather than through peek(): the scanner asks at
        // most word starts of a text.
        DateWordTable::Letters letters{};
        const char* const word = text_.data() + at_;
        const std::size_t left = at_ < text_.size() ? text_.size() - at_ : 0;
        std::size_t n = 0;
        for (; n < left && n < letters.size() && is_letter(word[n]); ++n) letters[n] = static_cast<char>(word[n] | 0x20);
        while (n < left && is_letter(word[n])) ++n;  // a longer run is no key: only skipped
        at_ += n;
        return words_->kinds(letters, n);
    }

private:
    std::string_view text_;
    const DateWordTable* words_;
    std::size_t at_ = 0;
};

/// After the first number of "11/8/2022" or "2022-11-08": a separator, 1 or
/// 2 digits, a separator and the last number (4 digits, or 1 or 2 after a
/// year) at a word end.
bool date_numbers_follow(Cursor cursor, bool year_first) {
    if (!is_separator(cursor.peek())) return false;
    cursor.skip(1);
    const std::size_t middle = cursor.skip_digits();
    if (middle != 1 && middle != 2) return false;
    if (!is_separator(cursor.peek())) return false;
    cursor.skip(1);
    const std::size_t last = cursor.skip_digits();
    if (year_first ? last != 1 && last != 2 : last != 4) return false;
    return !is_letter(cursor.peek());
}

/// A number can start an ISO date (4 digits), a numeric date (1 or 2
/// digits), a day before a month ("11th of November") or, after a context
/// word, a year. Decimals and amounts ("1.5 mln", "15 pct") cannot.
bool number_may_start(Cursor cursor, bool after_context) {
    const std::size_t digits = cursor.skip_digits();
    if (digits == 4) {
        const char next = cursor.peek();
        return date_numbers_follow(cursor, true) || (after_context && !is_letter(next) && !is_digit(next));
    }
    if (digits != 1 && digits != 2) return false;
    if (date_numbers_follow(cursor, false)) return true;
    const char a = static_cast<char>(cursor.peek() | 0x20), b = static_cast<char>(cursor.peek(1) | 0x20);
    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
        cursor.skip(2);
    }
    if (!cursor.skip_gap()) return false;
    std::uint16_t word = cursor.skip_word();
    if ((word & day_month_link_word) != 0 && cursor.skip_gap()) {
        if ((word & month_word) != 0) return true;
        word = cursor.skip_word();
    }
    return (word & month_word) != 0;
}

/// Whether an expression may start with the word of kinds `word` that
/// `after` has just passed. A word of several kinds may start one as any of them.
bool word_may_start(std::uint16_t word, const Cursor& after, bool after_context) {
    if ((word & (weekday_word | weekday_abbreviation_word | deictic_word)) != 0) return true;
    if ((word & month_word) != 0) {
        if (after_context) return true;  // "in May"
        // Else a day or a year follows: "Nov. 11", "May 2022".
        Cursor next = after;
        if (next.peek() == '.') next.skip(1);
        if (next.skip_gap() && is_digit(next.peek())) return true;
    }
    if ((word & modifier_word) != 0) {
        // "last week", "this September", "next Friday"
        Cursor next = after;
        if (next.skip_gap() && (next.skip_word() & (unit_word | month_word | weekday_word)) != 0) return true;
    }
    if ((word & earlier_word) != 0) {
        // "earlier this week"
        Cursor next = after;
        if (next.skip_gap() && (next.skip_word() & modifier_word) != 0) return true;
    }
    return false;
}

#if defined(__SSE2__)
/// The word starts among sixteen bytes whose letter is one of a few (up to
/// `capacity`). The letters are broadcast once per scan, not again for every
/// sixteen bytes: a broadcast is four SSE2 instructions, a compare one.
class WordStartsWith {
public:
    static constexpr std::size_t capacity = 8;

    /// `letters`: lower-case ASCII letters, at most `capacity`. The slots
    /// past them hold 0, which no folded byte equals (folding sets bit 5):
    /// all `capacity` are compared, in straight-line code without a count.
    explicit WordStartsWith(const std::string& letters) {
        for (std::size_t k = 0; k < capacity; ++k) letters_[k] = _mm_set1_epi8(k < letters.size() ? letters[k] : '\0');
    }

    /// Bit k: text[k] is one of the letters (either case) and text[k - 1]
    /// no ASCII letter or digit. Reads text[-1] to text[15].
    [[nodiscard]] unsigned at(const char* text) const {
        const auto bytes = [](char c) { return _mm_set1_epi8(c); };  // constants: folded at compile time
        const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text));
        const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text - 1));
        // ASCII letters fold to lower case by bit 5; a fold to one of the letters is that letter.
        const __m128i folded = _mm_or_si128(here, bytes(0x20));
        __m128i first = _mm_setzero_si128();
#pragma GCC unroll 8
        for (std::size_t k = 0; k < capacity; ++k) first = _mm_or_si128(first, _mm_cmpeq_epi8(folded, letters_[k]));
        // A word byte before: an ASCII letter or digit (signed compares: bytes >= 0x80 are neither).
        const __m128i before_folded = _mm_or_si128(before, bytes(0x20));
        const __m128i letter_before = _mm_and_si128(_mm_cmpgt_epi8(before_folded, bytes('a' - 1)),
                                                    _mm_cmplt_epi8(before_folded, bytes('z' + 1)));
        const __m128i digit_before =
            _mm_and_si128(_mm_cmpgt_epi8(before, bytes('0' - 1)), _mm_cmplt_epi8(before, bytes('9' + 1)));
        const __m128i starts = _mm_andnot_si128(_mm_or_si128(letter_before, digit_before), first);
        return static_cast<unsigned>(_mm_movemask_epi8(starts));
    }

private:
    __m128i letters_[capacity];  // a plain array: std::array would drop __m128i's alignment attribute
};
#endif

}  // namespace

bool DatePrefilter::may_start_date(std::string_view rest) const {
    Cursor cursor(rest, words_);
    if (is_digit(cursor.peek())) return number_may_start(cursor, false);
    const std::uint16_t word = cursor.skip_word();
    if (word == 0) return false;  // most words of prose
    if (word_may_start(word, cursor, false)) return true;
    // A context word, a gap and an expression: "on Friday", "since 2014".
    if ((word & context_word) == 0 || !cursor.skip_gap()) return false;
    if (is_digit(cursor.peek())) return number_may_start(cursor, true);
    const std::uint16_t next = cursor.skip_word();
    return word_may_start(next, cursor, true);
}

bool DatePrefilter::separates(std::string_view text, std::size_t begin, std::size_t cut) const {
    // An expression is tried at a word start and reads on byte by byte, so to
    // read byte `cut` it must read every byte between. The grammar's rules
    // read letters, digits, blanks (' ', '\t', U+00A0), ',', '/', '-', '.',
    // an apostrophe ("'s", U+2019): any other byte stops them all. A '.' is
    // read only inside a dotted month or weekday abbreviation ("Nov.",
    // "Thurs.") and as a separator after digits ("11.8.2022").
    const auto readable = [](char c) {
        switch (c) {
            case ' ': case '\t': case ',': case '/': case '-': case '\'':
            case '\xC2': case '\xA0':               // U+00A0
            case '\xE2': case '\x80': case '\x99':  // U+2019
                return true;
            default:
                return false;
        }
    };
    for (std::size_t k = cut; k > begin; --k) {
        const char c = text[k - 1];
        if (class_of(c) != ByteClass::other) return false;  // an expression may start at this word and go on
        if (c == '.') {
            const std::size_t dot = k - 1;
            if (dot == begin || class_of(text[dot - 1]) == ByteClass::other) return true;
            if (class_of(text[dot - 1]) == ByteClass::digit) return false;
            // The letters before it: only a month or weekday abbreviation reads on.
            std::size_t start = dot;
            while (start > begin && class_of(text[start - 1]) == ByteClass::letter) --start;
            if (start > begin && class_of(text[start - 1]) == ByteClass::digit) return true;  // "2nd.": no key
            Cursor word(text.substr(start, dot - start), words_);
            return (word.skip_word() & (month_word | weekday_abbreviation_word)) == 0;
        }
        if (!readable(c)) return true;
    }
    return true;  // no word start in [begin, cut): no expression is tried before it
}

bool DatePrefilter::may_name_weekday(std::string_view text) const {
    // Every rule reads a weekday at the start of a word (after a gap or where
    // the expression starts).
    const auto weekday_at = [&](std::size_t start) {
        Cursor word(text.substr(start), words_);
        return (word.skip_word() & (weekday_word | weekday_abbreviation_word)) != 0;
    };
    if (words_.short_weekday_words()) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if ((i == 0 || class_of(text[i - 1]) == ByteClass::other) && weekday_at(i)) return true;
        }
        return false;
    }
    // Only words whose first three letters start a weekday word need a look.
    // They are found without a branch per byte (word ends are unpredictable):
    // a window slides over the last three letters and whether the byte
    // before them is a word byte.
    static constexpr std::array<std::uint8_t, 256> codes = [] {
        std::array<std::uint8_t, 256> out{};  // bits 0-4: letter number (case folded), bit 5: a word byte
        for (int c = 'a'; c <= 'z'; ++c) out[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(32 | (c - 'a' + 1));
        for (int c = 'A'; c <= 'Z'; ++c) out[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(32 | (c - 'A' + 1));
        for (int c = '0'; c <= '9'; ++c) out[static_cast<std::size_t>(c)] = 32;
        return out;
    }();
#if defined(__SSE2__)
    // Sixteen bytes at a time: the word starts whose first letter starts a
    // weekday word (few: most bytes are inside words) are found by comparing
    // whole vectors, and only those get the three-letter and word look.
    const std::string& firsts = words_.weekday_first_letters();
    const auto weekday_from = [&](std::size_t start) {
        if (start + 3 > text.size()) return false;
        const auto code = [&](std::size_t k) { return codes[static_cast<unsigned char>(text[k])] & 31u; };
        const std::uint32_t a = code(start), b = code(start + 1), c = code(start + 2);
        if (a == 0 || b == 0 || c == 0) return false;  // fewer than three letters
        return words_.may_start_weekday(a << 10 | b << 5 | c) && weekday_at(start);
    };
    if (!firsts.empty() && firsts.size() <= WordStartsWith::capacity && text.size() >= 17) {
        if (class_of(text[0]) == ByteClass::letter && firsts.find(static_cast<char>(text[0] | 0x20)) != std::string::npos &&
            weekday_from(0)) {
            return true;
        }
        const WordStartsWith starts(firsts);
        const auto any_weekday = [&](std::size_t at, unsigned mask) {
            for (; mask != 0; mask &= mask - 1) {
                if (weekday_from(at + static_cast<std::size_t>(__builtin_ctz(mask)))) return true;
            }
            return false;
        };
        std::size_t from = 1;
        for (; from + 16 <= text.size(); from += 16) {
            if (any_weekday(from, starts.at(text.data() + from))) return true;
        }
        // The last bytes as the last sixteen, without those already looked at
        // (text.size() >= 17: the byte before them is in the text).
        const std::size_t last = text.size() - 16;
        return from < text.size() && any_weekday(last, starts.at(text.data() + last) & (~0u << (from - last)));
    }
#endif
    std::uint32_t letters = 0;     // the last three bytes' letter numbers (0: not a letter), as pack3
    std::uint32_t word_bytes = 0;  // bit k: the byte k back is a word byte (none before the text)
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::uint8_t code = codes[static_cast<unsigned char>(text[i])];
        letters = ((letters << 5) | (code & 31u)) & 0x7fffu;
        word_bytes = (word_bytes << 1) | (code >> 5);
        // A packed start has no letter number 0, so a hit is three letters at i - 2.
        if ((word_bytes & 8u) == 0 && words_.may_start_weekday(letters) && weekday_at(i - 2)) return true;
    }
    return false;
}

}  // namespace factline::grammar
