// Weekday checks inside one document (checker/date_checks.hpp): a weekday
// next to a full date that disagrees, and a lead weekday that cannot fit a
// metadata/header date. Layouts are built by hand (one body block per
// paragraph) so the test does not depend on the layout stage.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/date_checks.hpp"

namespace {

using namespace factline;

/// Every non-empty line of `text` as a body block (the first as header when `header`).
Layout blocks_of(const std::string& text, bool header) {
    Layout layout;
    std::uint32_t begin = 0;
    while (begin < text.size()) {
        auto end = static_cast<std::uint32_t>(std::min(text.find('\n', begin), text.size()));
        if (end > begin) {
            const BlockKind kind = header && layout.blocks.empty() ? BlockKind::header : BlockKind::body;
            layout.blocks.push_back({kind, {begin, end}, 0, 0, ""});
        }
        begin = end + 1;
    }
    return layout;
}

/// "text@weekday@date" per conflict, ";"-separated; "none" when there is none.
std::string conflicts_of(const std::string& text, DatedBy dct, bool header = false) {
    std::string out;
    for (const auto& c : find_date_conflicts(text, blocks_of(text, header), dct)) {
        out += (out.empty() ? "" : ";") + std::string(c.span.of(text)) + "@" + std::string(weekday_name(c.stated_weekday)) +
               "@" + to_iso(c.date);
    }
    return out.empty() ? "none" : out;
}

const DatedBy no_date{};
DatedBy dated(const char* iso, DateSource source) { return {parse_iso(iso), source}; }

TEST(DateChecks, WeekdayAgainstItsOwnDate) {
    const struct {
        const char* text;
        const char* want;
    } cases[] = {
        {"The administration said on Monday, Nov. 16, 2022, that power was back.",
         "Monday, Nov. 16, 2022@monday@2022-11-16"},
        {"The queen died on Thursday, 8 September 2022, and was buried later.", "none"},
        {"It happened on Saturday, 10 September 2022.", "none"},
        {"It happened on Friday, 10 September 2022.", "Friday, 10 September 2022@friday@2022-09-10"},
        {"Troops left on Monday, Nov. 16 without a year.", "none"},  // the year would be a guess
        {"Nothing dated here.", "none"},
    };
    for (const auto& c : cases) EXPECT_EQ(conflicts_of(c.text, no_date), c.want) << c.text;
}

TEST(DateChecks, WeekdayAgainstItsOwnDateWhereverTheYearFalls) {
    // Blocks without four digits in a row are not scanned for these
    // conflicts: a year at the very end of a block, and at every offset
    // against the eight bytes the digit search reads at once, is still seen.
    for (std::size_t pad = 0; pad < 16; ++pad) {
        const std::string lead(pad, 'x');
        const std::string text = lead + " on Friday, 10 September 2022";
        EXPECT_EQ(conflicts_of(text, no_date), "Friday, 10 September 2022@friday@2022-09-10") << text;
        const std::string iso = lead + " on Friday, 2022-09-10.";
        EXPECT_EQ(conflicts_of(iso, no_date), "Friday, 2022-09-10@friday@2022-09-10") << iso;
    }
    EXPECT_EQ(conflicts_of("Friday, 10 September 20222 and 1,000 more", no_date), "none");
}

TEST(DateChecks, LeadWeekdayAgainstDocumentDate) {
    // 2022-11-15 is a Tuesday.
    const struct {
        const char* why;
        const char* text;
        DatedBy dct;
        const char* want;
    } cases[] = {
        {"Friday is four days before a Tuesday header date", "The Kremlin said on Friday that talks were off.",
         dated("2022-11-15", DateSource::metadata), "Friday@friday@2022-11-15"},
        {"Monday is the day before", "The Kremlin said on Monday that talks were off.",
         dated("2022-11-15", DateSource::metadata), "none"},
        {"the same day", "The Kremlin said on Tuesday that talks were off.", dated("2022-11-15", DateSource::header),
         "none"},
        {"told as earlier", "Last week the Kremlin said on Friday that talks were off.",
         dated("2022-11-15", DateSource::metadata), "none"},
        {"a future weekday", "The Kremlin will meet on Friday.", dated("2022-11-15", DateSource::metadata), "none"},
        {"a date inferred from the dateline is not checked", "The Kremlin said on Friday that talks were off.",
         dated("2022-11-15", DateSource::dateline), "none"},
        {"only the lead paragraph", "Talks were off.\nThe Kremlin said on Friday that talks were off.",
         dated("2022-11-15", DateSource::metadata), "none"},
        {"no document date", "The Kremlin said on Friday that talks were off.", no_date, "none"},
        {"the day it was reported, after the weekday", "The ministry on Friday announced that talks were off.",
         dated("2022-11-15", DateSource::metadata), "Friday@friday@2022-11-15"},
        {"a day ahead, the future marker far back across a line break",
         "Talks due today between the two sides\nhave been rescheduled for Friday, a spokesman said.",
         dated("2022-11-15", DateSource::metadata), "none"},
        {"a weekday no one reported on", "A record price was paid Friday for a seat on the exchange.",
         dated("2022-11-15", DateSource::metadata), "none"},
        {"a report still to come", "The figures to be reported Friday are expected to show a gap.",
         dated("2022-11-15", DateSource::metadata), "none"},
        {"the weekday before 'will'", "The board Friday will discuss the sale, the company said.",
         dated("2022-11-15", DateSource::metadata), "none"},
    };
    for (const auto& c : cases) EXPECT_EQ(conflicts_of(c.text, c.dct), c.want) << c.why;
}

TEST(DateChecks, FindingHasTwoSidesAndStableId) {
    const std::string text = "Headline\nThe administration said on Monday, Nov. 16, 2022, that power was back.";
    const auto conflicts = find_date_conflicts(text, blocks_of(text, false), no_date);
    ASSERT_EQ(conflicts.size(), 1u);
    const Finding finding = date_conflict_finding(conflicts[0], text, {"08.txt", "h1", "Reuters", "c1"});
    EXPECT_EQ(finding.kind, "date_mismatch");
    EXPECT_EQ(finding.topic, "date");
    EXPECT_EQ(finding.subject, "2022-11-16");
    ASSERT_EQ(finding.sides.size(), 2u);
    EXPECT_EQ(finding.sides[0].value, "monday");
    EXPECT_EQ(finding.sides[1].value, "wednesday");
    EXPECT_EQ(finding.sides[0].evidence.front().line, 2u);
    EXPECT_EQ(finding.sides[0].evidence.front().col, 28u);
    EXPECT_EQ(finding.sides[0].evidence.front().text, "Monday, Nov. 16, 2022");
    EXPECT_EQ(finding.message, "\"Monday, Nov. 16, 2022\" names a Monday but 2022-11-16 was a Wednesday");
    EXPECT_EQ(finding.id.substr(0, 2), "F-");
    // The id depends on the text hash, not on the path.
    EXPECT_EQ(date_conflict_finding(conflicts[0], text, {"moved.txt", "h1", "Reuters", "c1"}).id, finding.id);
    EXPECT_NE(date_conflict_finding(conflicts[0], text, {"08.txt", "h2", "Reuters", "c1"}).id, finding.id);
}

}  // namespace
