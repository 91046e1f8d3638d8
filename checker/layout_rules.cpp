// Layout rules: line patterns (glob matching), the loader for
// rules/<pack>/layout/*.toml and the rules' own examples (`factline rules test`).
#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <fmt/format.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "checker/layout.hpp"
#include "checker/rule_pack.hpp"
#include "checker/swar.hpp"
#include "checker/toml_source.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

/// Folds `line` into `out`, eight bytes at a time, when folding changes only its letter case: printable
/// ASCII with single spaces between words (no other blanks, none at the ends).
/// Most lines of plain news are. Returns false, writing garbage, otherwise.
#if defined(__SSE2__)
/// `bytes` with 'A'..'Z' lower-cased (signed compares: bytes >= 0x80 are below 'A').
__m128i lower_ascii(__m128i bytes) {
    const __m128i upper =
        _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('Z' + 1)));
    return _mm_or_si128(bytes, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}
#endif

bool fold_plain_ascii(std::string_view line, char* out) {
    if (line.empty() || line.front() == ' ' || line.back() == ' ') return false;
    const std::size_t n = line.size();
    const char* in = line.data();
#if defined(__SSE2__)
    if (n >= 16) {
        // Sixteen bytes at `at`, tested and written as fold_eight below does
        // eight: one signed compare finds the control bytes and those >= 0x80.
        const auto fold_sixteen = [&](std::size_t at) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + at));
            const auto odd = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(bytes, _mm_set1_epi8(' '))));
            const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
            const unsigned after_space = spaces << 1 | (at > 0 && in[at - 1] == ' ' ? 1u : 0u);
            if ((odd | (spaces & after_space)) != 0) return false;
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + at), lower_ascii(bytes));
            return true;
        };
        std::size_t at = 0;
        for (; at + 16 <= n; at += 16) {
            if (!fold_sixteen(at)) return false;
        }
        // The last few bytes: the last sixteen again, overlapping (see below).
        return at == n || fold_sixteen(n - 16);
    }
#endif
    // Eight bytes at `at`: false for a control byte, one >= 0x80
    // (bytes_below(x, ' ') leaves those out, so add them) or two spaces in a
    // row, inside them or across the byte before; else written lower-cased.
    const auto fold_eight = [&](std::size_t at) {
        const std::uint64_t x = swar::load(in + at);
        const std::uint64_t spaces = swar::bytes_equal(x, ' ');
        if ((swar::bytes_below(x, ' ') | (x & swar::highs) | (spaces & (spaces << 8))) != 0 ||
            ((spaces & 0x80) != 0 && at > 0 && in[at - 1] == ' ')) {
            return false;
        }
        // 'A'..'Z' are the bytes at least 'A' and below 'Z' + 1: add 0x20 to those.
        const std::uint64_t upper = swar::bytes_in(x, 'A', 'Z' + 1);
        const std::uint64_t lowered = x + (upper >> 2);  // 0x80 >> 2 = 0x20, no carry ('Z' + 0x20 < 0x80)
        std::memcpy(out + at, &lowered, sizeof lowered);
        return true;
    };
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        if (!fold_eight(i)) return false;
    }
    // The last few bytes: the last eight again, overlapping bytes already
    // read (they pass again, and are written again alike).
    if (i < n && n >= 8) return fold_eight(n - 8);
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (c < ' ' || c > 0x7F || (c == ' ' && i > 0 && in[i - 1] == ' ')) return false;
        out[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
    }
    return true;
}

}  // namespace

// Lower-cased ASCII, blanks trimmed and collapsed, curly apostrophes straight:
// so that a pattern does not depend on how a page spaced or typeset a line.
// Layout folds every line of every page into one buffer (fold_line_to).
std::size_t fold_line_to(std::string_view line, char* out) {
    if (fold_plain_ascii(line, out)) return line.size();
    char* const first = out;
    char* next = first;
    bool pending_space = false;
    std::size_t i = 0;
#if defined(__SSE2__)
    std::size_t bytewise_until = 0;  // a sixteen-byte step stopped before this byte: the loop goes past it first
#endif
    while (i < line.size()) {
#if defined(__SSE2__)
        // A line with a curly quote or a dash is mostly plain still: sixteen
        // bytes the byte loop would copy as they are (lower-cased) are copied
        // at once. It would not for a control byte or one >= 0x80, a blank
        // after a blank (or after one pending), or a blank before anything
        // is written; a last blank is left pending, as the loop leaves it.
        if (i >= bytewise_until && i + 16 <= line.size()) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
            const auto odd = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(bytes, _mm_set1_epi8(' '))));
            const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
            const unsigned doubled = spaces & ((spaces << 1) | (pending_space ? 1u : 0u));
            const unsigned leading = next == first ? spaces & 1u : 0u;
            if (const unsigned stop = odd | doubled | leading; stop != 0) {
                bytewise_until = i + static_cast<std::size_t>(std::countr_zero(stop)) + 1;
            } else {
                if (pending_space && next != first) *next++ = ' ';
                _mm_storeu_si128(reinterpret_cast<__m128i*>(next), lower_ascii(bytes));
                pending_space = (spaces >> 15) != 0;
                next += pending_space ? 15 : 16;
                i += 16;
                continue;
            }
        }
#endif
        const auto c = static_cast<unsigned char>(line[i]);
        if (c > ' ' && c < 0x80) {  // the common case: printable ASCII
            if (pending_space && next != first) *next++ = ' ';
            pending_space = false;
            *next++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            pending_space = true;
            ++i;
            continue;
        }
        if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xA0) {
            pending_space = true;
            i += 2;
            continue;
        }
        if (pending_space && next != first) *next++ = ' ';
        pending_space = false;
        if (c == 0xE2 && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(line[i + 2]) == 0x98 || static_cast<unsigned char>(line[i + 2]) == 0x99)) {
            *next++ = '\'';
            i += 3;
            continue;
        }
        *next++ = static_cast<char>(c);
        ++i;
    }
    return static_cast<std::size_t>(next - first);
}

std::string fold_line(std::string_view line) {
    std::string out(line.size(), '\0');
    out.resize(fold_line_to(line, out.data()));
    return out;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Glob over normalised text: `*` any text, `#` a number ("2", "1,200", "1.3").
bool glob(std::string_view pattern, std::string_view text) {
    if (pattern.empty()) return text.empty();
    const char p = pattern.front();
    if (p == '*') {
        for (std::size_t skip = 0; skip <= text.size(); ++skip) {
            if (glob(pattern.substr(1), text.substr(skip))) return true;
        }
        return false;
    }
    if (p == '#') {
        std::size_t n = 0;
        while (n < text.size()) {
            if (is_digit(text[n])) {
                ++n;
                if (glob(pattern.substr(1), text.substr(n))) return true;
            } else if ((text[n] == ',' || text[n] == '.') && n > 0 && n + 1 < text.size() && is_digit(text[n + 1])) {
                ++n;
            } else {
                break;
            }
        }
        return false;
    }
    return !text.empty() && text.front() == p && glob(pattern.substr(1), text.substr(1));
}

std::size_t words_in(std::string_view normalised) {
    if (normalised.empty()) return 0;
    return 1 + static_cast<std::size_t>(std::count(normalised.begin(), normalised.end(), ' '));
}

const std::vector<std::string> action_names = {"drop_line", "drop_to_end", "drop_block"};
const std::vector<std::string> kind_names = {"boilerplate", "end_matter", "byline", "caption", "header"};
const std::vector<std::string> rule_keys = {"description", "why",    "action",  "kind",   "patterns",
                                            "starts_back_at", "max_words", "examples", "counter"};

std::string with_hint(std::string message, const std::string& word, const std::vector<std::string>& names) {
    if (auto hint = closest_match(word, names); !hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    return message;
}

std::vector<LinePattern> patterns_of(Diagnostics& diagnostics, const fs::path& file, const toml::table& table,
                                     std::string_view key) {
    std::vector<LinePattern> out;
    for (const auto& glob_text : strings_of(diagnostics, file, table, key)) {
        if (glob_text.empty() || glob_text == "*") {
            error_at(diagnostics, file, *table.get(key), "rules.layout-pattern",
                     fmt::format("'{}' holds a pattern that matches every line", key));
            continue;
        }
        out.push_back(make_line_pattern(glob_text));
    }
    return out;
}

std::optional<BoilerplateRule> read_rule(Diagnostics& diagnostics, const fs::path& file, const std::string& id,
                                         const toml::table& table) {
    check_known_keys(diagnostics, file, table, rule_keys, fmt::format("layout rule '{}'", id));
    BoilerplateRule rule;
    rule.id = id;
    rule.description = string_or(diagnostics, file, table, "description");
    const std::string action = string_or(diagnostics, file, table, "action", "drop_line");
    if (action == "drop_line") {
        rule.action = BoilerplateRule::Action::drop_line;
    } else if (action == "drop_to_end") {
        rule.action = BoilerplateRule::Action::drop_to_end;
    } else if (action == "drop_block") {
        rule.action = BoilerplateRule::Action::drop_block;
    } else {
        error_at(diagnostics, file, *table.get("action"), "rules.unknown-action",
                 with_hint(fmt::format("unknown action '{}' (drop_line, drop_to_end, drop_block)", action), action,
                           action_names));
        return std::nullopt;
    }
    const std::string kind = string_or(diagnostics, file, table, "kind", "boilerplate");
    if (kind == "boilerplate") {
        rule.kind = BlockKind::boilerplate;
    } else if (kind == "end_matter") {
        rule.kind = BlockKind::end_matter;
    } else if (kind == "byline") {
        rule.kind = BlockKind::byline;
    } else if (kind == "caption") {
        rule.kind = BlockKind::caption;
    } else if (kind == "header") {
        rule.kind = BlockKind::header;
    } else {
        error_at(diagnostics, file, *table.get("kind"), "rules.unknown-kind",
                 with_hint(fmt::format("unknown layout kind '{}' (boilerplate, end_matter, byline, caption, header)",
                                       kind),
                           kind, kind_names));
        return std::nullopt;
    }
    rule.patterns = patterns_of(diagnostics, file, table, "patterns");
    if (rule.patterns.empty()) {
        if (table.get("patterns") != nullptr) return std::nullopt;  // its error is already reported
        diagnostics.error("rules.layout-pattern", file.string(), static_cast<std::uint32_t>(table.source().begin.line),
                          static_cast<std::uint32_t>(table.source().begin.column),
                          fmt::format("layout rule '{}' needs 'patterns'", id));
        return std::nullopt;
    }
    rule.starts_back_at = patterns_of(diagnostics, file, table, "starts_back_at");
    if (const toml::node* node = table.get("max_words")) {
        const auto value = node->value<std::int64_t>();
        if (!value || *value < 0) {
            error_at(diagnostics, file, *node, "toml.type", "'max_words' must be a non-negative integer");
        } else {
            rule.max_words = static_cast<std::uint32_t>(*value);
        }
    }
    rule.examples = strings_of(diagnostics, file, table, "examples");
    rule.counter = strings_of(diagnostics, file, table, "counter");
    return rule;
}

}  // namespace

LinePattern make_line_pattern(std::string_view text) {
    LinePattern pattern;
    const bool leading = text.size() > 1 && text.front() == '*';
    const bool trailing = text.size() > 1 && text.back() == '*';
    if (leading && trailing) {
        pattern.match = LinePattern::Match::contains;
        text = text.substr(1, text.size() - 2);
    } else if (trailing) {
        pattern.match = LinePattern::Match::starts_with;
        text.remove_suffix(1);
    }
    pattern.text = std::string(text);
    pattern.folded = fold_line(text);
    // fold_line() trims; a pattern's edge blank matters ("* via Reuters").
    if (!text.empty() && text.front() == ' ') pattern.folded.insert(pattern.folded.begin(), ' ');
    if (!text.empty() && text.back() == ' ') pattern.folded.push_back(' ');
    pattern.wildcard = pattern.folded.find_first_of("*#") != std::string::npos;
    if (pattern.wildcard) {
        switch (pattern.match) {
            case LinePattern::Match::equals: pattern.glob = pattern.folded; break;
            case LinePattern::Match::starts_with: pattern.glob = pattern.folded + "*"; break;
            case LinePattern::Match::contains: pattern.glob = "*" + pattern.folded + "*"; break;
        }
        std::size_t begin = 0;
        while (begin <= pattern.glob.size()) {
            const std::size_t end = std::min(pattern.glob.find_first_of("*#", begin), pattern.glob.size());
            if (end - begin > pattern.must_contain.size()) pattern.must_contain = pattern.glob.substr(begin, end - begin);
            begin = end + 1;
        }
    }
    return pattern;
}

bool folded_line_matches(const LinePattern& pattern, std::string_view folded) {
    if (pattern.wildcard) {
        // A glob whose only wildcard is a leading '*' ("* via Reuters") is
        // its literal rest at the line's end: glob() would try every place.
        const std::string& literal = pattern.must_contain;
        if (pattern.glob.size() == literal.size() + 1 && pattern.glob.front() == '*') return folded.ends_with(literal);
        return folded.find(literal) != std::string_view::npos && glob(pattern.glob, folded);
    }
    // No wildcard inside: plain comparisons, without the recursive glob.
    switch (pattern.match) {
        case LinePattern::Match::equals: return folded == pattern.folded;
        case LinePattern::Match::starts_with: return folded.substr(0, pattern.folded.size()) == pattern.folded;
        case LinePattern::Match::contains: return folded.find(pattern.folded) != std::string_view::npos;
    }
    return false;
}

bool line_matches(const LinePattern& pattern, std::string_view line) {
    if (line.size() > max_rule_line_bytes) return false;
    return folded_line_matches(pattern, fold_line(line));
}

bool rule_matches_folded(const BoilerplateRule& rule, std::string_view folded) {
    if (folded.size() > max_rule_line_bytes) return false;
    if (rule.max_words > 0 && words_in(folded) > rule.max_words) return false;
    return std::any_of(rule.patterns.begin(), rule.patterns.end(),
                       [&](const LinePattern& pattern) { return folded_line_matches(pattern, folded); });
}

bool rule_matches(const BoilerplateRule& rule, std::string_view line) {
    if (line.size() > max_rule_line_bytes) return false;
    return rule_matches_folded(rule, fold_line(line));
}

namespace {

/// Rebuilds the indexes over every rule loaded so far (a later pack adds rules).
void index_layout_rules(LayoutRules& rules) {
    std::vector<std::vector<const LinePattern*>> groups;
    for (const auto& rule : rules.boilerplate) {
        auto& group = groups.emplace_back();
        for (const auto& pattern : rule.patterns) group.push_back(&pattern);
    }
    rules.boilerplate_index = LinePatternIndex(groups);
    groups.clear();
    for (const auto& credit : rules.caption_credits) groups.push_back({&credit});
    rules.credit_index = LinePatternIndex(groups);
}

}  // namespace

void load_layout_rules(const RulePackInfo& pack, LayoutRules& into, Diagnostics& diagnostics) {
    const fs::path dir = pack.dir / "layout";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        auto table = parse_toml_file(file, diagnostics);
        if (!table) continue;
        const std::string stem = file.stem().string();
        for (const auto& [key, node] : *table) {
            const std::string id = fmt::format("{}.{}.{}", pack.name, stem, key.str());
            const auto* rule_table = node.as_table();
            if (rule_table == nullptr) {
                error_at(diagnostics, file, node, "rules.layout-rule",
                         fmt::format("'{}' must be a table ([{}]) describing one layout rule", key.str(), key.str()));
                continue;
            }
            auto rule = read_rule(diagnostics, file, id, *rule_table);
            if (!rule) continue;
            if (rule->kind == BlockKind::caption) {
                into.caption_credits.insert(into.caption_credits.end(), rule->patterns.begin(), rule->patterns.end());
                into.credit_rules.push_back(static_cast<std::uint32_t>(into.boilerplate.size()));
            }
            into.boilerplate.push_back(std::move(*rule));
        }
    }
    index_layout_rules(into);
}

void test_layout_rules(const RuleSet& rules, RuleTestReport& report) {
    for (const auto& rule : rules.layout.boilerplate) {
        if (rule.examples.empty()) {
            ++report.failed;
            report.failures.push_back(rule.id + ": has no examples");
        }
        for (const auto& example : rule.examples) {
            if (rule_matches(rule, example)) {
                ++report.passed;
            } else {
                ++report.failed;
                report.failures.push_back(fmt::format("{}: example does not match: \"{}\"", rule.id, example));
            }
        }
        for (const auto& counter : rule.counter) {
            if (!rule_matches(rule, counter)) {
                ++report.passed;
            } else {
                ++report.failed;
                report.failures.push_back(fmt::format("{}: counter-example matches: \"{}\"", rule.id, counter));
            }
        }
    }
}

}  // namespace factline
