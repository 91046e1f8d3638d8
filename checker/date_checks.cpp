#include "checker/date_checks.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

#include "checker/finding_id.hpp"
#include "checker/layout_text.hpp"
#include "checker/time.hpp"

namespace factline {

namespace {

namespace ast = grammar::ast;

/// False when `text` holds no run of four ASCII digits, so no date with a
/// year: the date grammar reads a year only as four digits (year_number and
/// iso_date, grammar/date_def.hpp). Most paragraphs have none.
bool may_hold_year(std::string_view text) {
    for (std::size_t i = layout_text::find_digit(text); i < text.size(); i = layout_text::find_digit(text, i)) {
        const std::size_t run = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i - run >= 4) return true;
    }
    return false;
}

/// Expressions that name a weekday next to a full written date ("Monday, Nov. 16, 2022").
void same_expression_conflicts(DateScan& scan, std::vector<DateConflict>& out) {
    const auto& blocks = scan.layout().blocks;
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
        const BlockKind kind = blocks[b].kind;
        if (kind != BlockKind::body && kind != BlockKind::header && kind != BlockKind::headline) continue;
        // Only full written dates: a year-less "Monday, Nov 16" would blame a guessed
        // year, and "Thursday, 12/8/2022" is read by its weekday. The grammar alone
        // is enough (no resolution), which keeps this linear in the block.
        // A block without a year has nothing to find here, and is scanned
        // only if another check or extraction asks; one that names no
        // weekday has no scan.
        if (!may_hold_year(blocks[b].span.of(scan.text()))) continue;
        const auto* dates = scan.weekday_block(b);
        if (dates == nullptr) continue;
        for (const auto& expr : *dates) {
            if (expr.form != ast::DateForm::calendar || expr.weekday < 0 || expr.year == 0) continue;
            const CivilDate day{expr.year, expr.month, expr.day};
            if (!is_valid(day) || weekday(day) == expr.weekday) continue;
            out.push_back({{expr.begin, expr.end}, expr.weekday, day, DateConflict::Reason::same_expression});
        }
    }
}

/// True when the weekday at [begin, end) is the day something was reported:
/// "said Friday", "said on Friday", "told reporters on Friday", "on Friday
/// announced". Other lead weekdays are too often a day ahead ("have been
/// rescheduled for Thursday", "the board Monday will discuss") or an aside.
bool reported_day(std::string_view text, std::uint32_t begin, std::uint32_t end) {
    static constexpr std::array<std::string_view, 10> reporting{"said", "says", "told", "announced", "reported",
                                                                "stated", "added", "declared", "confirmed", "wrote"};
    const auto is_reporting = [&](std::string_view word) {
        return std::find(reporting.begin(), reporting.end(), word) != reporting.end();
    };
    // Up to three words before ("told reporters on", "said on"), but not a
    // report still to come ("to be reported Tuesday").
    const auto before = words_before(text, begin, 4, WordReach::sentence);
    for (std::size_t k = 0; k < before.size() && k < 3; ++k) {
        if (!is_reporting(before[k])) continue;
        const std::string_view previous = k + 1 < before.size() ? std::string_view(before[k + 1]) : "";
        return previous != "be" && previous != "to" && previous != "will";
    }
    // Up to two words after, in the same clause ("on Friday said").
    std::size_t j = end;
    for (int words = 0; words < 2 && j < text.size(); ++words) {
        while (j < text.size() && !std::isalpha(static_cast<unsigned char>(text[j]))) {
            if (text[j] == '.' || text[j] == ';' || text[j] == ',') return false;
            ++j;
        }
        std::string word;
        for (; j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])); ++j) {
            word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[j]))));
        }
        if (is_reporting(word)) return true;
    }
    return false;
}

/// The lead's first past weekday against a document date the page itself states.
void lead_conflict(DateScan& scan, const DatedBy& dct, const DateCheckOptions& options,
                   std::vector<DateConflict>& out) {
    if (!dct.date || (dct.source != DateSource::metadata && dct.source != DateSource::header)) return;
    const std::string_view text = scan.text();
    const auto& blocks = scan.layout().blocks;
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
        if (blocks[b].kind != BlockKind::body) continue;
        // The lead paragraph only: later paragraphs tell the background, on any
        // earlier day. Only a weekday there can conflict.
        const auto* dates = scan.weekday_block(b);
        if (dates == nullptr) return;
        for (const auto& expr : *dates) {
            if (expr.form == ast::DateForm::relative_unit || expr.modifier != ast::Modifier::none) return;  // "last week", "last Friday": told as earlier
            if (expr.form != ast::DateForm::weekday) continue;
            // Only a day something was reported on ("said on Friday"), and not one ahead.
            if (!reported_day(text, expr.begin, expr.end)) continue;
            if (future_marker_before(text, expr.begin)) return;
            const CivilDate day = weekday_on_or_before(*dct.date, expr.weekday);
            if (days_from_civil(*dct.date) - days_from_civil(day) > options.max_lead_gap_days) {
                out.push_back({{expr.begin, expr.end}, expr.weekday, *dct.date, DateConflict::Reason::document_date});
            }
            return;
        }
        return;
    }
}

}  // namespace

std::string_view weekday_name(int weekday) {
    static constexpr std::array<std::string_view, 7> names{"monday", "tuesday", "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};
    return weekday >= 0 && weekday < 7 ? names[static_cast<std::size_t>(weekday)] : std::string_view{};
}

std::vector<DateConflict> find_date_conflicts(DateScan& scan, const DatedBy& dct, const DateCheckOptions& options) {
    std::vector<DateConflict> out;
    same_expression_conflicts(scan, out);
    lead_conflict(scan, dct, options, out);
    return out;
}

std::vector<DateConflict> find_date_conflicts(std::string_view text, const Layout& layout, const DatedBy& dct,
                                              const DateCheckOptions& options) {
    DateScan scan(text, layout);
    return find_date_conflicts(scan, dct, options);
}

Finding date_conflict_finding(const DateConflict& conflict, std::string_view text, const DateFindingSource& source) {
    const LineCol at = LineIndex(text).at(conflict.span.begin);
    FindingEvidence evidence;
    evidence.doc = source.doc;
    evidence.line = at.line;
    evidence.col = at.col;
    evidence.stated = conflict.date;
    evidence.stated_source =
        conflict.reason == DateConflict::Reason::same_expression ? DateSource::relative : DateSource::unknown;
    evidence.text = std::string(conflict.span.of(text));
    evidence.outlet = source.outlet;
    evidence.cluster = source.cluster;
    evidence.doc_hash = source.doc_hash;

    Finding finding;
    finding.kind = "date_mismatch";
    finding.severity = Severity::warning;
    finding.topic = "date";
    finding.subject = to_iso(conflict.date);
    finding.rule = conflict.reason == DateConflict::Reason::same_expression ? "time.date_mismatch.weekday_vs_date"
                                                                            : "time.date_mismatch.weekday_vs_document_date";
    const std::string_view actual = weekday_name(weekday(conflict.date));
    // Messages name days as people write them ("a Monday").
    const auto title = [](std::string_view name) {
        std::string out(name);
        if (!out.empty()) out[0] = static_cast<char>(out[0] - 'a' + 'A');
        return out;
    };
    for (const std::string_view value : {weekday_name(conflict.stated_weekday), actual}) {
        FindingSide side;
        side.value = std::string(value);
        side.evidence.push_back(evidence);
        side.clusters = 1;
        finding.sides.push_back(std::move(side));
    }
    finding.id = finding_id(finding);
    finding.message =
        conflict.reason == DateConflict::Reason::same_expression
            ? fmt::format("\"{}\" names a {} but {} was a {}", evidence.text,
                          title(weekday_name(conflict.stated_weekday)), finding.subject, title(actual))
            : fmt::format("the lead names {} as the day of its news but the story is dated {}, a {}",
                          evidence.text, finding.subject, title(actual));
    return finding;
}

}  // namespace factline
