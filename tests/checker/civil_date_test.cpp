#include "checker/civil_date.hpp"

#include <gtest/gtest.h>

namespace factline {
namespace {

TEST(CivilDate, RoundTripsThroughDays) {
    for (std::int64_t d = -800000; d < 800000; d += 997) {
        EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
    }
    EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(to_iso(civil_from_days(days_from_civil({2024, 2, 29}) + 1)), "2024-03-01");
}

TEST(CivilDate, KnowsWeekdaysOfTheSeedDates) {
    EXPECT_EQ(weekday({2022, 11, 11}), 4);  // Friday
    EXPECT_EQ(weekday({2023, 2, 28}), 1);   // Tuesday
    EXPECT_EQ(weekday({2022, 12, 8}), 3);   // Thursday
    EXPECT_EQ(weekday({1970, 1, 1}), 3);    // Thursday
}

TEST(CivilDate, ParsesOnlyRealIsoDates) {
    EXPECT_EQ(parse_iso("2022-11-11"), (CivilDate{2022, 11, 11}));
    EXPECT_FALSE(parse_iso("2022-02-29"));
    EXPECT_TRUE(parse_iso("2024-02-29"));
    EXPECT_FALSE(parse_iso("2022-13-01"));
    EXPECT_FALSE(parse_iso("22-11-11"));
    EXPECT_FALSE(parse_iso(""));
}

TEST(CivilDate, NamesEveryProvenance) {
    for (auto s : {DateSource::metadata, DateSource::header, DateSource::dateline, DateSource::cluster,
                   DateSource::weekday, DateSource::relative, DateSource::unknown}) {
        EXPECT_EQ(parse_date_source(to_string(s)), s);
    }
    EXPECT_FALSE(parse_date_source("guess"));
}

}  // namespace
}  // namespace factline
