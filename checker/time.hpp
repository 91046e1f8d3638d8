#pragma once
// Stage 4: temporal expressions and the document date. Finds date expressions
// with the grammar in grammar/ (parse_dates), resolves them against the
// document creation time (DCT), and infers the DCT itself from metadata,
// header, dateline and weekday constraints (SPEC §2.3). Resolution policy
// (ordinary C++, testable without X3) lives in time_resolve.cpp.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checker/civil_date.hpp"
#include "checker/document.hpp"
#include "checker/layout.hpp"
#include "checker/span.hpp"
#include "checker/time_resolve.hpp"
#include "grammar/date_ast.hpp"

namespace factline {

class DateScan;

/// One temporal expression found in a text, resolved when a DCT is known.
struct TimeExpression {
    Span span;
    std::string value;             // TIMEX3 value at its own granularity ("2022-11-11", "2022-09", "2014"); "" unresolved
    std::optional<CivilDate> day;  // set when the value is one calendar day
    int weekday = -1;              // 0 = Monday … 6 = Sunday, when the text names a weekday
    bool relative = false;         // needed the DCT ("on Friday", "last September", "Nov 11")
};

/// Every temporal expression inside `span` of `text`, resolved against `dct`
/// when given (relative ones stay unresolved without it).
[[nodiscard]] std::vector<TimeExpression> find_times(std::string_view text, Span span,
                                                     std::optional<CivilDate> dct);
/// As above, with the order that reads "12/8/2022" when nothing else decides.
[[nodiscard]] std::vector<TimeExpression> find_times(std::string_view text, Span span,
                                                     std::optional<CivilDate> dct, NumericOrder order);

/// The expressions `dates` (as parse_dates found them in one span of `text`)
/// resolved as find_times() resolves its span's.
[[nodiscard]] std::vector<TimeExpression> resolve_times(std::string_view text,
                                                        std::span<const grammar::ast::DateExpr> dates,
                                                        std::optional<CivilDate> dct, NumericOrder order);

/// How far back words_before() reads: `clause` stops at . ! ? ; and line
/// breaks; `sentence` only at a real sentence end (". T" after a lower-case
/// letter, so "U.K. Ltd" goes on), a blank line or ';', and so crosses the
/// line breaks of wrapped paragraphs.
enum class WordReach { clause, sentence };

/// The lower-cased words (letters and apostrophes) before byte `begin`,
/// nearest first, at most `max_words`.
[[nodiscard]] std::vector<std::string> words_before(std::string_view text, std::uint32_t begin,
                                                    std::size_t max_words, WordReach reach);

/// The tense the clause before byte `begin` marks, by its nearest marker
/// looking back to the start of the sentence: "will meet on Friday" is future,
/// "took Kherson in March" past, "in March" alone unmarked.
enum class Tense { unmarked, past, future };
[[nodiscard]] Tense tense_before(std::string_view text, std::uint32_t begin);

/// True when the clause before byte `begin` is in future tense ("will meet on Friday").
[[nodiscard]] bool future_tense_before(std::string_view text, std::uint32_t begin);

/// True when anything earlier in the sentence of byte `begin` looks ahead
/// ("will", "would", "due", "scheduled", "rescheduled", "expected", …),
/// however far back; line breaks inside a paragraph do not end the sentence.
/// Stricter than future_tense_before, for checks that must only read a
/// weekday as a past day ("have been rescheduled for Thursday" is not one).
[[nodiscard]] bool future_marker_before(std::string_view text, std::uint32_t begin);

/// What a single document tells about its own date, before corpus-level
/// completion (cluster, weekday-year).
struct DocumentDateEvidence {
    DatedBy date;                         // metadata, header or dateline with a full date
    std::optional<int> partial_month;     // dateline/header month-day without a year
    std::optional<int> partial_day;
    std::vector<int> body_weekdays;       // weekdays named as "on Friday" / "said Thursday" in the body
    std::optional<Span> evidence;         // where the date was read
};

/// Reads, in order, the source metadata, header blocks and the dateline (never
/// captions, copyright, end matter or boilerplate), and the weekdays named in
/// the first body paragraphs. A header "12/8/2022", or two header dates that
/// disagree, are settled by the lead's weekday, else by `order` / the first.
/// With `dates` (a scan of this document and layout that extraction will
/// read too), a whole lead paragraph's weekdays come from its block scan,
/// which is then not made twice.
[[nodiscard]] DocumentDateEvidence read_document_date(const Document& document, const Layout& layout,
                                                      NumericOrder order, DateScan* dates = nullptr);
/// As above with month-first numeric dates.
[[nodiscard]] DocumentDateEvidence read_document_date(const Document& document, const Layout& layout);

/// Completes a month-day without year by weekday constraints: the year whose
/// date falls on the lead's weekday (body_weekdays.front()) nearest
/// `reference` (capped at today), at most a year after it and never after
/// today; provenance `weekday`. Returns
/// evidence.date when it is already known, and unknown when nothing fits.
[[nodiscard]] DatedBy complete_with_weekday(const DocumentDateEvidence& evidence, CivilDate reference);

}  // namespace factline
