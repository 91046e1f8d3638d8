#include "checker/tokens.hpp"

#include <algorithm>
#include <array>

#include "checker/word_table.hpp"

namespace factline {

namespace {

enum class CharClass { space, invisible, letter, double_quote, apostrophe, dash, punct };

struct CodePoint {
    char32_t value = 0;
    std::uint32_t size = 1;
};

// A character of two to four bytes (or a stray byte, as U+FFFD).
CodePoint decode_multibyte(std::string_view text, std::uint32_t at) {
    const auto byte = [&](std::uint32_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::uint32_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (size == 1 || at + size > text.size()) return {0xFFFD, 1};
    char32_t value = lead & (0x3F >> (size - 1));
    for (std::uint32_t i = 1; i < size; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return {0xFFFD, 1};
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    return {value, size};
}

// An ASCII character is decoded inline: most characters of English news are,
// and the call cost more than the decoding. So is a well-formed character of
// two bytes (Latin, Greek, Cyrillic letters: most place-name aliases); C0 and
// C1 leads (overlong forms) are left to decode_multibyte.
inline CodePoint decode(std::string_view text, std::uint32_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) return {lead, 1};
    if (lead >= 0xC2 && lead < 0xE0 && at + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[at + 1]);
        if ((next & 0xC0) == 0x80) return {static_cast<char32_t>((lead & 0x1Fu) << 6 | (next & 0x3Fu)), 2};
    }
    return decode_multibyte(text, at);
}

// Writes at a cursor into the token text buffer, which is sized for the
// worst case before tokenizing (no capacity check per byte).
struct Cursor {
    char* at;
    constexpr void push_back(char c) { *at++ = c; }
};

// `Out` is a Cursor, or a std::string when the tables are made at compile time.
template <class Out>
constexpr void encode(char32_t cp, Out& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Base letters of U+00C0..U+017F ('*' = not a letter).
constexpr std::string_view latin1_fold = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr std::string_view latin_a_fold =
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiiijjkkklllllll"
    "lllnnnnnnnnnoooo" "oooorrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
static_assert(latin1_fold.size() == 64 && latin_a_fold.size() == 128);

constexpr bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Per byte: the ASCII letter or digit lower-cased, 0 for any other byte. One
// load per byte of a word's run, where range tests cost three compares.
constexpr auto ascii_alnum_lower = [] {
    std::array<char, 256> out{};
    for (int c = 0; c < 0x80; ++c) {
        if (is_ascii_alnum(static_cast<char>(c))) {
            out[static_cast<std::size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return out;
}();
constexpr CharClass classify_slowly(char32_t cp) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
        (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x2028 ||
        cp == 0x2029)
        return CharClass::space;
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD) return CharClass::invisible;
    if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0xAB || cp == 0xBB ||
        cp == 0x2033)
        return CharClass::double_quote;
    if (cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x2039 ||
        cp == 0x203A || cp == 0xB4 || cp == '`' || cp == 0x2BC)
        return CharClass::apostrophe;
    if (cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) return CharClass::dash;
    if (cp < 0x80) return is_ascii_alnum(static_cast<char>(cp)) ? CharClass::letter : CharClass::punct;
    if (cp >= 0xC0 && cp <= 0x17F) {
        const char base = cp <= 0xFF ? latin1_fold[cp - 0xC0] : latin_a_fold[cp - 0x100];
        return base == '*' ? CharClass::punct : CharClass::letter;
    }
    if (cp >= 0x2000 && cp <= 0x2BFF) return CharClass::punct;  // general punctuation, symbols, arrows
    return CharClass::letter;                                     // other scripts: kept as letters
}

// The class of every ASCII character, made by classify_slowly itself at compile
// time: most characters of English news are ASCII, and the chain of
// comparisons above cost the tokenizer more than anything else it does.
constexpr auto ascii_classes = [] {
    std::array<CharClass, 0x80> out{};
    for (char32_t cp = 0; cp < 0x80; ++cp) out[cp] = classify_slowly(cp);
    return out;
}();

// A word's hash is made as its text is written, not in a second pass over
// every token: word_hash (FNV-1a) takes one byte at a time, so appending a
// byte extends the hash of the text before it.
constexpr std::uint64_t hash_extend(std::uint64_t hash, char c) {
    return (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}
constexpr std::uint64_t empty_word_hash = word_hash("");
static_assert(hash_extend(hash_extend(empty_word_hash, 'o'), '\xC3') == word_hash("o\xC3"),
              "hash_extend must be word_hash's own step");

// Hashes the bytes [from, to) into `hash`.
std::uint64_t hash_extend(std::uint64_t hash, const char* from, const char* to) {
    for (; from != to; ++from) hash = hash_extend(hash, *from);
    return hash;
}

constexpr bool is_upper(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
           (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) || (cp >= 0x400 && cp <= 0x42F);
}

template <class Out>
constexpr void append_folded_slowly(char32_t cp, Out& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp >= 0xC0 && cp <= 0x17F) {
        if (cp == 0xDF) {
            out.push_back('s');
            out.push_back('s');
        } else {
            out.push_back(cp <= 0xFF ? latin1_fold[cp - 0xC0] : latin_a_fold[cp - 0x100]);
        }
    } else if (cp >= 0x410 && cp <= 0x42F) {
        encode(cp + 0x20, out);
    } else if (cp >= 0x400 && cp <= 0x40F) {
        encode(cp + 0x50, out);
    } else {
        encode(cp, out);
    }
}

// Every character of two bytes (U+0080..U+07FF), made by the functions above
// at compile time: its class, whether it is upper-case and its folded bytes
// (one or two). Place-name aliases are mostly Cyrillic or accented Latin, and
// the comparison chains cost ~100 instructions a letter: tokenizing the
// aliases was a sixth of loading the rules (callgrind, Reuters 1,500).
struct TwoByteChar {
    CharClass cls = CharClass::punct;
    bool upper = false;
    std::uint8_t folded_size = 0;
    std::array<char, 2> folded{};
};

constexpr auto two_byte_chars = [] {
    std::array<TwoByteChar, 0x800 - 0x80> out{};
    for (char32_t cp = 0x80; cp < 0x800; ++cp) {
        TwoByteChar& c = out[cp - 0x80];
        c.cls = classify_slowly(cp);
        c.upper = is_upper(cp);
        std::string folded;
        append_folded_slowly(cp, folded);
        if (folded.size() > c.folded.size()) throw "a two-byte character folds to more than two bytes";
        c.folded_size = static_cast<std::uint8_t>(folded.size());
        for (std::size_t i = 0; i < folded.size(); ++i) c.folded[i] = folded[i];
    }
    return out;
}();

constexpr bool is_two_byte(char32_t cp) { return cp >= 0x80 && cp < 0x800; }

CharClass classify(char32_t cp) {
    if (cp < 0x80) return ascii_classes[cp];
    return is_two_byte(cp) ? two_byte_chars[cp - 0x80].cls : classify_slowly(cp);
}

bool is_upper_fast(char32_t cp) { return is_two_byte(cp) ? two_byte_chars[cp - 0x80].upper : is_upper(cp); }

// Writes the folded character at `out`; returns the end of what it wrote.
char* append_folded(char32_t cp, char* out) {
    if (is_two_byte(cp)) {
        const TwoByteChar& c = two_byte_chars[cp - 0x80];
        out[0] = c.folded[0];
        out[1] = c.folded[1];  // past the end when one byte: within the worst case (the input had two)
        return out + c.folded_size;
    }
    Cursor cursor{out};
    append_folded_slowly(cp, cursor);
    return cursor.at;
}

// No character folds to more bytes than this per byte of input: a stray byte
// becomes U+FFFD (three bytes); every other character keeps its size or shrinks
// ("…" and the quotes and dashes that become literals write nothing).
constexpr std::size_t max_folded_per_byte = 3;
// The last character of a span may end past it (a span cut inside a
// character is read whole, as the text allows): a four-byte one on the span's
// last byte writes one byte more than that byte's three.
constexpr std::size_t past_the_end_slack = 4;

// Texts of the tokens that are not the folded input (string literals outlive every Tokens).
constexpr std::string_view double_quote_text = "\"";
constexpr std::string_view apostrophe_text = "'";
constexpr std::string_view dash_text = "-";
constexpr std::string_view ellipsis_text = "...";
constexpr std::string_view possessive_text = "'s";
constexpr std::string_view negation_text = "n't";

class Tokenizer {
public:
    Tokenizer(std::string_view text, Span span) : text_(text), span_(span) {}

    Tokens run() {
        std::uint32_t at = span_.begin;
        const std::uint32_t end = std::min<std::uint32_t>(span_.end, static_cast<std::uint32_t>(text_.size()));
        if (end > at) {
            tokens_.reserve((end - at) / 4 + 1);  // about one token per four bytes of English
            buffer_ = std::make_unique_for_overwrite<char[]>(max_folded_per_byte * (end - at) + past_the_end_slack);
            out_ = buffer_.get();
        }
        bool space_before = true;
        while (at < end) {
            // A run of ASCII letters and digits, most of English text, is read at once.
            const auto lead = static_cast<unsigned char>(text_[at]);
            if (ascii_alnum_lower[lead] != 0) {
                if (!in_word_) start_word(at, space_before, lead >= 'A' && lead <= 'Z');
                at = append_ascii_run(at, end);
                space_before = false;
                continue;
            }
            if (lead == ' ') {  // what most runs stop at: settled without decoding or classifying
                flush_word();
                space_before = true;
                ++at;
                continue;
            }
            const CodePoint cp = decode(text_, at);
            const CharClass cls = classify(cp.value);
            if (cls == CharClass::space) {
                flush_word();
                space_before = true;
                at += cp.size;
                continue;
            }
            if (cls == CharClass::invisible) {
                at += cp.size;
                continue;
            }
            if (cls == CharClass::letter) {  // not ASCII (those are read above)
                if (!in_word_) start_word(at, space_before, is_upper_fast(cp.value));
                Token& open = word();
                char* const from = out_;
                out_ = append_folded(cp.value, out_);
                open.hash = hash_extend(open.hash, from, out_);
                at += cp.size;
                open.span.end = at;
                space_before = false;
                continue;
            }
            if (cls == CharClass::apostrophe && in_word_ && at + cp.size < end &&
                classify(decode(text_, at + cp.size).value) == CharClass::letter) {
                *out_++ = '\'';  // inside a word: an apostrophe, not a quote
                word().hash = hash_extend(word().hash, '\'');
                word().span.end = at + cp.size;
                at += cp.size;
                continue;
            }
            flush_word();
            add_mark(cp, cls, at, space_before);
            space_before = false;
            at += cp.size;
        }
        flush_word();
        return Tokens(std::move(buffer_), std::move(tokens_));
    }

private:
    // The open word is built in place as the last token: no Token is moved per word.
    void start_word(std::uint32_t at, bool space_before, bool upper) {
        in_word_ = true;
        Token& word = tokens_.emplace_back();
        word.word = true;
        word.span = {at, at};
        word.space_before = space_before;
        word.capitalised = upper;
        word.hash = empty_word_hash;  // extended as the text is written
        word_text_ = out_;            // its text is what is written from here on (flush_word)
    }

    Token& word() { return tokens_.back(); }

    // Appends the ASCII letters and digits from `at` on (up to `end`) to the
    // open word, lower-cased, extending its hash; returns where it stopped.
    // One pass over the bytes: finding the run's end first and then writing
    // it into the word read every byte twice.
    std::uint32_t append_ascii_run(std::uint32_t at, std::uint32_t end) {
        Token& open = word();
        const char* in = text_.data() + at;
        const char* const stop = text_.data() + end;
        char* out = out_;
        std::uint64_t hash = open.hash;
        for (; in != stop; ++in) {
            const char lower = ascii_alnum_lower[static_cast<unsigned char>(*in)];
            if (lower == 0) break;
            *out++ = lower;
            hash = hash_extend(hash, lower);
        }
        out_ = out;
        open.hash = hash;
        open.span.end = static_cast<std::uint32_t>(in - text_.data());
        return open.span.end;
    }

    // A token of one mark (punctuation, quote, dash, symbol), made in place.
    void add_mark(CodePoint cp, CharClass cls, std::uint32_t at, bool space_before) {
        Token& token = tokens_.emplace_back();
        token.span = {at, at + cp.size};
        token.space_before = space_before;
        if (cls == CharClass::double_quote || cls == CharClass::apostrophe) {
            token.text = cls == CharClass::double_quote ? double_quote_text : apostrophe_text;
            token.quote = true;
        } else if (cls == CharClass::dash) {
            token.text = dash_text;
        } else if (cp.value == 0x2026) {
            token.text = ellipsis_text;
        } else {
            char* const from = out_;
            out_ = append_folded(cp.value, out_);
            token.text = {from, static_cast<std::size_t>(out_ - from)};
        }
        token.hash = word_hash(token.text);
    }

    // Closes the open word. Both suffixes split off ("'s", "n't") have an
    // apostrophe second to last: most words are settled by that one byte.
    void flush_word() {
        if (!in_word_) return;
        in_word_ = false;
        const std::string_view t = word().text = {word_text_, static_cast<std::size_t>(out_ - word_text_)};
        if (t.size() > 2 && t[t.size() - 2] == '\'') split_suffix();
    }

    // Splits "'s" and "n't" off the last word (their bytes stay exact).
    void split_suffix() {
        Token& word = tokens_.back();
        const std::string_view t = word.text;
        std::size_t cut = std::string::npos;
        std::string_view suffix;
        if (t.size() > 3 && t.ends_with(negation_text)) {
            cut = t.size() - 3;
            suffix = negation_text;
        } else if (t.size() > 2 && t.ends_with(possessive_text)) {
            cut = t.size() - 2;
            suffix = possessive_text;
        }
        if (cut == std::string::npos) return;
        // The suffix starts at the last apostrophe (which may be multi-byte); "n't" one byte earlier.
        std::uint32_t split = word.span.end;
        for (std::uint32_t at = word.span.begin; at < word.span.end;) {
            const CodePoint cp = decode(text_, at);
            if (classify(cp.value) == CharClass::apostrophe) split = at;
            at += cp.size;
        }
        if (suffix == negation_text && split > word.span.begin) --split;
        Token tail;
        tail.text = suffix;
        tail.hash = word_hash(suffix);
        tail.word = true;
        tail.span = {split, word.span.end};
        word.span.end = split;
        word.text = t.substr(0, cut);
        word.hash = word_hash(word.text);
        tokens_.push_back(std::move(tail));  // `word` is not used past this point
    }

    std::string_view text_;
    Span span_;
    std::vector<Token> tokens_;
    std::unique_ptr<char[]> buffer_;  // the tokens' folded text: max_folded_per_byte per input byte, and the slack
    char* out_ = nullptr;             // where the next folded byte goes
    const char* word_text_ = nullptr; // where the open word's text starts
    bool in_word_ = false;  // the last token is a word still being read
};

}  // namespace

Tokens tokenize(std::string_view text, Span span) { return Tokenizer(text, span).run(); }

Tokens tokenize(std::string_view text) {
    return tokenize(text, Span{0, static_cast<std::uint32_t>(text.size())});
}

std::vector<std::string> token_texts(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& token : tokenize(text)) out.emplace_back(token.text);
    return out;
}

std::string normalise(std::string_view text) {
    std::string out;
    for (const auto& token : tokenize(text)) {
        if (!out.empty()) out.push_back(' ');
        out += token.text;
    }
    return out;
}

}  // namespace factline
