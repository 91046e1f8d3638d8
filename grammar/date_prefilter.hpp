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
#include <string_view>

#include "grammar/date_words.hpp"

namespace factline::grammar {

class DatePrefilter {
public:
    DatePrefilter() : words_(date_word_table()) {}

    /// False when the date rule cannot match at the start of `rest` (which
    /// starts a word and ends where the scan ends); true when it may.
    [[nodiscard]] bool may_start_date(std::string_view rest) const;

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
