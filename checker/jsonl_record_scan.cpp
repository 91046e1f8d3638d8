// scan_json_record: one JSON Lines record read straight from its bytes. Every
// check mirrors nlohmann's lexer (3.11, detail/input/lexer.hpp) so that a
// record read here is a record nlohmann reads to the same members; whatever
// the scanner does not mirror, it refuses (returns false) rather than guesses.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "checker/jsonl_record.hpp"
#include "checker/utf8.hpp"

namespace factline {

namespace {

/// Byte classes inside a string literal.
enum Class : std::uint8_t {
    plain,     // copied as it is: U+0020..U+007F but '"' and '\\'
    quote,
    backslash,
    control,   // U+0000..U+001F: nlohmann wants them escaped
    lead,      // C2..F4: a multi-byte sequence may start here
    illformed  // 80..C1, F5..FF
};

constexpr std::array<Class, 256> make_classes() {
    std::array<Class, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        if (c < 0x20) classes[c] = control;
        else if (c == '"') classes[c] = quote;
        else if (c == '\\') classes[c] = backslash;
        else if (c < 0x80) classes[c] = plain;
        else if (c >= 0xC2 && c <= 0xF4) classes[c] = lead;
        else classes[c] = illformed;
    }
    return classes;
}

constexpr std::array<Class, 256> classes = make_classes();

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// The record's five members by name, each allowed once.
enum Member : std::uint8_t { id_member, text_member, url_member, outlet_member, published_member, other_member };

Member member_named(std::string_view name) {
    if (name == "id") return id_member;
    if (name == "text") return text_member;
    if (name == "url") return url_member;
    if (name == "outlet") return outlet_member;
    if (name == "published") return published_member;
    return other_member;
}

class Scanner {
public:
    explicit Scanner(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

    bool record(JsonRecord& out) {
        skip_space();
        if (!take('{')) return false;
        skip_space();
        if (take('}')) return at_end();
        unsigned seen = 0;
        while (true) {
            if (!take('"') || !string(name_, Buffer::reused)) return false;
            skip_space();
            if (!take(':')) return false;
            skip_space();
            const Member member = member_named(name_);
            if (member != other_member) {
                // nlohmann keeps a repeated name's last value; rare enough to leave to it.
                if (seen & (1u << member)) return false;
                seen |= 1u << member;
            }
            if (!value(member, out)) return false;
            skip_space();
            if (take('}')) return at_end();
            if (!take(',')) return false;
            skip_space();
        }
    }

private:
    bool value(Member member, JsonRecord& out) {
        if (p_ == end_) return false;
        RecordMember* target = nullptr;
        switch (member) {
            case text_member: target = &out.text; break;
            case url_member: target = &out.url; break;
            case outlet_member: target = &out.outlet; break;
            case published_member: target = &out.published; break;
            default: break;
        }
        switch (*p_) {
            case '"':
                ++p_;
                if (member == id_member) return string(out.id);
                if (target == nullptr) return string(ignored_, Buffer::reused);
                target->shape = MemberShape::string;
                return string(target->value);
            case 'n':
                return word("null");  // missing: the members start out so
            case 't':
            case 'f':
                if (target != nullptr) target->shape = MemberShape::other;
                return word(*p_ == 't' ? "true" : "false");  // an id that is not a string or number is ""
            default:
                // A number's text as dump() writes it (for "id") is nlohmann's to
                // make; type errors in the other members are rare.
                if (member != other_member) return false;
                return number();
        }
    }

    /// The rest of a string literal after its opening quote, decoded into `out`.
    /// Where a string goes: a record's value, kept for the whole run (trimmed
    /// to fit), or a buffer used again for the next name or ignored value.
    enum class Buffer { kept, reused };

    bool string(std::string& out, Buffer buffer = Buffer::kept) {
        const char* const start = p_;
        if (!to_quote_or_backslash()) return false;
        if (*p_ == '"') {
            out.assign(start, p_);
            ++p_;
            return true;
        }
        // Escapes: a decoded escape is never longer than its literal, so the
        // rest of the line bounds the string. Sized once and written through a
        // pointer, then trimmed to fit: the document keeps it for the whole run
        // (appending after each "\n" of a Reuters text cost +8 MB RSS).
        out.resize(static_cast<std::size_t>(end_ - start));
        char* written = out.data();
        std::memcpy(written, start, static_cast<std::size_t>(p_ - start));
        written += p_ - start;
        do {
            ++p_;  // the backslash
            if (!escape(written)) return false;
            if (!copy_to_quote_or_backslash(written)) return false;
        } while (*p_ == '\\');
        ++p_;  // the closing quote
        out.resize(static_cast<std::size_t>(written - out.data()));
        if (buffer == Buffer::kept) out.shrink_to_fit();
        return true;
    }

    /// to_quote_or_backslash(), copying the bytes it steps over to `written`
    /// (advanced past them). Sixteen plain bytes are copied as they are
    /// scanned, with no memcpy call per run between two escapes (a wrapped
    /// text has a "\n" in every line). Storing all sixteen is safe: the output
    /// is never ahead of the literal (an escape is never shorter decoded), and
    /// sixteen bytes of the literal are left.
    bool copy_to_quote_or_backslash(char*& written) {
#if defined(__SSE2__)
        while (end_ - p_ >= 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(written), bytes);
            if (const unsigned mask = not_plain(bytes); mask != 0) {
                const int plain = std::countr_zero(mask);
                p_ += plain;
                written += plain;
                if (*p_ == '"' || *p_ == '\\') return true;
                break;  // a control byte or a UTF-8 sequence: to_quote_or_backslash() judges it
            }
            p_ += 16;
            written += 16;
        }
#endif
        const char* const run = p_;
        if (!to_quote_or_backslash()) return false;
        std::memcpy(written, run, static_cast<std::size_t>(p_ - run));
        written += p_ - run;
        return true;
    }

    /// Steps to the next quote or backslash of a string literal; false at a
    /// control character, ill-formed UTF-8 (nlohmann's ranges) or the line's end.
    bool to_quote_or_backslash() {
        while (true) {
            skip_plain_words();
            if (p_ == end_) return false;
            switch (classes[static_cast<unsigned char>(*p_)]) {
                case plain:
                    ++p_;
                    break;
                case quote:
                case backslash:
                    return true;
                case lead: {
                    // nlohmann's ranges are Unicode's table 3-7, as utf8.hpp's.
                    const std::size_t length = utf8_sequence_length(reinterpret_cast<const unsigned char*>(p_),
                                                                    static_cast<std::size_t>(end_ - p_));
                    if (length == 0) return false;
                    p_ += length;
                    break;
                }
                case control:
                case illformed:
                    return false;
            }
        }
    }

#if defined(__SSE2__)
    /// Bit k: byte k of `bytes` is not plain (a control byte, one >= 0x80,
    /// '"' or '\\'). One signed compare finds both the control bytes and
    /// those >= 0x80 (negative as signed bytes).
    static unsigned not_plain(__m128i bytes) {
        const __m128i special = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                                             _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                          _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
        return static_cast<unsigned>(_mm_movemask_epi8(special));
    }
#endif

    /// Steps over plain bytes sixteen or eight at a time (a text is mostly plain ASCII:
    /// a byte at a time cost ~17 instructions per byte) up to the first byte
    /// that is not plain, or to fewer than eight bytes before the end.
    void skip_plain_words() {
#if defined(__SSE2__)
        // Sixteen at a time first.
        while (end_ - p_ >= 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
            if (const unsigned mask = not_plain(bytes); mask != 0) {
                p_ += std::countr_zero(mask);
                return;
            }
            p_ += 16;
        }
#endif
        constexpr std::uint64_t ones = 0x0101010101010101u;
        constexpr std::uint64_t highs = 0x8080808080808080u;
        // High bit of a byte set where the byte is 0 (exact for the lowest such byte).
        const auto zero_bytes = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
        while (end_ - p_ >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p_, 8);
            const std::uint64_t special = ((word - 0x20 * ones) & ~word & highs)  // < 0x20
                                          | zero_bytes(word ^ ('"' * ones)) | zero_bytes(word ^ ('\\' * ones))
                                          | (word & highs);  // >= 0x80
            if (special == 0) {
                p_ += 8;
                continue;
            }
            if constexpr (std::endian::native == std::endian::little) p_ += std::countr_zero(special) / 8;
            return;
        }
    }

    /// The escape after a backslash, decoded to `written` (advanced past it).
    bool escape(char*& written) {
        if (p_ == end_) return false;
        char decoded = 0;
        switch (*p_++) {
            case '"': decoded = '"'; break;
            case '\\': decoded = '\\'; break;
            case '/': decoded = '/'; break;
            case 'b': decoded = '\b'; break;
            case 'f': decoded = '\f'; break;
            case 'n': decoded = '\n'; break;
            case 'r': decoded = '\r'; break;
            case 't': decoded = '\t'; break;
            case 'u': return unicode_escape(written);
            default: return false;
        }
        *written++ = decoded;
        return true;
    }

    /// \uXXXX after its "\u"; a high surrogate must be followed by \u and a
    /// low one, and a low one may not stand alone.
    bool unicode_escape(char*& written) {
        const int first = hex4();
        if (first < 0) return false;
        std::uint32_t cp = static_cast<std::uint32_t>(first);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            const int second = hex4();
            if (second < 0xDC00 || second > 0xDFFF) return false;
            cp = ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(second) - 0xDC00) + 0x10000;
        }
        written = write_utf8(written, cp);
        return true;
    }

    int hex4() {
        if (end_ - p_ < 4) return -1;
        int value = 0;
        for (int k = 0; k < 4; ++k) {
            const int digit = hex_value(p_[k]);
            if (digit < 0) return -1;
            value = value * 16 + digit;
        }
        p_ += 4;
        return value;
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)? of at most 32 bytes: always a finite
    /// double. Exponents (1e99999 is an out_of_range error) are nlohmann's.
    bool number() {
        const char* start = p_;
        take('-');
        if (take('0')) {
            // a leading zero stands alone
        } else if (p_ != end_ && *p_ >= '1' && *p_ <= '9') {
            digits();
        } else {
            return false;
        }
        if (take('.') && digits() == 0) return false;
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) return false;
        return p_ - start <= 32;
    }

    std::size_t digits() {
        const char* start = p_;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return static_cast<std::size_t>(p_ - start);
    }

    bool word(std::string_view literal) {
        if (static_cast<std::size_t>(end_ - p_) < literal.size() || std::string_view(p_, literal.size()) != literal) {
            return false;
        }
        p_ += literal.size();
        return true;
    }

    bool take(char c) {
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }

    void skip_space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
    }

    bool at_end() {
        skip_space();
        return p_ == end_;
    }

    const char* p_;
    const char* end_;
    std::string name_;
    std::string ignored_;  // the value of a member ingest does not read
};

}  // namespace

bool scan_json_record(std::string_view line, JsonRecord& record) {
    return Scanner(line).record(record);
}

}  // namespace factline
