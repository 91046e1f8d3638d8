#pragma once
// Proleptic Gregorian calendar dates without time zones, and where a date came
// from. Plain arithmetic (Howard Hinnant's days_from_civil); no locale, no clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace factline {

struct CivilDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

/// Days since 1970-01-01.
[[nodiscard]] std::int64_t days_from_civil(CivilDate date);
[[nodiscard]] CivilDate civil_from_days(std::int64_t days);
/// 0 = Monday … 6 = Sunday.
[[nodiscard]] int weekday(CivilDate date);
[[nodiscard]] int days_in_month(int year, int month);
[[nodiscard]] bool is_valid(CivilDate date);
/// "YYYY-MM-DD".
[[nodiscard]] std::string to_iso(CivilDate date);
/// Parses "YYYY-MM-DD"; nullopt for anything else or an impossible date.
[[nodiscard]] std::optional<CivilDate> parse_iso(std::string_view text);
[[nodiscard]] CivilDate add_days(CivilDate date, std::int64_t days);

/// Where a date came from (SPEC §2.3). The order is the inference order.
enum class DateSource : std::uint8_t { metadata, header, dateline, cluster, weekday, relative, unknown };

[[nodiscard]] std::string_view to_string(DateSource source);
[[nodiscard]] std::optional<DateSource> parse_date_source(std::string_view text);

/// A date with its provenance; `date` empty means unknown.
struct DatedBy {
    std::optional<CivilDate> date;
    DateSource source = DateSource::unknown;
};

}  // namespace factline
