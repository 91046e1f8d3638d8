// The title-like parts of a layout, found once its blocks are made: the
// headline and its repeats, the dateline, and the related-story headlines
// that close a page.
#include "checker/layout_titles.hpp"

#include <cstdint>
#include <string>

#include "checker/layout_text.hpp"
#include "checker/swar.hpp"
#include "grammar/parse_layout.hpp"

namespace factline {

namespace lt = layout_text;

namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// A title as compared for repeats: ASCII lower case, runs of spaces and tabs
/// as one space, none at the ends.
std::string normalised_title(std::string_view text) {
    // Written through an index into a string of the text's size (it never
    // grows): a push_back per byte cost four times as much.
    std::string out(text.size(), '\0');
    std::size_t size = 0;
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            if (size > 0 && out[size - 1] != ' ') out[size++] = ' ';
        } else {
            out[size++] = ascii_lower(c);
        }
    }
    while (size > 0 && out[size - 1] == ' ') --size;
    out.resize(size);
    return out;
}

/// normalised_title(text) == title, without building the former: every body
/// paragraph is asked, and most differ in their first bytes.
bool same_title(std::string_view text, std::string_view title) {
    std::size_t next = 0;
    bool space = false;  // a blank run after a word: a space if another word follows
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            space = next > 0;
            continue;
        }
        if (space && (next == title.size() || title[next++] != ' ')) return false;
        space = false;
        if (next == title.size() || title[next++] != ascii_lower(c)) return false;
    }
    return next == title.size();
}

bool single_line(const Block& block) { return block.first_line == block.last_line; }

/// False when `content` holds no dateline: dateline_def
/// (grammar/layout_def.hpp) closes with a dash (- – — −, the wide ones led
/// by 0xE2) or ':', and most headlines hold neither, which spares them the
/// X3 parse (an upper-case headline reads as a dateline's place up to its
/// end). Keep it in step with the grammar.
bool may_hold_dateline(std::string_view content) {
    const auto closers = [](std::uint64_t x) {
        return swar::bytes_equal(x, '-') | swar::bytes_equal(x, ':') | swar::bytes_equal(x, 0xE2);
    };
    const auto closer = [](unsigned char c) { return c == '-' || c == ':' || c == 0xE2; };
    return swar::find_first(content, 0, closers, closer) < content.size();
}

bool opens_with_dateline(std::string_view text, const Block& block) {
    return may_hold_dateline(block.span.of(text)) && grammar::parse_dateline(text, block.span.begin, block.span.end);
}

}  // namespace

/// Headline (first title-like line at the top), its repeats and sub-headlines,
/// short labels above it ("World"); stops at the first body paragraph.
void find_headline(std::string_view text, Layout& layout) {
    std::string headline;
    for (auto& block : layout.blocks) {
        if (block.kind != BlockKind::body) continue;
        const std::string_view content = block.span.of(text);
        if (!single_line(block) || opens_with_dateline(text, block)) break;
        if (!headline.empty() && same_title(content, headline)) {
            block.kind = BlockKind::headline;
            block.duplicate = true;
        } else if (lt::title_like(content)) {
            block.kind = BlockKind::headline;
            if (headline.empty()) {
                headline = normalised_title(content);
                layout.headline = block.span;
            }
        } else if (lt::word_count_up_to(content, 3) <= 2 && !lt::ends_sentence(content)) {
            block.kind = BlockKind::header;  // a section label such as "World"
        } else {
            break;
        }
    }
    if (headline.empty()) return;
    // A repeat further down (after a sub-headline: d024) is still the headline.
    for (auto& block : layout.blocks) {
        if (block.kind == BlockKind::body && same_title(block.span.of(text), headline)) {
            block.kind = BlockKind::headline;
            block.duplicate = true;
        }
    }
}

/// The dateline opens one of the first body paragraphs (a standfirst or a
/// byline may come before it).
void find_dateline(std::string_view text, Layout& layout) {
    int tried = 0;
    for (const auto& block : layout.blocks) {
        if (block.kind != BlockKind::body) continue;
        if (++tried > 3) return;
        auto match = grammar::parse_dateline(text, block.span.begin, block.span.end);
        if (!match) continue;
        Dateline dateline;
        dateline.span = {match->begin, match->end};
        dateline.place = {match->parts.place.begin, match->parts.place.end};
        dateline.date = {match->parts.date.begin, match->parts.date.end};
        dateline.agency = std::string(Span{match->parts.agency.begin, match->parts.agency.end}.of(text));
        layout.dateline = dateline;
        return;
    }
}

/// Two or more title-like lines closing the page are links to other stories
/// ("New Year 2026 arrives with fireworks …"), not the story's end.
void drop_trailing_headlines(std::string_view text, Layout& layout) {
    auto& blocks = layout.blocks;
    const auto title_line = [&](const Block& block) {
        const std::string_view content = block.span.of(text);
        return block.kind == BlockKind::body && single_line(block) && !lt::ends_sentence(content) &&
               lt::word_count_up_to(content, 21) <= 20;
    };
    std::size_t end = blocks.size();
    while (end > 0 && (blocks[end - 1].kind == BlockKind::boilerplate || blocks[end - 1].kind == BlockKind::end_matter ||
                       blocks[end - 1].kind == BlockKind::byline)) {
        --end;
    }
    std::size_t first = end;
    while (first > 0 && title_line(blocks[first - 1])) --first;
    if (end - first < 2 || first == 0) return;
    for (std::size_t i = first; i < end; ++i) {
        blocks[i].kind = BlockKind::boilerplate;
        blocks[i].rule = "layout.related-headlines";
        layout.boilerplate_lines += blocks[i].last_line - blocks[i].first_line + 1;
    }
}

}  // namespace factline
