// read_document_date (declared in time.hpp): metadata > header > dateline, and
// the lead's weekdays that later complete or disambiguate a date.
#include <algorithm>
#include <cassert>
#include <span>

#include "checker/date_scan.hpp"
#include "checker/time.hpp"
#include "grammar/date_prefilter.hpp"
#include "grammar/parse_date.hpp"

namespace factline {

namespace {

namespace ast = grammar::ast;

// The lead is where the article's own day is named ("the Kremlin said on Friday").
constexpr std::size_t lead_blocks = 3;
constexpr std::uint32_t lead_bytes = 1500;

/// One date a header gives, with every reading it allows (two for "12/8/2022").
struct HeaderDate {
    std::vector<CivilDate> readings;
    Span span;
};

std::vector<HeaderDate> header_dates(std::string_view text, const Layout& layout) {
    std::vector<HeaderDate> dates;
    bool body_seen = false;
    for (const auto& block : layout.blocks) {
        body_seen = body_seen || block.kind == BlockKind::body;
        // A byline above the story often carries the publication date
        // ("By Olena Marchuk | January 12, 2023"); one below it is end matter.
        const bool top_byline = block.kind == BlockKind::byline && !body_seen;
        if (block.kind != BlockKind::header && !top_byline) continue;
        for (const auto& expr : grammar::parse_dates(text, block.span.begin, block.span.end).dates) {
            HeaderDate date{{}, {expr.begin, expr.end}};
            if (expr.form == ast::DateForm::numeric) {
                date.readings = numeric_readings(expr.first, expr.second, expr.year);
            } else if (expr.form == ast::DateForm::calendar && expr.year != 0) {
                date.readings.push_back({expr.year, expr.month, expr.day});
            }
            if (!date.readings.empty()) dates.push_back(std::move(date));
        }
    }
    return dates;
}

/// The date expressions of a lead paragraph, cut at `end`, that may hold a
/// weekday (none when the prefilter says it names none: three quarters of
/// read_document_date on Reuters). A whole paragraph's are its block's scan,
/// shared with extraction when there is one.
std::span<const ast::DateExpr> lead_dates(std::string_view text, const Layout& layout, std::uint32_t block,
                                          std::uint32_t end, DateScan* dates, const grammar::DatePrefilter& prefilter,
                                          std::vector<ast::DateExpr>& scratch) {
    const Span span = layout.blocks[block].span;
    assert(dates == nullptr || &dates->layout() == &layout);
    if (dates != nullptr && end == span.end) {
        const auto* scanned = dates->weekday_block(block);
        if (scanned == nullptr) return {};
        return *scanned;
    }
    if (!prefilter.may_name_weekday(Span{span.begin, end}.of(text))) return {};
    scratch = grammar::parse_dates(text, span.begin, end).dates;
    return scratch;
}

/// Weekdays named as past days in the first body paragraphs, in text order.
std::vector<int> lead_weekdays(std::string_view text, const Layout& layout, DateScan* dates) {
    std::vector<int> weekdays;
    std::size_t blocks = 0;
    std::uint32_t bytes = 0;
    const grammar::DatePrefilter prefilter;
    std::vector<ast::DateExpr> scratch;
    for (std::uint32_t index = 0; index < layout.blocks.size(); ++index) {
        const Block& block = layout.blocks[index];
        if (block.kind != BlockKind::body) continue;
        if (blocks++ == lead_blocks || bytes >= lead_bytes) break;
        const std::uint32_t end = std::min(block.span.end, block.span.begin + (lead_bytes - bytes));
        bytes += end - block.span.begin;
        for (const auto& expr : lead_dates(text, layout, index, end, dates, prefilter, scratch)) {
            if (expr.form != ast::DateForm::weekday || expr.modifier != ast::Modifier::none) continue;
            const bool reported = expr.context_word == "said" || expr.context_word == "says";
            if (!reported && future_marker_before(text, expr.begin)) continue;
            weekdays.push_back(expr.weekday);
        }
    }
    return weekdays;
}

}  // namespace

DocumentDateEvidence read_document_date(const Document& document, const Layout& layout, NumericOrder order,
                                        DateScan* dates) {
    const std::string_view text = document.text;
    DocumentDateEvidence evidence;
    evidence.body_weekdays = lead_weekdays(text, layout, dates);
    if (document.meta.published) {
        evidence.date = {document.meta.published, DateSource::metadata};
        return evidence;
    }
    const auto headers = header_dates(text, layout);
    if (!headers.empty()) {
        // Two header dates that disagree, or one "12/8/2022": the reading that
        // falls on the lead's weekday wins, else the first date in its default order.
        if (!evidence.body_weekdays.empty()) {
            for (const auto& header : headers) {
                for (const auto& reading : header.readings) {
                    if (weekday(reading) == evidence.body_weekdays.front()) {
                        evidence.date = {reading, DateSource::header};
                        evidence.evidence = header.span;
                        return evidence;
                    }
                }
            }
        }
        const auto& first = headers.front();
        const bool day_first = order == NumericOrder::day_first && first.readings.size() == 2;
        evidence.date = {first.readings[day_first ? 1 : 0], DateSource::header};
        evidence.evidence = first.span;
        return evidence;
    }
    if (layout.dateline && !layout.dateline->date.empty()) {
        const Span span = layout.dateline->date;
        const auto parsed = grammar::parse_dates(text, span.begin, span.end);
        if (!parsed.dates.empty()) {
            const auto& expr = parsed.dates.front();
            evidence.evidence = Span{expr.begin, expr.end};
            if (expr.form == ast::DateForm::calendar && expr.year != 0) {
                evidence.date = {CivilDate{expr.year, expr.month, expr.day}, DateSource::dateline};
            } else if (expr.form == ast::DateForm::numeric) {
                if (auto date = choose_numeric_reading(expr.first, expr.second, expr.year, evidence.body_weekdays, order)) {
                    evidence.date = {date, DateSource::dateline};
                }
            } else if (expr.form == ast::DateForm::calendar) {
                evidence.partial_month = expr.month;
                evidence.partial_day = expr.day;
            }
        }
    }
    return evidence;
}

DocumentDateEvidence read_document_date(const Document& document, const Layout& layout) {
    return read_document_date(document, layout, NumericOrder::month_first);
}

}  // namespace factline
