#pragma once
// Stage 2: article layout. Splits a scraped page into blocks (headline, header
// date lines, dateline, byline, captions, body paragraphs, end matter) and
// removes boilerplate (reader comments, share widgets, appeals, …) as told by
// the rule pack's layout rules. Reads structure only; dates are parsed by the
// time stage, sentences by the sentence stage.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/line_pattern_index.hpp"
#include "checker/span.hpp"

namespace factline {

enum class BlockKind { headline, header, byline, caption, body, end_matter, boilerplate };

[[nodiscard]] const char* to_string(BlockKind kind);

/// One block of lines (usually a paragraph, or one line for headers/captions).
struct Block {
    BlockKind kind = BlockKind::body;
    Span span;                  // bytes of the block, line breaks trimmed
    std::uint32_t first_line = 0;  // 1-based
    std::uint32_t last_line = 0;
    std::string rule;           // for boilerplate and captions: id of the layout rule that decided it
    bool duplicate = false;     // a repeat of the headline on the next lines: not extracted again
};

/// A dateline at the start of the body ("MOSCOW, Nov 11 (Reuters) –",
/// "MOSCOW—", "KYIV, Ukraine (AP) —"). Its date, if any, is parsed by the time stage.
struct Dateline {
    Span span;        // the whole dateline prefix, including its dash
    Span place;       // "MOSCOW"
    Span date;        // "Nov 11" (empty when the dateline carries no date)
    std::string agency;  // "Reuters", "AP", … or ""
};

struct Layout {
    std::vector<Block> blocks;          // in text order; boilerplate blocks included (kind boilerplate)
    std::optional<Span> headline;       // first headline occurrence
    std::optional<Dateline> dateline;
    std::uint32_t boilerplate_lines = 0;  // non-blank lines removed as boilerplate
    /// True when the block may yield assertions (body and headline).
    [[nodiscard]] static bool extractable(BlockKind kind) {
        return kind == BlockKind::body || kind == BlockKind::headline;
    }
};

/// How one boilerplate rule recognises lines. Patterns are case-insensitive;
/// `*` matches any text and `#` one number (e.g. "Liked by # people").
/// Written in TOML as one glob over the whole trimmed line: a leading and/or
/// trailing `*` gives starts_with / contains / ends-with (kept in `text`).
struct LinePattern {
    enum class Match { equals, starts_with, contains };
    Match match = Match::equals;
    std::string text;
    // Compiled once by make_line_pattern: `text` folded like a line (fold_line),
    // and, when it has a `*`/`#` inside, the whole glob including the edge `*`s.
    std::string folded;
    std::string glob;
    bool wildcard = false;
    // The longest literal piece of `glob`: a line without it cannot match, and
    // looking for it is much cheaper than the backtracking glob.
    std::string must_contain;
};

/// The LinePattern a TOML glob stands for ("Leave a Reply*" → starts_with).
[[nodiscard]] LinePattern make_line_pattern(std::string_view glob);

/// A line as patterns see it: lower-case ASCII, blanks trimmed and collapsed,
/// curly apostrophes straight. Fold a line once and ask every pattern.
[[nodiscard]] std::string fold_line(std::string_view line);

/// fold_line(line) written at `out`, which has room for line.size() bytes
/// (folding never lengthens a line); returns the folded length. One buffer
/// can hold many folded lines.
std::size_t fold_line_to(std::string_view line, char* out);

/// True when `line` (any surrounding blanks ignored, runs of blanks as one
/// space, ’ as ') matches `pattern`.
[[nodiscard]] bool line_matches(const LinePattern& pattern, std::string_view line);

/// The same for a line already folded with fold_line().
[[nodiscard]] bool folded_line_matches(const LinePattern& pattern, std::string_view folded);

/// A rule from rules/<pack>/layout/*.toml.
struct BoilerplateRule {
    std::string id;        // e.g. "core.boilerplate.comments"
    enum class Action { drop_line, drop_to_end, drop_block };
    Action action = Action::drop_line;
    std::vector<LinePattern> patterns;
    std::string description;
    /// What the matched lines are: boilerplate (counted in boilerplate_lines),
    /// or end_matter, byline, caption, header (kept but never extracted).
    BlockKind kind = BlockKind::boilerplate;
    /// drop_to_end/drop_line: the cut starts earlier, at the first line of a
    /// contiguous run just before the match whose lines match one of these
    /// (indented lines may sit inside the run): a numbered comment list
    /// before its "Liked by N people".
    std::vector<LinePattern> starts_back_at;
    std::uint32_t max_words = 0;  // > 0: only lines of at most this many words match
    std::vector<std::string> examples;  // lines that must match (`factline rules test`)
    std::vector<std::string> counter;   // lines that must not
};

struct LayoutRules {
    std::vector<BoilerplateRule> boilerplate;
    std::vector<LinePattern> caption_credits;  // "via Reuters", "© Getty", "AP Photo/" … (from kind = "caption" rules)
    /// The boilerplate rules whose patterns the caption credits are, each once
    /// (filled by load_layout_rules): when the index lets none of them through
    /// for a line, no credit can match it either, and layout does not ask.
    /// Rules assembled by hand must list them too, or no credit is ever asked.
    std::vector<std::uint32_t> credit_rules;
    // Rebuilt by load_layout_rules over everything loaded so far.
    LinePatternIndex boilerplate_index;  // one group per boilerplate rule
    LinePatternIndex credit_index;       // one group per caption credit
};

/// True when `rule` accepts `line` (its patterns and max_words).
[[nodiscard]] bool rule_matches(const BoilerplateRule& rule, std::string_view line);

/// The same for a line already folded with fold_line().
[[nodiscard]] bool rule_matches_folded(const BoilerplateRule& rule, std::string_view folded);

/// Layout rules describe page furniture (widgets, captions, credits), which
/// is never longer than a long caption; longer lines are never matched, which
/// keeps layout linear on hostile input (a 50 MB line).
inline constexpr std::size_t max_rule_line_bytes = 4000;

/// Splits `text` into blocks and finds headline and dateline.
[[nodiscard]] Layout analyse_layout(std::string_view text, const LayoutRules& rules);

}  // namespace factline
