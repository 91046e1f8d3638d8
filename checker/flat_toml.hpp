#pragma once
// A fast reader for the plainest TOML: `[name]` tables of `key = value` lines,
// where a value is a basic string without escapes, a decimal integer, a
// boolean or a one-line array of such strings. That is the whole shape of a
// generated gazetteer pack (rules/places/lexicon/regions.toml, 645 KB), which
// toml++ parsed at ~230 instructions a byte: two thirds of loading the rules,
// the largest cost of a run on a small corpus (issue 7). Anything else in the
// file, however valid, makes the reader decline, and the caller parses the
// file with toml++ as before, so diagnostics (file:line:col) and every other
// TOML form keep one implementation.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace factline {

/// One value of a flat table. Strings view the file's text (they hold no escapes).
struct FlatValue {
    enum class Kind { string, integer, boolean, strings };
    Kind kind = Kind::string;
    std::string_view text;                  // Kind::string
    std::int64_t integer = 0;               // Kind::integer
    bool boolean = false;                   // Kind::boolean
    std::vector<std::string_view> strings;  // Kind::strings
};

/// A `[name]` table and its keys in file order (each key once).
struct FlatTable {
    std::string_view name;
    std::vector<std::pair<std::string_view, FlatValue>> keys;

    /// The value of `key`, or null.
    [[nodiscard]] const FlatValue* find(std::string_view key) const;
};

/// The tables of `text` (each name once, in file order) when the whole text is
/// valid UTF-8 in the flat shape above, with toml++'s meaning; nullopt when
/// anything is outside it (then parse with toml++, which also reports errors).
[[nodiscard]] std::optional<std::vector<FlatTable>> read_flat_toml(std::string_view text);

}  // namespace factline
