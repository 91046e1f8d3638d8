#pragma once
// Tokenizer for matching: splits a span of a document into normalised tokens
// with their byte spans. Folds case, curly quotes and apostrophes, dashes,
// NBSP and other spaces, zero-width characters and Latin diacritics; splits a
// possessive "'s" and a negative "n't" off their word. Knows no vocabulary;
// does not find sentences (sentences.hpp) or names (lexicon_match.hpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/span.hpp"

namespace factline {

struct Token {
    std::string text;           // normalised: lower-case ASCII where possible; punctuation as one char
    std::uint64_t hash = 0;     // word_hash(text) (word_table.hpp): tables ask about the token without rehashing
    Span span;                  // bytes in the document
    bool word = false;          // letters or digits (also "'s", "n't")
    bool space_before = false;  // whitespace (or the span start) precedes the token
    bool capitalised = false;   // the original starts with an upper-case letter
    bool quote = false;         // a quotation mark (text is "\"" or "'")
};

/// Tokens of `span` in `text`, in order.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text, Span span);

/// Tokens of a whole string (lexicon aliases, pattern words, tests).
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

/// The normalised token texts of `text` (hyphen tokens kept).
[[nodiscard]] std::vector<std::string> token_texts(std::string_view text);

/// Normalised token texts joined by one space ("Kherson’s" -> "kherson 's").
[[nodiscard]] std::string normalise(std::string_view text);

}  // namespace factline
