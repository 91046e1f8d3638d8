#pragma once
// The API checker/ sees for the pattern language: parse_pattern(text) -> a
// plain tree (no Boost header here) or an error with its 1-based column.
// Knows nothing of slots' or classes' meaning (checker/patterns.cpp does).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factline::grammar {

struct PatternNode {
    enum class Kind { word, slot, word_class, gap, anchor, group };
    Kind kind = Kind::word;
    std::string text;       // word text, slot name or class name
    bool prefix = false;    // word ends in '*'
    unsigned max_gap = 0;   // gap: up to this many tokens
    bool optional = false;  // group: [ … ]
    std::vector<std::vector<PatternNode>> options;  // group alternatives
};

struct PatternParse {
    std::vector<PatternNode> nodes;  // empty on error
    std::optional<std::uint32_t> error_column;  // 1-based, in bytes of `text`
    std::string error;                          // "expected '}'", lower case
};

/// Parses one pattern string.
[[nodiscard]] PatternParse parse_pattern(std::string_view text);

}  // namespace factline::grammar
