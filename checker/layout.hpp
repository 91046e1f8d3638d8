#pragma once
// Stage 2: article layout. Splits a scraped page into blocks (headline, header
// date lines, dateline, byline, captions, body paragraphs, end matter) and
// removes boilerplate (reader comments, share widgets, appeals, …) as told by
// the rule pack's layout rules. Reads structure only; dates are parsed by the
// time stage, sentences by the sentence stage.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
struct LinePattern {
    enum class Match { equals, starts_with, contains };
    Match match = Match::equals;
    std::string text;
};

/// A rule from rules/<pack>/layout/*.toml.
struct BoilerplateRule {
    std::string id;        // e.g. "core.boilerplate.comments"
    enum class Action { drop_line, drop_to_end, drop_block };
    Action action = Action::drop_line;
    std::vector<LinePattern> patterns;
    std::string description;
};

struct LayoutRules {
    std::vector<BoilerplateRule> boilerplate;
    std::vector<LinePattern> caption_credits;  // "via Reuters", "© Getty", "AP Photo/" …
};

/// Splits `text` into blocks and finds headline and dateline.
[[nodiscard]] Layout analyse_layout(std::string_view text, const LayoutRules& rules);

}  // namespace factline
