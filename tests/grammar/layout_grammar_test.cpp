// Layout grammar tables: datelines and header dates (grammar/parse_layout.hpp).
#include <gtest/gtest.h>

#include <string>

#include "grammar/parse_layout.hpp"

namespace {

using factline::grammar::parse_dateline;
using factline::grammar::parse_header_date;

std::string part(const std::string& text, factline::grammar::ast::TextRange range) {
    return text.substr(range.begin, range.end - range.begin);
}

void expect_dateline(const std::string& text, const std::string& place, const std::string& date,
                     const std::string& agency, const std::string& whole) {
    SCOPED_TRACE(text);
    const auto match = parse_dateline(text, 0, static_cast<std::uint32_t>(text.size()));
    ASSERT_TRUE(match.has_value());
    EXPECT_EQ(part(text, match->parts.place), place);
    EXPECT_EQ(part(text, match->parts.date), date);
    EXPECT_EQ(part(text, match->parts.agency), agency);
    EXPECT_EQ(text.substr(match->begin, match->end - match->begin), whole);
}

void expect_no_dateline(const std::string& text) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(parse_dateline(text, 0, static_cast<std::uint32_t>(text.size())).has_value());
}

void expect_header(const std::string& line, const std::string& date, bool has_year, const std::string& time,
                   const std::string& prefix_start, const std::string& rest) {
    SCOPED_TRACE(line);
    const auto match = parse_header_date(line, 0, static_cast<std::uint32_t>(line.size()));
    ASSERT_TRUE(match.has_value());
    EXPECT_EQ(part(line, match->parts.date), date);
    EXPECT_EQ(match->parts.has_year, has_year);
    EXPECT_EQ(part(line, match->parts.time), time);
    EXPECT_EQ(part(line, match->parts.prefix).substr(0, prefix_start.size()), prefix_start);
    EXPECT_EQ(line.substr(match->end), rest);
}

void expect_no_header(const std::string& line) {
    SCOPED_TRACE(line);
    EXPECT_FALSE(parse_header_date(line, 0, static_cast<std::uint32_t>(line.size())).has_value());
}

TEST(LayoutGrammar, Datelines) {
    expect_dateline("MOSCOW, Nov 11 (Reuters) \xE2\x80\x93 The", "MOSCOW", "Nov 11", "Reuters",
                    "MOSCOW, Nov 11 (Reuters) \xE2\x80\x93");
    expect_dateline("MOSCOW (Reuters) - The Kremlin", "MOSCOW", "", "Reuters", "MOSCOW (Reuters) -");
    expect_dateline("MOSCOW (Reuters) -Pulling", "MOSCOW", "", "Reuters", "MOSCOW (Reuters) -");
    expect_dateline("MOSCOW\xE2\x80\x94The Kremlin said", "MOSCOW", "", "", "MOSCOW\xE2\x80\x94");
    expect_dateline("MOSCOW: On Wednesday", "MOSCOW", "", "", "MOSCOW:");
    expect_dateline("MOSCOW:", "MOSCOW", "", "", "MOSCOW:");
    expect_dateline("MOSCOW (Dispatches) -- Ukraine's leader", "MOSCOW", "", "Dispatches", "MOSCOW (Dispatches) --");
    expect_dateline("KYIV, Ukraine (AP) \xE2\x80\x94 Russian", "KYIV, Ukraine", "", "AP",
                    "KYIV, Ukraine (AP) \xE2\x80\x94");
    expect_dateline("    SALVADOR, Feb 26 - Showers continued", "SALVADOR", "Feb 26", "", "SALVADOR, Feb 26 -");
    expect_dateline("NEW YORK, Sept. 3 (AFP) - Stocks", "NEW YORK", "Sept. 3", "AFP", "NEW YORK, Sept. 3 (AFP) -");
    expect_dateline("ST. PETERSBURG (Reuters) - A", "ST. PETERSBURG", "", "Reuters", "ST. PETERSBURG (Reuters) -");
    // What a place may open with: blanks of every kind, then a capital and a capital, '.', '\'' or '-'.
    expect_dateline("\t\xC2\xA0 KYIV - The", "KYIV", "", "", "KYIV -");
    expect_dateline("U.S. (Reuters) - The", "U.S.", "", "Reuters", "U.S. (Reuters) -");
    expect_dateline("O'HARE: Flights", "O'HARE", "", "", "O'HARE:");
    expect_dateline("A-B (AP) - The", "A-B", "", "AP", "A-B (AP) -");
    expect_dateline("MOSCOW, January 16. /TASS/. There are", "MOSCOW", "January 16", "TASS",
                    "MOSCOW, January 16. /TASS/.");
}

TEST(LayoutGrammar, NotDatelines) {
    expect_no_dateline("Moscow (Reuters) - lower-case place");
    expect_no_dateline("The Kremlin said on Friday");
    expect_no_dateline("TASS posted the main points");
    expect_no_dateline("MOSCOW, January 16. The Kremlin said");
    expect_no_dateline("MOSCOW, January 16. /TASS/ without its closing stop");
    expect_no_dateline("UP NEXT");
    expect_no_dateline("A decision was made");
    expect_no_dateline("KYIV-based analysts said");
    expect_no_dateline("PUBLISHED : 21 May 2023");
    expect_no_dateline("\xE2\x80\x93 the troops stationed around Balakliia");
    expect_no_dateline("K - one capital is no place");
    expect_no_dateline("K");
    expect_no_dateline("  ");
    expect_no_dateline("\xC2\xA0");
    expect_no_dateline("\xC3\x89" "COLE - a non-ASCII capital is no ASCII capital");
}

TEST(LayoutGrammar, HeaderDates) {
    expect_header("[February 28, 2023]  MOSCOW (Reuters) - The", "February 28, 2023", true, "", "",
                  "  MOSCOW (Reuters) - The");
    expect_header("Newsweek 12/8/2022 Anna Skinner", "12/8/2022", true, "", "Newsweek", " Anna Skinner");
    expect_header("Reuters | Moscow | Updated: 11-11-2022 15:21 IST | Created: 11-11-2022 15:06 IST", "11-11-2022",
                  true, "15:21 IST", "Reuters | Moscow | Updated:", " | Created: 11-11-2022 15:06 IST");
    expect_header("Published December 09,2022", "December 09,2022", true, "", "Published", "");
    expect_header("Last Updated: 8th December, 2022 21:36 IST", "8th December, 2022", true, "21:36 IST",
                  "Last Updated:", "");
    expect_header("Posted on 5 January 2023", "5 January 2023", true, "", "Posted on", "");
    expect_header("(Moscow Times \xE2\x80\x93 July 5, 2023)", "July 5, 2023", true, "", "Moscow Times", "");
    expect_header("November 10, 2022", "November 10, 2022", true, "", "", "");
    expect_header("29/11/2022 - 14:05", "29/11/2022", true, "14:05", "", "");
    expect_header("Saturday, 10 September 2022, 14:27", "10 September 2022", true, "14:27", "Saturday", "");
    expect_header("2022/09/10 - 15:47 \xE2\x80\xA2 Ukraine", "2022/09/10", true, "15:47", "",
                  " \xE2\x80\xA2 Ukraine");
    expect_header("Feb 17, 2024", "Feb 17, 2024", true, "", "", "");
    expect_header("PUBLISHED : 21 May 2023", "21 May 2023", true, "", "PUBLISHED", "");
    expect_header("15/06/2024 22:45", "15/06/2024", true, "22:45", "", "");
    expect_header("Apr 24, 2025 \xE2\x80\x93 Former US president", "Apr 24, 2025", true, "", "",
                  " \xE2\x80\x93 Former US president");
    expect_header("AFP February 28, 2025", "February 28, 2025", true, "", "AFP", "");
    expect_header("Source: BBC News | November 15, 2022 6:40 am", "November 15, 2022", true, "6:40 am", "Source:",
                  "");
    expect_header("September 10, 2022 7:34 pmby The Kyiv Independent news desk", "September 10, 2022", true,
                  "7:34 pm", "", "by The Kyiv Independent news desk");
    expect_header("30 September, 16:25 | Kyiv, Ukraine", "30 September", false, "16:25", "", " | Kyiv, Ukraine");
    expect_header("Devdiscourse News Desk | Moscow | Updated: October 1, 2022 20:41 IST", "October 1, 2022", true,
                  "20:41 IST", "Devdiscourse News Desk", "");
    expect_header("Publish Date : 14 November 2022 - 21:41", "14 November 2022", true, "21:41", "Publish Date", "");
    // Every kind of byte allowed before the first digit (parse_header_date skips lines with others).
    expect_header("(Updated\xC2\xA0\xE2\x80\xA2 Dow & Jones' Desk\t\xE2\x80\x94 Jan. 5, 2023", "Jan. 5, 2023", true, "",
                  "Updated", "");
    expect_header("[Last-Updated, St. Louis: 5 Jan]", "5 Jan", false, "", "Last-Updated", "");
    // AP pages put the time, zone and offset before the date.
    expect_header("Updated 3:41 PM GMT+3, June 3, 2025", "June 3, 2025", true, "", "Updated", "");
}

TEST(LayoutGrammar, NotHeaderDates) {
    expect_no_header("News ID: 108980");
    expect_no_header("The Kremlin said on Friday that");
    expect_no_header("Updated:");
    expect_no_header("Marching orders were given on 5");
    expect_no_header("2022 was a year of war");
    expect_no_header("#5 January 2023");
    expect_no_header("Jan/5 2023");
    expect_no_header("The Kremlin \"said\" on 5 January 2023");
}

}  // namespace
