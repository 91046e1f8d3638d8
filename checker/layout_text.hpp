#pragma once
// Small text predicates the layout and sentence stages share: blanks (ASCII
// and U+00A0), closing quotes and brackets, sentence-final punctuation, word
// counts. Byte-level UTF-8; knows no vocabulary and no rules.
#include <cstdint>
#include <string_view>

#include "checker/span.hpp"

namespace factline::layout_text {

/// Length of the wider (non-ASCII) blank at `text[i]`, or 0; see blank_at.
[[nodiscard]] std::size_t wide_blank_at(std::string_view text, std::size_t i);

/// Length in bytes of the blank (space, tab, U+00A0, …) at `text[i]`, or 0.
/// Inline with an ASCII fast path: every layout and sentence scan asks it
/// about every byte.
[[nodiscard]] inline std::size_t blank_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) return 0;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;  // \t \n \v \f \r
    return wide_blank_at(text, i);
}
/// Length of the wider (non-ASCII) blank ending just before `text[end]`, or 0; see blank_before.
[[nodiscard]] std::size_t wide_blank_before(std::string_view text, std::size_t end);

/// Length of the blank ending just before `text[end]`, or 0. Inline with an
/// ASCII fast path, like blank_at: trim asks it at the end of every line.
[[nodiscard]] inline std::size_t blank_before(std::string_view text, std::size_t end) {
    // A wider blank ends in a non-ASCII byte.
    if (end > 0 && end <= text.size() && static_cast<unsigned char>(text[end - 1]) < 0x80) {
        return blank_at(text, end - 1);
    }
    return wide_blank_before(text, end);
}

/// `span` without leading and trailing blanks.
[[nodiscard]] Span trim(std::string_view text, Span span);

/// Length of a closing quote or bracket at `text[i]` (” ’ " ' » “ ) ]), or 0.
[[nodiscard]] std::size_t closer_at(std::string_view text, std::size_t i);
/// Length of the closer ending just before `text[end]`, or 0.
[[nodiscard]] std::size_t closer_before(std::string_view text, std::size_t end);

/// ends_sentence() of a line whose last byte is not plain ASCII: a blank,
/// a closer or a multi-byte character there needs the whole test.
[[nodiscard]] bool ends_sentence_slowly(std::string_view line, bool question);

/// True when `line` ends a sentence: ".", "!", "…" (or "?" when `question`),
/// possibly followed by closing quotes or brackets. Inline with a fast path:
/// layout asks it about most lines, and most end in an ASCII byte that is
/// no blank and no closer, which alone decides (… ends in a non-ASCII byte).
[[nodiscard]] inline bool ends_sentence(std::string_view line, bool question = true) {
    if (line.empty()) return false;
    const auto last = static_cast<unsigned char>(line.back());
    const bool plain = last > ' ' && last < 0x80 && last != '"' && last != '\'' && last != ')' && last != ']';
    if (!plain) return ends_sentence_slowly(line, question);
    return last == '.' || last == '!' || (question && last == '?');
}

/// Number of blank-separated words.
[[nodiscard]] std::size_t word_count(std::string_view text);

/// word_count(text), or `limit` when there are at least that many words:
/// reads only as far as it must ("at most 2 words?" asks word_count_up_to(text, 3) <= 2).
[[nodiscard]] std::size_t word_count_up_to(std::string_view text, std::size_t limit);

/// Index of the first ASCII digit in `text` at or after `from`, or text.size().
/// Reads eight bytes at a time: layout asks it about most lines.
[[nodiscard]] std::size_t find_digit(std::string_view text, std::size_t from = 0);

/// True for an ASCII lower-case letter or a UTF-8 lower-case Latin/Cyrillic
/// letter at `text[i]` (what a sentence does not start with).
[[nodiscard]] bool lower_at(std::string_view text, std::size_t i);

/// True when `line` reads like a title: 3–30 words, no sentence-final period,
/// not ending in ":" or ",".
[[nodiscard]] bool title_like(std::string_view line);

/// Double quotes opened and not yet closed ("…", “…”, „…“, «…»), read in
/// pieces: add() the text of a paragraph as it grows, then ask open().
class QuoteCount {
public:
    /// Reads `s`, the bytes that follow the ones read so far. Pieces are cut
    /// at line ends, where no mark can straddle the cut (a mark's trailing
    /// bytes are never a blank's or a line break's first byte), so reading in
    /// pieces counts as reading the whole at once.
    void add(std::string_view s);

    [[nodiscard]] bool open() const { return curly_ > 0 || guillemets_ > 0 || straight_ != 0; }

private:
    int curly_ = 0;
    int guillemets_ = 0;
    int straight_ = 0;
};

}  // namespace factline::layout_text
