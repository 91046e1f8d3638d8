// Article layout: lines → classified lines → blocks, then headline and
// dateline. Order matters: rule-driven boilerplate/end matter/captions first
// (so that nothing inside them is read as a header or a headline), then header
// date lines (grammar/parse_layout), then paragraphs, headline and dateline.
#include "checker/layout.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <spdlog/spdlog.h>

#include "checker/layout_text.hpp"
#include "checker/layout_titles.hpp"
#include "grammar/parse_layout.hpp"

namespace factline {

namespace lt = layout_text;

const char* to_string(BlockKind kind) {
    switch (kind) {
        case BlockKind::headline: return "headline";
        case BlockKind::header: return "header";
        case BlockKind::byline: return "byline";
        case BlockKind::caption: return "caption";
        case BlockKind::body: return "body";
        case BlockKind::end_matter: return "end_matter";
        case BlockKind::boilerplate: return "boilerplate";
    }
    return "body";
}

namespace {

constexpr int no_region = -1;

struct Line {
    Span text;               // trimmed
    std::uint32_t number = 0;
    bool blank = false;
    bool indented = false;   // starts with a blank (comment lists, wire paragraphs)
    std::optional<BlockKind> kind;  // set when a rule or the header grammar decided
    std::string rule;
    int region = no_region;  // lines of one decision (a cut, a dropped block) share a region
    Span header;             // a header date sharing the line with body text ("[February 28, 2023]  MOSCOW …")
    std::uint32_t body_begin = 0;  // where the body text starts when `header` is set
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    const auto size = static_cast<std::uint32_t>(text.size());
    // Line ends are found with memchr; the next '\r' is looked for again only
    // once passed, so that a page without one is not searched on every line.
    const auto next_of = [&](char c, std::uint32_t from) {
        const void* found = std::memchr(text.data() + from, c, size - from);
        return found ? static_cast<std::uint32_t>(static_cast<const char*>(found) - text.data()) : size;
    };
    std::size_t breaks = 0;
    for (std::uint32_t at = next_of('\n', 0); at < size; at = next_of('\n', at + 1)) ++breaks;
    lines.reserve(breaks + 1);
    std::uint32_t begin = 0;
    std::uint32_t number = 1;
    std::uint32_t next_return = next_of('\r', 0);
    while (begin < size) {
        if (next_return < begin) next_return = next_of('\r', begin);
        std::uint32_t end = std::min(next_of('\n', begin), next_return);
        Line& line = lines.emplace_back();  // built in place: a Line holds a string, not worth copying
        line.text = lt::trim(text, {begin, end});
        line.number = number++;
        line.blank = line.text.empty();
        line.indented = !line.blank && line.text.begin > begin;
        if (end < size && text[end] == '\r' && end + 1 < size && text[end + 1] == '\n') ++end;
        begin = end + 1;
    }
    return lines;
}

/// Classifies lines with the pack's rules: cuts to the end first (the earliest
/// wins), then single lines and blocks.
class RuleClassifier {
public:
    RuleClassifier(std::string_view text, std::vector<Line>& lines, const LayoutRules& rules)
        : text_(text), lines_(lines), rules_(rules) {
        // Every pass asks about the same lines: fold each once, all into one
        // buffer. A line too long for any rule folds to "" (no rule matches
        // an empty line).
        // Folding never lengthens a line, so the page's size is room enough;
        // the buffer is not cleared first, as every byte read is written.
        folded_buffer_ = std::make_unique_for_overwrite<char[]>(text_.size());
        folded_.reserve(lines_.size());
        std::uint32_t size = 0;
        for (const auto& line : lines_) {
            const std::string_view content = line.text.of(text_);
            const std::uint32_t begin = size;
            if (!line.blank && content.size() <= max_rule_line_bytes) {
                size += static_cast<std::uint32_t>(fold_line_to(content, folded_buffer_.get() + size));
            }
            folded_.push_back({begin, size});
        }
        folded_text_ = std::string_view(folded_buffer_.get(), size);
        lookups_.assign(lines_.size(), 0);
        words_per_line_ = (rules_.boilerplate.size() + rules_.caption_credits.size() + 63) / 64;
    }

    void run() {
        cut_to_end();
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].blank || lines_[i].kind) continue;
            const std::string_view folded = folded_[i].of(folded_text_);
            if (folded.empty()) continue;
            look_up(i);
            for (std::size_t r = 0; (lookups_[i] & some_rule) != 0 && r < rules_.boilerplate.size(); ++r) {
                const BoilerplateRule& rule = rules_.boilerplate[r];
                if (!wanted(i, r) || rule.action == BoilerplateRule::Action::drop_to_end) continue;
                if (!rule_matches_folded(rule, folded)) continue;
                if (rule.action == BoilerplateRule::Action::drop_block) {
                    mark_block(i, rule);
                } else {
                    mark(start_back(i, rule), i, rule.kind, rule.id);
                }
                break;
            }
            if (lines_[i].kind || (lookups_[i] & some_credit) == 0) continue;
            for (std::size_t c = 0; c < rules_.caption_credits.size(); ++c) {
                if (!wanted(i, rules_.boilerplate.size() + c)) continue;
                if (folded_line_matches(rules_.caption_credits[c], folded)) {
                    mark(i, i, BlockKind::caption, "layout.caption-credit");
                    break;
                }
            }
        }
    }

private:
    void cut_to_end() {
        bool body_seen = false;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].blank) continue;
            const std::string_view line = lines_[i].text.of(text_);
            // A "Related Articles" above the story is navigation, not the end of the story.
            const std::string_view folded = folded_[i].of(folded_text_);
            if (body_seen && !folded.empty()) {
                look_up(i);
                for (std::size_t r = 0; (lookups_[i] & some_rule) != 0 && r < rules_.boilerplate.size(); ++r) {
                    const BoilerplateRule& rule = rules_.boilerplate[r];
                    if (!wanted(i, r)) continue;
                    if (rule.action != BoilerplateRule::Action::drop_to_end || !rule_matches_folded(rule, folded)) continue;
                    mark(start_back(i, rule), lines_.size() - 1, rule.kind, rule.id);
                    return;
                }
            }
            if (!body_seen && lt::ends_sentence(line) && lt::word_count_up_to(line, 8) >= 8) body_seen = true;
        }
    }

    /// Asks both indexes about line `i` once (the cut-to-end pass and the
    /// line pass ask about the same lines) and keeps the answers as bits, a
    /// few bytes a line even on a page of millions of short lines.
    void look_up(std::size_t i) {
        if ((lookups_[i] & looked_up) != 0) return;
        lookups_[i] |= looked_up;
        if (flag_words_.empty()) flag_words_.assign(lines_.size() * words_per_line_, 0);
        const LinePatternIndex::Line key(folded_[i].of(folded_text_));
        const std::size_t rules = rules_.boilerplate.size();
        if (rules_.boilerplate_index.candidates(key, rules, wanted_)) {
            lookups_[i] |= some_rule;
            for (std::size_t r = 0; r < rules; ++r) set_wanted(i, r, wanted_[r] != 0);
        }
        // Each credit is a pattern of one of the credit rules, and both indexes
        // pre-filter a pattern alike: a line none of them is let through for
        // holds no credit.
        const bool credits_possible = std::any_of(rules_.credit_rules.begin(), rules_.credit_rules.end(),
                                                  [&](std::uint32_t r) { return wanted(i, r); });
        if (credits_possible && rules_.credit_index.candidates(key, rules_.caption_credits.size(), wanted_)) {
            lookups_[i] |= some_credit;
            for (std::size_t c = 0; c < rules_.caption_credits.size(); ++c) set_wanted(i, rules + c, wanted_[c] != 0);
        }
    }

    /// Whether look_up(i) let rule `flag` (or caption credit `flag` - rules) through.
    bool wanted(std::size_t i, std::size_t flag) const {
        return (flag_words_[i * words_per_line_ + flag / 64] >> (flag % 64) & 1u) != 0;
    }

    void set_wanted(std::size_t i, std::size_t flag, bool wanted) {
        if (wanted) flag_words_[i * words_per_line_ + flag / 64] |= std::uint64_t{1} << (flag % 64);
    }

    /// The first line of the contiguous run before `i` that the rule's
    /// starts_back_at patterns claim; indented lines may sit inside the run.
    std::size_t start_back(std::size_t i, const BoilerplateRule& rule) const {
        if (rule.starts_back_at.empty()) return i;
        std::size_t start = i;
        for (std::size_t j = i; j-- > 0;) {
            const Line& line = lines_[j];
            if (line.blank) continue;
            if (line.kind) break;
            const std::string_view folded = folded_[j].of(folded_text_);
            const bool claimed = !folded.empty() &&
                                 std::any_of(rule.starts_back_at.begin(), rule.starts_back_at.end(),
                                             [&](const LinePattern& p) { return folded_line_matches(p, folded); });
            if (claimed) {
                start = j;
            } else if (!line.indented) {
                break;
            }
        }
        return start;
    }

    void mark_block(std::size_t i, const BoilerplateRule& rule) {
        std::size_t first = i;
        std::size_t last = i;
        while (first > 0 && !lines_[first - 1].blank && !lines_[first - 1].kind) --first;
        while (last + 1 < lines_.size() && !lines_[last + 1].blank && !lines_[last + 1].kind) ++last;
        mark(first, last, rule.kind, rule.id);
    }

    void mark(std::size_t first, std::size_t last, BlockKind kind, const std::string& rule) {
        const int region = next_region_++;
        for (std::size_t j = first; j <= last; ++j) {
            lines_[j].kind = kind;
            lines_[j].rule = rule;
            lines_[j].region = region;
        }
    }

    std::string_view text_;
    std::vector<Line>& lines_;
    const LayoutRules& rules_;
    std::unique_ptr<char[]> folded_buffer_;
    std::string_view folded_text_;  // every line folded, one after another (in folded_buffer_)
    std::vector<Span> folded_;  // per line: where fold_line() of its text is in folded_text_
    // Per line, look_up()'s state and answers.
    static constexpr unsigned char looked_up = 1;
    static constexpr unsigned char some_rule = 2;    // some boilerplate rule may match
    static constexpr unsigned char some_credit = 4;  // some caption credit may match
    std::vector<unsigned char> lookups_;
    std::size_t words_per_line_ = 0;
    std::vector<std::uint64_t> flag_words_;  // per line, words_per_line_ words: rules' bits, then credits'
    std::vector<char> wanted_;               // what one index lookup let through
    int next_region_ = 0;
};

bool dash_at(std::string_view text, std::size_t i) {
    return text.substr(i, 1) == "-" || text.substr(i, 3) == "\xE2\x80\x93" || text.substr(i, 3) == "\xE2\x80\x94";
}

bool starts_with_dateline(std::string_view text, Span line) {
    return grammar::parse_dateline(text, line.begin, line.end).has_value();
}

/// True when a line (trimmed) ends as a dateline does: dateline_def
/// (grammar/layout_def.hpp) closes with a dash (- – — −) or ':'. Most lines
/// do not, and skip the X3 parse.
bool ends_like_dateline(std::string_view line) {
    if (line.empty()) return false;
    const char last = line.back();
    return last == '-' || last == ':' || last == '\x93' || last == '\x94' || last == '\x92';
}

bool whole_line_dateline(std::string_view text, Span line) {
    // Nothing but blanks may follow the dateline, and the line is trimmed: it must end with the dateline.
    if (!ends_like_dateline(line.of(text))) return false;
    auto dateline = grammar::parse_dateline(text, line.begin, line.end);
    return dateline && lt::trim(text, {dateline->end, line.end}).empty();
}

bool ascii_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

/// False when no header date on `line` can have a year or a time, the only
/// header dates classify_headers acts on: header_date_def
/// (grammar/layout_def.hpp) reads a year as a run of exactly four digits and a
/// time as a digit, ':' and two digits. Most lines have neither and skip the
/// X3 parse. Keep it in step with the grammar.
bool may_hold_dated_header(std::string_view line) {
    for (std::size_t i = lt::find_digit(line); i < line.size(); i = lt::find_digit(line, i)) {
        const std::size_t run = i;
        while (i < line.size() && ascii_digit(line[i])) ++i;
        if (i - run == 4) return true;
        if (i + 2 < line.size() && line[i] == ':' && ascii_digit(line[i + 1]) && ascii_digit(line[i + 2])) return true;
    }
    return false;
}

/// Header date lines ("Updated:", "[February 28, 2023]", "Reuters | Moscow |
/// Updated: 11-11-2022 15:21 IST", "Apr 24, 2025 – Former …"). A header that
/// shares its line with body text keeps the body (split forms only at the top).
void classify_headers(std::string_view text, std::vector<Line>& lines) {
    bool body_started = false;
    for (auto& line : lines) {
        if (line.blank || line.kind) continue;
        const std::string_view content = line.text.of(text);
        if (whole_line_dateline(text, line.text)) continue;
        if (content.back() == ':' && lt::word_count_up_to(content, 3) <= 2 && !lt::lower_at(content, 0)) {
            line.kind = BlockKind::header;  // "Updated:" with its date missing
            continue;
        }
        std::optional<grammar::HeaderDateMatch> header;
        if (may_hold_dated_header(content)) header = grammar::parse_header_date(text, line.text.begin, line.text.end);
        const bool dated = header && header->parts.prefix_words <= 6 &&
                           (header->parts.has_year || !header->parts.time.empty());
        if (dated) {
            const Span tail = lt::trim(text, {header->end, line.text.end});
            const std::string_view rest = tail.of(text);
            const bool bracketed = !header->parts.open_bracket.empty() && !header->parts.close_bracket.empty();
            if (tail.empty() ||
                ((rest.front() == '|' || rest.substr(0, 3) == "\xE2\x80\xA2") && !lt::ends_sentence(rest, false)) ||
                (!bracketed && lt::word_count_up_to(rest, 9) <= 8 && !lt::ends_sentence(rest))) {
                line.kind = BlockKind::header;
                continue;
            }
            if (!body_started && bracketed) {
                line.header = lt::trim(text, {line.text.begin, header->end});
                line.body_begin = tail.begin;
                continue;
            }
            if (!body_started && header->parts.prefix.empty() && header->parts.open_bracket.empty() &&
                dash_at(text, tail.begin)) {
                line.header = lt::trim(text, {line.text.begin, header->end});
                std::uint32_t body = tail.begin + (text[tail.begin] == '-' ? 1 : 3);
                line.body_begin = lt::trim(text, {body, line.text.end}).begin;
                continue;
            }
        }
        if (!body_started && lt::ends_sentence(content) && lt::word_count_up_to(content, 6) >= 6) body_started = true;
    }
}

/// Groups lines into blocks: runs of lines decided together, and paragraphs.
class BlockBuilder {
public:
    BlockBuilder(std::string_view text, const std::vector<Line>& lines) : text_(text), lines_(lines) {}

    std::vector<Block> run() {
        bool body_started = false;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const Line& line = lines_[i];
            if (line.blank) {
                close();
                continue;
            }
            if (line.kind) {
                close();
                if (line.region != no_region && line.region == last_region_ && !blocks_.empty()) {
                    blocks_.back().span.end = line.text.end;
                    blocks_.back().last_line = line.number;
                } else {
                    blocks_.push_back({*line.kind, line.text, line.number, line.number, line.rule});
                }
                last_region_ = line.region;
                continue;
            }
            last_region_ = no_region;
            Span piece = line.text;
            if (!line.header.empty()) {
                close();
                blocks_.push_back({BlockKind::header, line.header, line.number, line.number, ""});
                piece.begin = line.body_begin;
                if (piece.empty()) continue;
            } else if (open_ && breaks_paragraph(lines_[i - 1], line, body_started)) {
                close();
            }
            if (open_) {
                blocks_.back().span.end = piece.end;
                blocks_.back().last_line = line.number;
            } else {
                blocks_.push_back({BlockKind::body, piece, line.number, line.number, ""});
                open_ = true;
                quotes_ = lt::QuoteCount{};
                quotes_end_ = piece.begin;
            }
            const std::string_view content = piece.of(text_);
            if (!body_started && lt::ends_sentence(content) && lt::word_count_up_to(content, 6) >= 6) {
                body_started = true;
            }
        }
        return std::move(blocks_);
    }

private:
    void close() { open_ = false; }

    /// A line break inside a run of text lines still ends a paragraph when
    /// scraped pages put one paragraph per line (d029, d054), or when a title
    /// sits right above the text; wrapped wire text (lower-case next line,
    /// open quotation) stays one paragraph.
    bool breaks_paragraph(const Line& previous, const Line& line, bool body_started) {
        if (line.indented && !previous.indented) return true;
        const std::string_view before = previous.text.of(text_);
        const std::string_view content = line.text.of(text_);
        if (lt::lower_at(content, 0)) return false;
        // The open paragraph's quotes, read only as far as it has grown since last asked.
        const Span block = blocks_.back().span;
        quotes_.add(Span{quotes_end_, block.end}.of(text_));
        quotes_end_ = block.end;
        if (quotes_.open()) return false;
        if (lt::ends_sentence(before)) return true;
        return !body_started && lt::title_like(before) && !starts_with_dateline(text_, previous.text);
    }

    std::string_view text_;
    const std::vector<Line>& lines_;
    std::vector<Block> blocks_;
    bool open_ = false;
    lt::QuoteCount quotes_;          // of the open paragraph, read up to quotes_end_
    std::uint32_t quotes_end_ = 0;
    int last_region_ = no_region;
};

}  // namespace

Layout analyse_layout(std::string_view text, const LayoutRules& rules) {
    Layout layout;
    std::vector<Line> lines = split_lines(text);
    RuleClassifier(text, lines, rules).run();
    classify_headers(text, lines);
    layout.blocks = BlockBuilder(text, lines).run();
    find_headline(text, layout);
    find_dateline(text, layout);
    drop_trailing_headlines(text, layout);
    for (const auto& line : lines) {
        if (!line.blank && line.kind == BlockKind::boilerplate) ++layout.boilerplate_lines;
    }
    for (const auto& block : layout.blocks) {
        if (block.kind == BlockKind::body || block.kind == BlockKind::headline) continue;
        spdlog::trace("layout: lines {}-{} {} [{}]", block.first_line, block.last_line, to_string(block.kind),
                      block.rule);
    }
    return layout;
}

}  // namespace factline
