// Resolution policy (checker/time_resolve.cpp) and find_times: one table row
// per rule of the policy, with the DCT it is resolved against.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>

#include "checker/time.hpp"
#include "checker/time_resolve.hpp"
#include "grammar/parse_date.hpp"

namespace {

using namespace factline;

struct Case {
    const char* text;  // one sentence with exactly one expression
    const char* dct;   // "" = no DCT
    const char* value; // expected TIMEX3 value, "" = unresolved
    bool relative;
};

TEST(TimeResolve, PolicyTable) {
    const Case cases[] = {
        // absolute forms resolve without a DCT
        {"on Nov. 11, 2022,", "", "2022-11-11", false},
        {"since 2014", "", "2014", false},
        {"in September 2022", "", "2022-09", false},
        {"on 2022/09/10", "", "2022-09-10", false},
        {"29/11/2022 - 14:05", "", "2022-11-29", false},  // only day-first is a date
        {"12/8/2022 Anna", "", "2022-12-08", false},      // default order: month-first
        // relative forms need the DCT
        {"said on Friday", "", "", true},
        {"in September", "", "", true},
        {"Nov 11 (Reuters)", "", "", true},
        // a bare weekday: the most recent on or before the DCT (2022-11-11 is a Friday)
        {"the Kremlin said on Friday", "2022-11-11", "2022-11-11", true},
        {"on Wednesday it announced", "2022-11-11", "2022-11-09", true},
        {"Peskov said Thursday", "2022-12-08", "2022-12-08", true},
        {"Saturday's strike", "2022-11-11", "2022-11-05", true},
        // future tense or "next": the next one
        {"they will meet on Friday", "2022-11-09", "2022-11-11", true},
        {"talks next Friday", "2022-11-11", "2022-11-18", true},
        {"it will focus on what it annexed on Friday", "2022-11-09", "2022-11-04", true},
        {"since last Friday", "2022-11-11", "2022-11-04", true},
        // "last <month>": the previous occurrence before the DCT's month
        {"annexed last September", "2023-02-28", "2022-09", true},
        {"annexed last September", "2022-11-11", "2022-09", true},
        {"annexed last November", "2022-11-11", "2021-11", true},
        {"next March", "2022-11-11", "2023-03", true},
        {"in September", "2022-11-11", "2022-09", true},
        {"in January", "2022-11-11", "2023-01", true},
        // month-day without year: the nearest occurrence within six months
        {"on Sept. 30", "2022-11-11", "2022-09-30", true},
        {"on Dec. 30", "2023-01-05", "2022-12-30", true},
        {"on Jan. 3", "2022-12-20", "2023-01-03", true},
        {"on Feb 29", "2022-11-11", "", true},  // no leap day within six months
        // units and deictic words
        {"this month", "2022-12-08", "2022-12", true},
        {"last month", "2023-01-05", "2022-12", true},
        {"next month", "2022-12-08", "2023-01", true},
        {"last year", "2023-02-28", "2022", true},
        {"this year", "2023-02-28", "2023", true},
        {"earlier this week", "2022-11-11", "2022-W45", true},
        {"last week", "2023-01-02", "2022-W52", true},
        {"yesterday", "2023-03-01", "2023-02-28", true},
        {"today", "2022-12-08", "2022-12-08", true},
        {"tomorrow", "2022-12-31", "2023-01-01", true},
        {"Thursday, Dec. 8", "2022-12-10", "2022-12-08", true},
        {"Saturday, 10 September 2022", "", "2022-09-10", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const std::string text = c.text;
        const auto dct = *c.dct ? parse_iso(c.dct) : std::nullopt;
        const auto times = find_times(text, {0, static_cast<std::uint32_t>(text.size())}, dct);
        ASSERT_EQ(times.size(), 1u);
        EXPECT_EQ(times[0].value, c.value);
        EXPECT_EQ(times[0].relative, c.relative);
        EXPECT_EQ(times[0].day.has_value(), std::string(c.value).size() == 10);
    }
}

TEST(TimeResolve, NumericReadings) {
    // 2022-12-08 is a Thursday, 2022-08-12 a Friday.
    EXPECT_EQ(choose_numeric_reading(12, 8, 2022, {3}, NumericOrder::day_first), (CivilDate{2022, 12, 8}));
    EXPECT_EQ(choose_numeric_reading(12, 8, 2022, {4}, NumericOrder::month_first), (CivilDate{2022, 8, 12}));
    EXPECT_EQ(choose_numeric_reading(12, 8, 2022, {}, NumericOrder::day_first), (CivilDate{2022, 8, 12}));
    EXPECT_EQ(choose_numeric_reading(12, 8, 2022, {0}, NumericOrder::month_first), (CivilDate{2022, 12, 8}));
    EXPECT_EQ(choose_numeric_reading(15, 6, 2024, {}, NumericOrder::month_first), (CivilDate{2024, 6, 15}));
    EXPECT_EQ(numeric_readings(11, 11, 2022).size(), 1u);
    EXPECT_TRUE(numeric_readings(31, 31, 2022).empty());
    EXPECT_FALSE(choose_numeric_reading(2, 30, 2022, {}, NumericOrder::month_first).has_value());
    EXPECT_EQ(parse_numeric_order("dmy"), NumericOrder::day_first);
    EXPECT_FALSE(parse_numeric_order("ymd").has_value());
}

TEST(TimeResolve, NearbyWeekdayReadsNumericDate) {
    const std::string text = "Newsweek 12/8/2022\nThe Kremlin said Friday it would not.";
    const auto times = find_times(text, {0, static_cast<std::uint32_t>(text.size())}, std::nullopt);
    ASSERT_EQ(times.size(), 2u);
    EXPECT_EQ(times[0].value, "2022-08-12");
    EXPECT_EQ(times[1].weekday, 4);
    // The order from the config decides when nothing else does.
    const std::string bare = "Posted 12/8/2022";
    EXPECT_EQ(find_times(bare, {0, 16}, std::nullopt, NumericOrder::day_first)[0].value, "2022-08-12");
}

TEST(TimeResolve, Helpers) {
    EXPECT_EQ(weekday_on_or_before({2022, 11, 11}, 4), (CivilDate{2022, 11, 11}));
    EXPECT_EQ(weekday_on_or_before({2022, 11, 11}, 5), (CivilDate{2022, 11, 5}));
    EXPECT_EQ(weekday_after({2022, 11, 11}, 4), (CivilDate{2022, 11, 18}));
    EXPECT_EQ(iso_week({2021, 1, 3}), "2020-W53");
    EXPECT_EQ(iso_week({2022, 11, 11}), "2022-W45");
    EXPECT_EQ(nearest_month_day({2022, 11, 11}, 5, 11), (CivilDate{2023, 5, 11}));  // 181 days ahead, 184 back
    EXPECT_EQ(nearest_month_day({2022, 11, 11}, 6, 11), (CivilDate{2022, 6, 11}));
    EXPECT_FALSE(nearest_month_day({2022, 11, 11}, 2, 29).has_value());
    EXPECT_EQ(latest_month_day({2022, 11, 11}, 3, 3), (CivilDate{2022, 3, 3}));
    EXPECT_EQ(latest_month_day({2022, 11, 11}, 12, 1), (CivilDate{2021, 12, 1}));
    EXPECT_EQ(tense_before("Russian troops took Kherson in ", 31), Tense::past);
    EXPECT_EQ(tense_before("The city was retaken in ", 24), Tense::past);
    EXPECT_EQ(tense_before("They will meet in ", 18), Tense::future);
    EXPECT_EQ(tense_before("Talks in ", 9), Tense::unmarked);
    EXPECT_TRUE(future_tense_before("They will meet on ", 18));
    EXPECT_FALSE(future_tense_before("He said they met on ", 20));
    EXPECT_FALSE(future_tense_before("It will. They met on ", 21));
}

TEST(TimeResolve, PastTenseReadsAYearlessDateBackwards) {
    // November 10, 2022: "in March" is four months ahead, eight back; "took" says back.
    const std::string past = "Russian troops took Kherson in March.";
    EXPECT_EQ(find_times(past, {0, static_cast<std::uint32_t>(past.size())}, CivilDate{2022, 11, 10})[0].value, "2022-03");
    const std::string day = "Russia invaded on February 24.";
    EXPECT_EQ(find_times(day, {0, static_cast<std::uint32_t>(day.size())}, CivilDate{2022, 12, 8})[0].value, "2022-02-24");
    // Unmarked, the nearest occurrence still wins; future tense looks ahead.
    const std::string bare = "Talks in March.";
    EXPECT_EQ(find_times(bare, {0, static_cast<std::uint32_t>(bare.size())}, CivilDate{2022, 11, 10})[0].value, "2023-03");
    const std::string future = "Talks will resume in October.";
    EXPECT_EQ(find_times(future, {0, static_cast<std::uint32_t>(future.size())}, CivilDate{2022, 11, 10})[0].value, "2023-10");
}

TEST(TimeResolve, SpanLimitsTheSearch) {
    const std::string text = "On Friday. In 2014. On Monday.";
    const auto times = find_times(text, {11, 19}, std::nullopt);
    ASSERT_EQ(times.size(), 1u);
    EXPECT_EQ(times[0].value, "2014");
    EXPECT_EQ(times[0].span, (Span{14, 18}));
}

// `factline time FILE --dct DATE`: one JSON object per expression, byte offsets into the file.
TEST(TimeCommand, PrintsJsonLines) {
    namespace fs = std::filesystem;
    const fs::path file = fs::temp_directory_path() / ("factline-time-" + std::to_string(::getpid()) + ".txt");
    const std::string text = "MOSCOW, Nov 11 (Reuters) - The Kremlin said on Friday it held talks in 2014.\n";
    std::ofstream(file) << text;
    const std::string command = std::string("'") + FACTLINE_BINARY + "' time '" + file.string() + "' --dct 2022-11-11";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0);
    fs::remove(file);
    std::vector<nlohmann::json> lines;
    std::size_t start = 0;
    for (auto end = output.find('\n'); end != std::string::npos; start = end + 1, end = output.find('\n', start)) {
        lines.push_back(nlohmann::json::parse(output.substr(start, end - start)));
    }
    ASSERT_EQ(lines.size(), 3u) << output;
    const struct {
        const char* text;
        const char* value;
        const char* source;
    } want[] = {{"Nov 11", "2022-11-11", "dct"}, {"Friday", "2022-11-11", "dct"}, {"2014", "2014", "absolute"}};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto begin = lines[i]["begin"].get<std::size_t>();
        const auto end = lines[i]["end"].get<std::size_t>();
        EXPECT_EQ(lines[i]["text"], want[i].text);
        EXPECT_EQ(text.substr(begin, end - begin), want[i].text);
        EXPECT_EQ(lines[i]["value"], want[i].value);
        EXPECT_EQ(lines[i]["source"], want[i].source);
        EXPECT_EQ(lines[i]["doc"], file.string());
    }
}

}  // namespace
