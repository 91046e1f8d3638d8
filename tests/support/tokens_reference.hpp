#pragma once
// The tokenizer as it was written before its fast paths (checker/tokens.cpp
// at df56186): every character decoded and classified one at a time, an ASCII
// run found first and then written. Kept here only as the plain definition
// the fast tokenizer is compared with (tokens_test.cpp), token by token.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/tokens.hpp"
#include "checker/word_table.hpp"

namespace factline::reference {

/// A token as it was before texts became views: the text owned by each token.
struct Token {
    std::string text;
    std::uint64_t hash = 0;
    Span span;
    bool word = false;
    bool space_before = false;
    bool capitalised = false;
    bool quote = false;
};

namespace plain {

enum class CharClass { space, invisible, letter, double_quote, apostrophe, dash, punct };

struct CodePoint {
    char32_t value = 0;
    std::uint32_t size = 1;
};

inline CodePoint decode(std::string_view text, std::uint32_t at) {
    const auto byte = [&](std::uint32_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::uint32_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (size == 1 || at + size > text.size()) return {0xFFFD, 1};
    char32_t value = lead & (0x3F >> (size - 1));
    for (std::uint32_t i = 1; i < size; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return {0xFFFD, 1};
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    return {value, size};
}

inline void encode(char32_t cp, std::string& out) {
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

inline CharClass classify(char32_t cp) { return cp < 0x80 ? ascii_classes[cp] : classify_slowly(cp); }

// A word's hash is made as its text is written, not in a second pass over
// every token: word_hash (FNV-1a) takes one byte at a time, so appending a
// byte extends the hash of the text before it.
constexpr std::uint64_t hash_extend(std::uint64_t hash, char c) {
    return (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}
constexpr std::uint64_t empty_word_hash = word_hash("");
static_assert(hash_extend(hash_extend(empty_word_hash, 'o'), '\xC3') == word_hash("o\xC3"),
              "hash_extend must be word_hash's own step");

// Hashes the bytes of `text` from `from` on into `hash`.
inline std::uint64_t hash_extend(std::uint64_t hash, std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) hash = hash_extend(hash, text[i]);
    return hash;
}

inline bool is_upper(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
           (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) || (cp >= 0x400 && cp <= 0x42F);
}

inline void append_folded(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp >= 0xC0 && cp <= 0x17F) {
        if (cp == 0xDF) {
            out += "ss";
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

class Tokenizer {
public:
    Tokenizer(std::string_view text, Span span) : text_(text), span_(span) {}

    std::vector<Token> run() {
        std::uint32_t at = span_.begin;
        const std::uint32_t end = std::min<std::uint32_t>(span_.end, static_cast<std::uint32_t>(text_.size()));
        if (end > at) tokens_.reserve((end - at) / 4 + 1);  // about one token per four bytes of English
        bool space_before = true;
        while (at < end) {
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
            if (cls == CharClass::letter) {
                if (!in_word_) start_word(at, space_before, is_upper(cp.value));
                // An ASCII letter or digit opens a run of them, read below at once: most of English text.
                if (cp.value >= 0x80) {
                    Token& open = word();
                    const std::size_t from = open.text.size();
                    append_folded(cp.value, open.text);
                    open.hash = hash_extend(open.hash, open.text, from);
                    at += cp.size;
                }
                std::uint32_t run = at;
                while (run < end && ascii_alnum_lower[static_cast<unsigned char>(text_[run])] != 0) ++run;
                if (run > at) {
                    Token& open = word();
                    const std::size_t from = open.text.size();
                    open.text.resize(from + (run - at));
                    std::uint64_t hash = open.hash;
                    for (std::size_t i = 0; i < run - at; ++i) {
                        const char lower = ascii_alnum_lower[static_cast<unsigned char>(text_[at + i])];
                        open.text[from + i] = lower;
                        hash = hash_extend(hash, lower);
                    }
                    open.hash = hash;
                    at = run;
                }
                word().span.end = at;
                space_before = false;
                continue;
            }
            if (cls == CharClass::apostrophe && in_word_ && at + cp.size < end &&
                classify(decode(text_, at + cp.size).value) == CharClass::letter) {
                word().text.push_back('\'');  // inside a word: an apostrophe, not a quote
                word().hash = hash_extend(word().hash, '\'');
                word().span.end = at + cp.size;
                at += cp.size;
                continue;
            }
            flush_word();
            Token token;
            token.span = {at, at + cp.size};
            token.space_before = space_before;
            if (cls == CharClass::double_quote || cls == CharClass::apostrophe) {
                token.text = cls == CharClass::double_quote ? "\"" : "'";
                token.quote = true;
            } else if (cls == CharClass::dash) {
                token.text = "-";
            } else if (cp.value == 0x2026) {
                token.text = "...";
            } else {
                append_folded(cp.value, token.text);
            }
            token.hash = word_hash(token.text);
            tokens_.push_back(std::move(token));
            space_before = false;
            at += cp.size;
        }
        flush_word();
        return std::move(tokens_);
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
    }

    Token& word() { return tokens_.back(); }

    // Splits "'s" and "n't" off a finished word (their bytes stay exact).
    void flush_word() {
        if (!in_word_) return;
        in_word_ = false;
        Token& word = tokens_.back();
        std::string& t = word.text;
        // Both suffixes have an apostrophe second to last: most words are settled by one byte.
        if (t.size() <= 2 || t[t.size() - 2] != '\'') return;
        std::size_t cut = std::string::npos;
        std::string_view suffix;
        if (t.size() > 3 && t.compare(t.size() - 3, 3, "n't") == 0) {
            cut = t.size() - 3;
            suffix = "n't";
        } else if (t.size() > 2 && t.compare(t.size() - 2, 2, "'s") == 0) {
            cut = t.size() - 2;
            suffix = "'s";
        }
        if (cut == std::string::npos) return;
        // The suffix starts at the last apostrophe (which may be multi-byte); "n't" one byte earlier.
        std::uint32_t split = word.span.end;
        for (std::uint32_t at = word.span.begin; at < word.span.end;) {
            const CodePoint cp = decode(text_, at);
            if (classify(cp.value) == CharClass::apostrophe) split = at;
            at += cp.size;
        }
        if (suffix == "n't" && split > word.span.begin) --split;
        Token tail;
        tail.text = suffix;
        tail.hash = word_hash(suffix);
        tail.word = true;
        tail.span = {split, word.span.end};
        word.span.end = split;
        t.resize(cut);
        word.hash = word_hash(t);
        tokens_.push_back(std::move(tail));  // `word` is not used past this point
    }

    std::string_view text_;
    Span span_;
    std::vector<Token> tokens_;
    bool in_word_ = false;  // the last token is a word still being read
};

}  // namespace plain

/// Tokens of `span` in `text`, the plain way.
inline std::vector<Token> tokenize(std::string_view text, Span span) { return plain::Tokenizer(text, span).run(); }

}  // namespace factline::reference
