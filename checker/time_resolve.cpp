#include "checker/time_resolve.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

namespace factline {

namespace ast = grammar::ast;

namespace {

std::string month_value(int year, int month) { return fmt::format("{:04}-{:02}", year, month); }

/// Months from (year, month) to (other_year, other_month).
int month_distance(int year, int month, int other_year, int other_month) {
    return (other_year - year) * 12 + (other_month - month);
}

/// (year, month) shifted by `months`.
std::pair<int, int> add_months(int year, int month, int months) {
    const int index = year * 12 + (month - 1) + months;
    return {index / 12, index % 12 + 1};
}

Resolution day_resolution(CivilDate date, bool relative) { return {to_iso(date), date, relative}; }

Resolution resolve_month(const ast::DateExpr& expr, const ResolveContext& context) {
    const CivilDate dct = *context.dct;
    int year = dct.year;
    switch (expr.modifier) {
        case ast::Modifier::last: year = expr.month < dct.month ? dct.year : dct.year - 1; break;
        case ast::Modifier::next: year = expr.month > dct.month ? dct.year : dct.year + 1; break;
        case ast::Modifier::this_period: break;
        case ast::Modifier::none:
            if (context.future) {
                year = expr.month >= dct.month ? dct.year : dct.year + 1;
            } else if (context.past) {
                year = expr.month <= dct.month ? dct.year : dct.year - 1;  // the latest one not after the DCT
            } else {
                // The nearest occurrence; a tie (six months away) goes to the past, as news reports mostly do.
                int best = dct.year - 1;
                for (int candidate : {dct.year, dct.year + 1}) {
                    if (std::abs(month_distance(dct.year, dct.month, candidate, expr.month)) <
                        std::abs(month_distance(dct.year, dct.month, best, expr.month))) {
                        best = candidate;
                    }
                }
                year = best;
            }
            break;
    }
    return {month_value(year, expr.month), std::nullopt, true};
}

Resolution resolve_weekday(const ast::DateExpr& expr, const ResolveContext& context) {
    const CivilDate dct = *context.dct;
    CivilDate date;
    if (expr.modifier == ast::Modifier::next || (expr.modifier == ast::Modifier::none && context.future)) {
        date = weekday_after(dct, expr.weekday);
    } else if (expr.modifier == ast::Modifier::last) {
        date = weekday_on_or_before(add_days(dct, -1), expr.weekday);
    } else {
        date = weekday_on_or_before(dct, expr.weekday);
    }
    return day_resolution(date, true);
}

Resolution resolve_unit(const ast::DateExpr& expr, const ResolveContext& context) {
    const CivilDate dct = *context.dct;
    const int step = expr.modifier == ast::Modifier::last ? -1 : expr.modifier == ast::Modifier::next ? 1 : 0;
    switch (expr.unit) {
        case ast::Unit::week: return {iso_week(add_days(dct, 7 * step)), std::nullopt, true};
        case ast::Unit::month: {
            const auto [year, month] = add_months(dct.year, dct.month, step);
            return {month_value(year, month), std::nullopt, true};
        }
        case ast::Unit::year: return {fmt::format("{:04}", dct.year + step), std::nullopt, true};
        case ast::Unit::day:
        case ast::Unit::none: break;
    }
    return {"", std::nullopt, true};
}

}  // namespace

std::optional<NumericOrder> parse_numeric_order(std::string_view text) {
    if (text == "mdy") return NumericOrder::month_first;
    if (text == "dmy") return NumericOrder::day_first;
    return std::nullopt;
}

std::vector<CivilDate> numeric_readings(int first, int second, int year) {
    std::vector<CivilDate> readings;
    const CivilDate month_first{year, first, second};
    const CivilDate day_first{year, second, first};
    if (is_valid(month_first)) readings.push_back(month_first);
    if (is_valid(day_first) && day_first != month_first) readings.push_back(day_first);
    return readings;
}

std::optional<CivilDate> choose_numeric_reading(int first, int second, int year, const std::vector<int>& weekdays,
                                                NumericOrder default_order) {
    const auto readings = numeric_readings(first, second, year);
    if (readings.empty()) return std::nullopt;
    if (readings.size() == 1) return readings.front();
    // A weekday named nearby settles it when exactly one reading falls on it.
    for (int named : weekdays) {
        std::vector<CivilDate> matching;
        for (const auto& reading : readings) {
            if (weekday(reading) == named) matching.push_back(reading);
        }
        if (matching.size() == 1) return matching.front();
    }
    return default_order == NumericOrder::month_first ? readings[0] : readings[1];
}

CivilDate weekday_on_or_before(CivilDate reference, int day_of_week) {
    const int back = (weekday(reference) - day_of_week + 7) % 7;
    return add_days(reference, -back);
}

CivilDate weekday_after(CivilDate reference, int day_of_week) {
    int ahead = (day_of_week - weekday(reference) + 7) % 7;
    if (ahead == 0) ahead = 7;
    return add_days(reference, ahead);
}

std::optional<CivilDate> nearest_month_day(CivilDate reference, int month, int day) {
    std::optional<CivilDate> best;
    std::int64_t best_distance = 0;
    for (int year : {reference.year - 1, reference.year, reference.year + 1}) {
        const CivilDate candidate{year, month, day};
        if (!is_valid(candidate)) continue;
        const std::int64_t distance = std::llabs(days_from_civil(candidate) - days_from_civil(reference));
        // Ties go to the past: news reports what happened more than what will.
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    if (best && best_distance > 184) return std::nullopt;
    return best;
}

std::optional<CivilDate> latest_month_day(CivilDate reference, int month, int day) {
    for (int year : {reference.year, reference.year - 1}) {
        const CivilDate candidate{year, month, day};
        if (is_valid(candidate) && days_from_civil(candidate) <= days_from_civil(reference)) return candidate;
    }
    return std::nullopt;
}

std::string iso_week(CivilDate date) {
    // The ISO week belongs to the year of its Thursday.
    const CivilDate thursday = add_days(date, 3 - weekday(date));
    const std::int64_t first_day = days_from_civil({thursday.year, 1, 1});
    const int week = static_cast<int>((days_from_civil(thursday) - first_day) / 7 + 1);
    return fmt::format("{:04}-W{:02}", thursday.year, week);
}

Resolution resolve(const ast::DateExpr& expr, const ResolveContext& context) {
    switch (expr.form) {
        case ast::DateForm::calendar: {
            if (expr.year != 0) {
                const CivilDate date{expr.year, expr.month, expr.day};
                if (!is_valid(date)) return {};
                return day_resolution(date, false);
            }
            if (!context.dct) return {"", std::nullopt, true};
            if (context.past) {
                if (auto date = latest_month_day(*context.dct, expr.month, expr.day)) return day_resolution(*date, true);
            }
            if (auto date = nearest_month_day(*context.dct, expr.month, expr.day)) return day_resolution(*date, true);
            return {"", std::nullopt, true};
        }
        case ast::DateForm::numeric: {
            std::vector<int> weekdays;
            if (expr.weekday >= 0) weekdays.push_back(expr.weekday);
            weekdays.insert(weekdays.end(), context.nearby_weekdays.begin(), context.nearby_weekdays.end());
            if (auto date = choose_numeric_reading(expr.first, expr.second, expr.year, weekdays, context.default_order)) {
                return day_resolution(*date, false);
            }
            return {};
        }
        case ast::DateForm::month_year: return {month_value(expr.year, expr.month), std::nullopt, false};
        case ast::DateForm::year: return {fmt::format("{:04}", expr.year), std::nullopt, false};
        case ast::DateForm::month:
            if (!context.dct) return {"", std::nullopt, true};
            return resolve_month(expr, context);
        case ast::DateForm::weekday:
            if (!context.dct) return {"", std::nullopt, true};
            return resolve_weekday(expr, context);
        case ast::DateForm::relative_unit:
            if (!context.dct) return {"", std::nullopt, true};
            return resolve_unit(expr, context);
        case ast::DateForm::deictic:
            if (!context.dct) return {"", std::nullopt, true};
            return day_resolution(add_days(*context.dct, expr.day_offset), true);
    }
    return {};
}

}  // namespace factline
