#pragma once
// Shared lexical parsers for the prose grammars (words, numbers, blanks), as
// calc9's common.hpp. Plain X3 parser objects without semantic actions; every
// grammar TU that includes this gets its own copy. Holds no vocabulary beyond
// punctuation and digits.
#include "grammar/config.hpp"

namespace factline::grammar::lexical {

/// An ASCII letter or digit; bytes of UTF-8 sequences are not word characters.
inline const auto word_char = x3::ascii::alnum;

/// The end of a word: the next byte is not a letter or digit (or the text ends).
inline const auto word_end = !word_char;

/// Blanks inside one line: spaces, tabs and no-break spaces (U+00A0).
inline const auto blank = x3::lit(' ') | x3::lit('\t') | x3::lit("\xC2\xA0");
inline const auto gap = +blank;

/// 1 or 2 digits, as in a day or month number.
inline const auto one_or_two_digits = x3::uint_parser<int, 10, 1, 2>{};
/// Exactly 4 digits, as in a year.
inline const auto four_digits = x3::uint_parser<int, 10, 4, 4>{};

/// "st", "nd", "rd", "th" after a day number ("8th").
inline const auto ordinal_suffix = x3::no_case[x3::lit("st") | "nd" | "rd" | "th"];

/// "'s" or "’s" (U+2019) after a word ("Friday's").
inline const auto possessive = (x3::lit('\'') | x3::lit("\xE2\x80\x99")) >> x3::no_case[x3::lit('s')] >> word_end;

}  // namespace factline::grammar::lexical
