#pragma once
// The words of the date grammar's closed vocabularies (months, weekdays,
// modifiers, units, …) by the part they can play, read from the grammar's own
// tables so that the two never drift apart. For scanners that decide cheaply
// where the date rule cannot match (date_prefilter.hpp); no Boost header here.
// Says nothing about whether a date matches.
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace factline::grammar {

/// What a word can be in the date grammar; a word may be several at once.
enum DateWordKind : std::uint16_t {
    month_word = 1 << 0,                 // "march", "sept" ("Sept." without its dot)
    weekday_word = 1 << 1,               // "friday"
    weekday_abbreviation_word = 1 << 2,  // "fri", "thurs"
    modifier_word = 1 << 3,              // "last", "this", "next"
    unit_word = 1 << 4,                  // "week", "month", "year"
    deictic_word = 1 << 5,               // "yesterday", "today", "tomorrow"
    earlier_word = 1 << 6,               // "earlier", "later" (before "this week")
    context_word = 1 << 7,               // "on", "since", "said", … before an expression
    day_month_link_word = 1 << 8,        // "of" in "11th of November"
};

/// The grammar's words by their letters. Asked for nearly every word of a
/// document: words are bucketed by first letter and length, and compared as
/// two 64-bit numbers, so a lookup is a few loads (no hashing, no memcmp call).
class DateWordTable {
public:
    static constexpr std::size_t longest = 16;  // every key is shorter
    /// A word's letters, lower-case ASCII, zero-padded.
    using Letters = std::array<char, longest>;

    /// From each word's letters (a key's letters before any '.') and kinds.
    explicit DateWordTable(const std::map<std::string, std::uint16_t>& words);

    /// False when no key starts with `first` (a lower-case letter) and has
    /// `size` letters: then kinds() of such a word is 0.
    [[nodiscard]] bool may_have(char first, std::size_t size) const {
        const auto letter = static_cast<unsigned char>(first - 'a');
        if (size >= longest || letter >= 26) return false;
        const auto [begin, end] = ranges_[letter][size];
        return begin != end;
    }

    /// The kinds of the `size` letters of `letters`, 0 when no key has them.
    [[nodiscard]] std::uint16_t kinds(const Letters& letters, std::size_t size) const {
        const auto first = static_cast<unsigned char>(letters[0] - 'a');
        if (size == 0 || size >= longest || first >= 26) return 0;
        const auto [begin, end] = ranges_[first][size];
        std::uint64_t low = 0, high = 0;
        std::memcpy(&low, letters.data(), sizeof low);
        std::memcpy(&high, letters.data() + sizeof low, sizeof high);
        for (std::size_t i = begin; i < end; ++i) {
            if (entries_[i].low == low && entries_[i].high == high) return entries_[i].kinds;
        }
        return 0;
    }

    /// The first three letters of a word packed as 5-bit letter numbers
    /// (a = 1 … z = 26, the first letter highest), for scanners that slide
    /// over text byte by byte.
    [[nodiscard]] static std::uint32_t pack3(char a, char b, char c) {
        return static_cast<std::uint32_t>(((a - 'a' + 1) << 10) | ((b - 'a' + 1) << 5) | (c - 'a' + 1));
    }

    /// False when no weekday name or abbreviation starts with the three
    /// letters `packed` (pack3). Only meaningful without short_weekday_words().
    [[nodiscard]] bool may_start_weekday(std::uint32_t packed) const {
        return ((weekday_starts_[packed >> 6] >> (packed & 63)) & 1) != 0;
    }

    /// The lower-case letters that start a weekday name or abbreviation, each once.
    [[nodiscard]] const std::string& weekday_first_letters() const { return weekday_first_letters_; }

    /// True when some weekday name or abbreviation has fewer than three letters (none has).
    [[nodiscard]] bool short_weekday_words() const { return short_weekday_words_; }

private:
    struct Entry {
        std::uint64_t low = 0, high = 0;  // the zero-padded letters
        std::uint16_t kinds = 0;
    };
    std::vector<Entry> entries_;  // by first letter, then length
    std::array<std::array<std::pair<std::uint16_t, std::uint16_t>, longest>, 26> ranges_{};  // [begin, end) of entries_
    std::array<std::uint64_t, (1u << 15) / 64> weekday_starts_{};  // bit pack3(…) of each weekday word's start
    std::string weekday_first_letters_;
    bool short_weekday_words_ = false;
};

/// The date grammar's words, built once from its symbol tables.
[[nodiscard]] const DateWordTable& date_word_table();

}  // namespace factline::grammar
