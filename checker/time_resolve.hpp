#pragma once
// Resolution policy for temporal expressions (SPEC §2.3): turns a parsed
// ast::DateExpr into a TIMEX3 value at its own granularity ("2022-11-11",
// "2022-09", "2014", "2022-W45") given the document creation time (DCT).
// Plain C++, no X3: the grammar only says what was written. Does not find
// expressions (time.cpp) nor infer the DCT (document_date.cpp).
#include <optional>
#include <string>
#include <vector>

#include "checker/civil_date.hpp"
#include "grammar/date_ast.hpp"

namespace factline {

/// Which number comes first in "12/8/2022" when nothing else decides.
enum class NumericOrder { month_first, day_first };

/// "mdy" → month_first, "dmy" → day_first (the config's numeric_date_order); nullopt otherwise.
[[nodiscard]] std::optional<NumericOrder> parse_numeric_order(std::string_view text);

/// What the caller knows around one expression.
struct ResolveContext {
    std::optional<CivilDate> dct;
    bool future = false;              // the clause is in future tense ("will meet on Friday")
    bool past = false;                // the clause is in past tense ("took Kherson in March")
    std::vector<int> nearby_weekdays; // weekdays named near a numeric date, 0 = Monday
    NumericOrder default_order = NumericOrder::month_first;
};

/// An expression's meaning.
struct Resolution {
    std::string value;             // TIMEX3 value; "" when it cannot be resolved
    std::optional<CivilDate> day;  // when the value is one calendar day
    bool relative = false;         // the value depends on the DCT
};

/// Resolves one expression. Absolute forms resolve without a DCT; relative
/// ones ("on Friday", "last September", "Nov 11", "this month") need it.
[[nodiscard]] Resolution resolve(const grammar::ast::DateExpr& expr, const ResolveContext& context);

/// The readings of "first/second/year" that are real dates: month-first then
/// day-first (one reading when both agree or only one is possible).
[[nodiscard]] std::vector<CivilDate> numeric_readings(int first, int second, int year);

/// Picks a reading: the only possible one, else the one on a named weekday,
/// else the default order.
[[nodiscard]] std::optional<CivilDate> choose_numeric_reading(int first, int second, int year,
                                                              const std::vector<int>& weekdays,
                                                              NumericOrder default_order);

/// The most recent `weekday` on or before `reference` (0 = Monday).
[[nodiscard]] CivilDate weekday_on_or_before(CivilDate reference, int weekday);
/// The first `weekday` strictly after `reference`.
[[nodiscard]] CivilDate weekday_after(CivilDate reference, int weekday);
/// Month-day without year: the occurrence nearest to `reference` (within ±6 months).
[[nodiscard]] std::optional<CivilDate> nearest_month_day(CivilDate reference, int month, int day);

/// The latest (month, day) on or before `reference`, within a year: "took the
/// city on March 3" told on Nov 10 is the March before.
[[nodiscard]] std::optional<CivilDate> latest_month_day(CivilDate reference, int month, int day);
/// ISO 8601 week value "YYYY-Www" of `date`.
[[nodiscard]] std::string iso_week(CivilDate date);

}  // namespace factline
