#include "checker/civil_date.hpp"

#include <array>
#include <fmt/format.h>

namespace factline {

std::int64_t days_from_civil(CivilDate date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

int weekday(CivilDate date) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const std::int64_t d = days_from_civil(date);
    return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

bool is_valid(CivilDate date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

std::string to_iso(CivilDate date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::optional<CivilDate> parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const CivilDate date{number(0, 4), number(5, 2), number(8, 2)};
    if (date.year < 0 || !is_valid(date)) return std::nullopt;
    return date;
}

CivilDate add_days(CivilDate date, std::int64_t days) {
    return civil_from_days(days_from_civil(date) + days);
}

std::string_view to_string(DateSource source) {
    switch (source) {
        case DateSource::metadata: return "metadata";
        case DateSource::header: return "header";
        case DateSource::dateline: return "dateline";
        case DateSource::cluster: return "cluster";
        case DateSource::weekday: return "weekday";
        case DateSource::relative: return "relative";
        case DateSource::unknown: return "unknown";
    }
    return "unknown";
}

std::optional<DateSource> parse_date_source(std::string_view text) {
    for (auto s : {DateSource::metadata, DateSource::header, DateSource::dateline, DateSource::cluster,
                   DateSource::weekday, DateSource::relative, DateSource::unknown}) {
        if (to_string(s) == text) return s;
    }
    return std::nullopt;
}

}  // namespace factline
