// Sentence splitting. A boundary is sentence-final punctuation (plus closing
// quotes/brackets) followed by a blank and a word that does not start in
// lower case — unless the period ends an abbreviation or an initial, or a
// quotation is open that closes later in the same block (so that “… defined.
// There are no changes …,” Peskov said. stays one sentence with its speaker).
#include "checker/sentences.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "checker/layout_text.hpp"

namespace factline {

namespace lt = layout_text;

namespace {

// Abbreviations are orthography, not vocabulary of the domain: they stay here.
// Titles never end a sentence before a name.
constexpr std::array<std::string_view, 24> titles = {"Mr",   "Mrs", "Ms",   "Dr",  "St",  "Lt",   "Col",  "Gen",
                                                     "Sgt",  "Maj", "Capt", "Gov", "Sen", "Rep",  "Rev",  "Prof",
                                                     "Adm",  "Brig", "Cpl", "Pvt", "Cmdr", "Gens", "vs", "Messrs"};
// These end a sentence only before a typical sentence opener ("… in the U.S. The talks …").
constexpr std::array<std::string_view, 26> weak = {"Jan", "Feb",  "Mar", "Apr", "Jun", "Jul", "Aug",  "Sep", "Sept",
                                                   "Oct", "Nov",  "Dec", "etc", "Inc", "Co",  "Corp", "Ltd", "Jr",
                                                   "Sr",  "approx", "Ave", "Blvd", "Mt", "Ft",  "al",   "Bros"};
// These precede a number ("No. 1").
constexpr std::array<std::string_view, 5> numbered = {"No", "Nos", "Nr", "Art", "Fig"};
constexpr std::array<std::string_view, 32> openers = {
    "The",   "A",     "An",   "He",    "She",     "It",    "They",  "We",   "I",      "But",   "And",
    "In",    "On",    "This", "That",  "These",   "Those", "There", "His",  "Her",    "Its",   "Their",
    "Our",   "As",    "At",   "After", "However", "Meanwhile", "While", "When", "Since", "Also"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool ascii_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

/// The word just before a period at `dot` ("U.S" for "U.S.", "Feb", "J").
std::string_view word_before(std::string_view text, std::size_t begin, std::size_t dot) {
    std::size_t start = dot;
    while (start > begin && (ascii_alpha(text[start - 1]) || text[start - 1] == '.')) --start;
    return text.substr(start, dot - start);
}

std::string_view word_at(std::string_view text, std::size_t at, std::size_t end) {
    std::size_t stop = at;
    while (stop < end && ascii_alpha(text[stop])) ++stop;
    return text.substr(at, stop - at);
}

/// True when the period at `dot` ends an abbreviation rather than the sentence.
bool abbreviation(std::string_view text, std::size_t begin, std::size_t dot, std::size_t next, std::size_t end) {
    const std::string_view word = word_before(text, begin, dot);
    if (word.empty()) return false;
    const bool next_digit = next < end && std::isdigit(static_cast<unsigned char>(text[next])) != 0;
    if (among(titles, word)) return true;
    if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) return true;  // "J. Smith"
    if (among(numbered, word)) return next_digit;
    const bool dotted = word.find('.') != std::string_view::npos;  // "U.S", "U.N", "e.g"
    if (dotted || among(weak, word)) return !among(openers, word_at(text, next, end));
    return false;
}

/// Quotation state while scanning one block.
class Quotes {
public:
    /// Updates the state with the mark at `i`; returns its length (0 when none).
    std::size_t step(std::string_view text, std::size_t i) {
        const std::string_view rest = text.substr(i, 3);
        if (rest == "\xE2\x80\x9E") return open('L', 3);                            // „
        if (rest == "\xE2\x80\x9C") return opener_ == 'L' ? close(3) : open('C', 3);  // “ (closes „…“)
        if (rest == "\xE2\x80\x9D") return close(3);                                   // ”
        if (rest.substr(0, 2) == "\xC2\xAB") return open('G', 2);                      // «
        if (rest.substr(0, 2) == "\xC2\xBB") return close(2);                          // »
        if (text[i] == '"') return opener_ == 'S' ? close(1) : (opener_ == 0 ? open('S', 1) : 1);
        return 0;
    }
    [[nodiscard]] bool is_open() const { return opener_ != 0; }
    void reset() { opener_ = 0; }

    /// True when a mark closing the open quotation follows in text[from, end).
    [[nodiscard]] bool closes_later(std::string_view text, std::size_t from, std::size_t end) const {
        // A quotation that has not closed within a few paragraphs' length never
        // will; bounding the look-ahead keeps splitting linear on huge blocks.
        constexpr std::size_t quote_reach = 4096;
        const std::string_view rest = text.substr(from, std::min(end - from, quote_reach));
        switch (opener_) {
            case 'L': return rest.find("\xE2\x80\x9C") != rest.npos || rest.find("\xE2\x80\x9D") != rest.npos;
            case 'C': return rest.find("\xE2\x80\x9D") != rest.npos;
            case 'G': return rest.find("\xC2\xBB") != rest.npos;
            case 'S': return rest.find('"') != rest.npos;
            default: return false;
        }
    }

private:
    std::size_t open(char opener, std::size_t length) {
        if (opener_ == 0) opener_ = opener;  // a second opener inside an open quote re-opens it
        return length;
    }
    std::size_t close(std::size_t length) {
        opener_ = 0;
        return length;
    }
    char opener_ = 0;  // 0, 'L' („), 'C' (“), 'G' («), 'S' (")
};

/// Length of sentence-final punctuation at `i` ("." "!" "?" "…" and runs of them), or 0.
std::size_t terminal_at(std::string_view text, std::size_t i, std::size_t end) {
    std::size_t j = i;
    while (j < end) {
        if (text[j] == '.' || text[j] == '!' || text[j] == '?') {
            ++j;
        } else if (text.substr(j, 3) == "\xE2\x80\xA6") {
            j += 3;
        } else {
            break;
        }
    }
    return j - i;
}

/// The first bytes of what Quotes::step and terminal_at look for: '"', '.',
/// '!', '?', and the lead bytes of „ “ ” … (0xE2) and « » (0xC2).
constexpr std::array<char, 6> mark_or_end_bytes = {'"', '.', '!', '?', '\xE2', '\xC2'};

bool may_mark_or_end(char c) {
    static constexpr auto table = [] {
        std::array<bool, 256> t{};
        for (const char b : mark_or_end_bytes) t[static_cast<unsigned char>(b)] = true;
        return t;
    }();
    return table[static_cast<unsigned char>(c)];
}

/// The first byte in [i, end) that may_mark_or_end, else `end`. Most bytes of
/// prose are none: with SSE2 sixteen are tested at once.
std::size_t next_mark_or_end(std::string_view text, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
    for (; i + 16 <= end; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        __m128i hits = _mm_setzero_si128();
        for (const char b : mark_or_end_bytes) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b)));
        if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0) {
            return i + static_cast<std::size_t>(__builtin_ctz(mask));
        }
    }
#endif
    while (i < end && !may_mark_or_end(text[i])) ++i;
    return i;
}

/// Sentences longer than this are cut at a space: real ones are far shorter,
/// and bounded sentences keep every later stage linear on hostile input
/// (a 50 MB line without a full stop).
constexpr std::uint32_t max_sentence_bytes = 3000;

void append_bounded(std::string_view text, Span sentence, std::vector<Span>& out) {
    while (sentence.size() > max_sentence_bytes) {
        std::uint32_t cut = sentence.begin + max_sentence_bytes;
        while (cut > sentence.begin + max_sentence_bytes / 2 && text[cut] != ' ') --cut;
        if (text[cut] != ' ') {  // no space in the second half: cut at a code-point boundary
            cut = sentence.begin + max_sentence_bytes;
            while (cut > sentence.begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        }
        const Span piece = lt::trim(text, {sentence.begin, cut});
        if (!piece.empty()) out.push_back(piece);
        sentence.begin = cut;
    }
    const Span rest = lt::trim(text, sentence);
    if (!rest.empty()) out.push_back(rest);
}

}  // namespace

std::vector<Span> split_span(std::string_view text, Span span) {
    std::vector<Span> out;
    const std::size_t end = std::min<std::size_t>(span.end, text.size());
    std::size_t start = span.begin;
    Quotes quotes;
    std::size_t i = span.begin;
    while (i < end) {
        // Only quotation marks and sentence-final punctuation change anything: skip the rest.
        i = next_mark_or_end(text, i, end);
        if (i >= end) break;
        if (const std::size_t mark = quotes.step(text, i)) {
            i += mark;
            continue;
        }
        const std::size_t terminal = terminal_at(text, i, end);
        if (terminal == 0) {
            ++i;
            continue;
        }
        std::size_t j = i + terminal;
        bool closed = false;
        while (j < end) {
            std::size_t n = lt::closer_at(text, j);
            if (n == 0) break;
            if (text.substr(j, n) == "\xE2\x80\x9C" && !quotes.is_open()) break;  // “ opening the next quote
            if (const std::size_t q = quotes.step(text, j)) n = q;
            closed = true;
            j += n;
        }
        if (j < end && lt::blank_at(text, j) == 0) {
            i = j;
            continue;
        }
        std::size_t next = j;
        while (next < end && lt::blank_at(text, next) != 0) next += lt::blank_at(text, next);
        const bool boundary =
            next >= end ||
            (!lt::lower_at(text, next) &&
             !(terminal == 1 && text[i] == '.' && !closed && abbreviation(text, span.begin, i, next, end)) &&
             !(quotes.is_open() && quotes.closes_later(text, next, end)));
        if (boundary) {
            quotes.reset();
            append_bounded(text, {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(j)}, out);
            start = next;
        }
        i = next > j ? next : j;
    }
    append_bounded(text, {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)}, out);
    return out;
}

std::vector<Sentence> split_sentences(std::string_view text, const Layout& layout) {
    std::vector<Sentence> out;
    for (std::uint32_t b = 0; b < layout.blocks.size(); ++b) {
        const Block& block = layout.blocks[b];
        if (!Layout::extractable(block.kind) || block.duplicate) continue;
        Span span = block.span;
        if (layout.dateline && layout.dateline->span.begin >= span.begin && layout.dateline->span.end <= span.end) {
            span.begin = layout.dateline->span.end;  // the dateline is not part of the first sentence
        }
        bool first = true;
        for (const Span& sentence : split_span(text, span)) {
            out.push_back({sentence, b, block.kind == BlockKind::headline, first});
            first = false;
        }
    }
    return out;
}

}  // namespace factline
