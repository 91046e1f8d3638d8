#pragma once
// Tokenizer for matching: splits a span of a document into normalised tokens
// with their byte spans. Folds case, curly quotes and apostrophes, dashes,
// NBSP and other spaces, zero-width characters and Latin diacritics; splits a
// possessive "'s" and a negative "n't" off their word. Knows no vocabulary;
// does not find sentences (sentences.hpp) or names (lexicon_match.hpp).
//
// A token's text is a view into its Tokens (one buffer of normalised
// characters per tokenized span, or a string literal): building a
// std::string per token (construct, append, move, destroy) cost about as
// much as reading the characters. Token users take std::span<const Token>,
// which a Tokens, a std::vector<Token> or a part of either gives.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checker/span.hpp"

namespace factline {

struct Token {
    std::string_view text;      // normalised: lower-case ASCII where possible; punctuation as one char
                                // (into the Tokens it came from, or a literal: copies share it)
    std::uint64_t hash = 0;     // word_hash(text) (word_table.hpp): tables ask about the token without rehashing
    Span span;                  // bytes in the document
    bool word = false;          // letters or digits (also "'s", "n't")
    bool space_before = false;  // whitespace (or the span start) precedes the token
    bool capitalised = false;   // the original starts with an upper-case letter
    bool quote = false;         // a quotation mark (text is "\"" or "'")
};

/// The tokens of one span, in order, and the normalised text their views
/// point into. Move-only: the text is one heap block, which keeps its address
/// when the list is moved, so the views stay valid; a copy would still point
/// into the original. Does not keep the tokenized text itself alive (spans are
/// byte offsets into it).
class Tokens {
public:
    Tokens() = default;
    Tokens(std::unique_ptr<char[]> text, std::vector<Token> list) : text_(std::move(text)), list_(std::move(list)) {}
    Tokens(Tokens&&) noexcept = default;
    Tokens& operator=(Tokens&&) noexcept = default;
    Tokens(const Tokens&) = delete;
    Tokens& operator=(const Tokens&) = delete;

    [[nodiscard]] const Token* begin() const { return list_.data(); }
    [[nodiscard]] const Token* end() const { return list_.data() + list_.size(); }
    [[nodiscard]] const Token* data() const { return list_.data(); }
    [[nodiscard]] std::size_t size() const { return list_.size(); }
    [[nodiscard]] bool empty() const { return list_.empty(); }
    [[nodiscard]] const Token& operator[](std::size_t i) const { return list_[i]; }
    [[nodiscard]] const Token& front() const { return list_.front(); }
    [[nodiscard]] const Token& back() const { return list_.back(); }

private:
    std::unique_ptr<char[]> text_;  // the normalised characters the views point into
    std::vector<Token> list_;
};

/// Tokens of `span` in `text`, in order.
[[nodiscard]] Tokens tokenize(std::string_view text, Span span);

/// Tokens of a whole string (lexicon aliases, pattern words, tests).
[[nodiscard]] Tokens tokenize(std::string_view text);

/// The normalised token texts of `text` (hyphen tokens kept).
[[nodiscard]] std::vector<std::string> token_texts(std::string_view text);

/// Normalised token texts joined by one space ("Kherson’s" -> "kherson 's").
[[nodiscard]] std::string normalise(std::string_view text);

}  // namespace factline
