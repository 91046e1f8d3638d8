#pragma once
// A cheap test, in plain C++, of where the date rule cannot match, so that the
// scanner (parse_dates) tries the X3 rule at few word starts. It mirrors how
// the grammar's expressions begin (date_def.hpp): a number shaped like a date
// ("11/8/2022", "2022-11-11", "11th of November", "in 2014"), a month before a
// day or year ("Nov. 11", "May 2022"), a weekday, a modifier before a unit,
// month or weekday ("last week"), a deictic word ("yesterday"), each possibly
// after a context word ("on", "since"). A necessary condition only: it may
// let through what the rule then rejects ("15 mln", "on May 45"), never the
// reverse; it builds nothing and gives no meaning. No Boost header here.
#include <array>
#include <cstdint>
#include <string_view>

#include "grammar/date_words.hpp"

namespace factline::grammar {

/// How the date scanners split text: ASCII letters and digits make words,
/// every other byte (UTF-8 included) separates them, as the grammar's word_end.
enum class ByteClass : std::uint8_t { other, letter, digit };

inline constexpr std::array<ByteClass, 256> byte_classes = [] {
    std::array<ByteClass, 256> classes{};
    for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = ByteClass::letter;
    for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = ByteClass::letter;
    for (int c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = ByteClass::digit;
    return classes;
}();

[[nodiscard]] inline ByteClass class_of(char c) { return byte_classes[static_cast<unsigned char>(c)]; }

class DatePrefilter {
public:
    DatePrefilter() : words_(date_word_table()) {}

    /// False when the date rule cannot match at the start of `rest` (which
    /// starts a word and ends where the scan ends); true when it may.
    [[nodiscard]] bool may_start_date(std::string_view rest) const;

    /// False when no expression parse_dates() finds in `text` can name a
    /// weekday (no word of `text` starts with a weekday name or abbreviation),
    /// so that checks of weekdays can skip the scan.
    [[nodiscard]] bool may_name_weekday(std::string_view text) const;

    /// True when byte `cut` of `text` separates a date scan that starts at
    /// byte `begin` (<= cut): no expression the rule may try at a word start
    /// in [begin, cut) can read byte `cut` or beyond, so the scan finds in
    /// [begin, cut) what a scan of [begin, cut) finds, and from `cut` on what
    /// a scan starting at `cut` finds, whatever the end. Judged by the bytes
    /// just before `cut`: true when, after its last letter or digit, one
    /// stands that no rule reads ("\n", '"', ')', "Friday." and most ends of
    /// sentences), or none stands in [begin, cut). False is no verdict.
    [[nodiscard]] bool separates(std::string_view text, std::size_t begin, std::size_t cut) const;

    /// A first look at a word of `size` ASCII letters that starts with
    /// `first`: false when may_start_date() at it is false for its letters
    /// alone (no grammar word has that first letter and length: most words
    /// of prose), so that a scanner can skip it without a call.
    [[nodiscard]] bool may_start_with(char first, std::size_t size) const {
        return words_.may_have(static_cast<char>(first | 0x20), size);
    }

private:
    const DateWordTable& words_;
};

}  // namespace factline::grammar
