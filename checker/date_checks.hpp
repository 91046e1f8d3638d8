#pragma once
// Weekday checks inside one document (issue 3 item 6, SPEC §3 date_mismatch):
// an expression that names a weekday and a full date that disagree ("Monday,
// Nov. 16, 2022" — a Wednesday), and a lead weekday that cannot fit a
// document date read from metadata or a header ("said on Friday" in a story
// dated on a Tuesday). Turns them into `date_mismatch` findings. Does not
// infer the document date (document_date.cpp) and does not compare
// documents (checker/kinds/date_mismatch.cpp does).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/civil_date.hpp"
#include "checker/date_scan.hpp"
#include "checker/finding.hpp"
#include "checker/layout.hpp"
#include "checker/span.hpp"

namespace factline {

/// One weekday that does not fit its date.
struct DateConflict {
    enum class Reason { same_expression, document_date };
    Span span;                  // the expression as written
    int stated_weekday = -1;    // what the text says, 0 = Monday
    CivilDate date;             // the date it should fall on (written, or the document date)
    Reason reason = Reason::same_expression;
};

/// Tuning of the lead-weekday check.
struct DateCheckOptions {
    // News leads name the weekday of the last few days; a weekday farther back
    // than this before a metadata/header date does not fit it.
    int max_lead_gap_days = 3;
};

/// The weekday conflicts of one document: every header/body expression whose
/// weekday disagrees with its own full date, and (when `dct` came from
/// metadata or a header) the first past-tense lead weekday that falls more
/// than max_lead_gap_days before it.
[[nodiscard]] std::vector<DateConflict> find_date_conflicts(std::string_view text, const Layout& layout,
                                                            const DatedBy& dct, const DateCheckOptions& options = {});

/// As above, reading the blocks from `scan` (shared with extraction).
[[nodiscard]] std::vector<DateConflict> find_date_conflicts(DateScan& scan, const DatedBy& dct,
                                                            const DateCheckOptions& options = {});

/// Where a finding's evidence comes from.
struct DateFindingSource {
    SharedText doc;
    SharedText doc_hash;
    SharedText outlet;
    SharedText cluster;
};

/// A `date_mismatch` finding (topic "date", subject the ISO date) with two
/// sides, the stated weekday and the date's weekday, both pointing at the
/// expression's line:col in `text`.
[[nodiscard]] Finding date_conflict_finding(const DateConflict& conflict, std::string_view text,
                                            const DateFindingSource& source);

/// "monday" … "sunday" (0 = Monday); "" outside 0..6.
[[nodiscard]] std::string_view weekday_name(int weekday);

}  // namespace factline
