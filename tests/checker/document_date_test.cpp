// Document date (SPEC §2.3): metadata > header > dateline, weekday
// completion, and what never sets the date. Layouts are built by hand here so
// the test does not depend on the layout stage; the seed test at the end runs
// the real pipeline (ingest + layout) on ../shared/seeds when present.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <sys/wait.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "checker/time.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace factline;

/// A block of `kind` over the first occurrence of `part` in `text`.
Block block_of(const std::string& text, const std::string& part, BlockKind kind) {
    const auto at = text.find(part);
    EXPECT_NE(at, std::string::npos) << part;
    return {kind, {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + part.size())}, 0, 0, ""};
}

Document document_of(std::string text) {
    Document document;
    document.path = "test.txt";
    document.text = std::move(text);
    return document;
}

struct Case {
    const char* name;
    std::string text;
    std::vector<std::pair<std::string, BlockKind>> blocks;
    const char* dateline_date;  // substring of text, "" = no dateline date
    const char* want;           // "" = unknown
    DateSource source;
};

TEST(DocumentDate, InferenceTable) {
    const Case cases[] = {
        {"header wins over body and caption",
         "[February 28, 2023]\nThe Kremlin on Tuesday said.\nPhoto taken December 22, 2022.",
         {{"[February 28, 2023]", BlockKind::header},
          {"The Kremlin on Tuesday said.", BlockKind::body},
          {"Photo taken December 22, 2022.", BlockKind::caption}},
         "", "2023-02-28", DateSource::header},
        {"ambiguous numeric header read by the body weekday (004)",
         "Newsweek 12/8/2022 Anna Skinner\nA Russian spokesperson said Thursday.",
         {{"Newsweek 12/8/2022 Anna Skinner", BlockKind::header},
          {"A Russian spokesperson said Thursday.", BlockKind::body}},
         "", "2022-12-08", DateSource::header},
        {"ambiguous numeric header, Friday in the lead",
         "Newsweek 12/8/2022 Anna Skinner\nA Russian spokesperson said on Friday.",
         {{"Newsweek 12/8/2022 Anna Skinner", BlockKind::header},
          {"A Russian spokesperson said on Friday.", BlockKind::body}},
         "", "2022-08-12", DateSource::header},
        {"two header dates: the one on the lead's weekday (d013)",
         "Posted on 5 January 2023\n(Moscow Times - July 5, 2023)\nThe Kremlin said Thursday.",
         {{"Posted on 5 January 2023", BlockKind::header},
          {"(Moscow Times - July 5, 2023)", BlockKind::header},
          {"The Kremlin said Thursday.", BlockKind::body}},
         "", "2023-01-05", DateSource::header},
        {"two header dates, no weekday: the first",
         "Posted on 5 January 2023\n(Moscow Times - July 5, 2023)\nThe Kremlin spoke.",
         {{"Posted on 5 January 2023", BlockKind::header},
          {"(Moscow Times - July 5, 2023)", BlockKind::header},
          {"The Kremlin spoke.", BlockKind::body}},
         "", "2023-01-05", DateSource::header},
        {"day-first only numeric header (d015)",
         "29/11/2022 - 14:05\nPeskov said.",
         {{"29/11/2022 - 14:05", BlockKind::header}, {"Peskov said.", BlockKind::body}},
         "", "2022-11-29", DateSource::header},
        {"dateline with a year",
         "KYIV, Nov. 11, 2022 (AP) - It happened on Friday.",
         {{"KYIV, Nov. 11, 2022 (AP) - It happened on Friday.", BlockKind::body}},
         "Nov. 11, 2022", "2022-11-11", DateSource::dateline},
        {"captions, end matter and boilerplate never set the date",
         "Photo: March 3, 2021\nCopyright 2022 Reuters, January 5, 2022\nLeave a Reply May 5, 2020\nSaid on Friday.",
         {{"Photo: March 3, 2021", BlockKind::caption},
          {"Copyright 2022 Reuters, January 5, 2022", BlockKind::end_matter},
          {"Leave a Reply May 5, 2020", BlockKind::boilerplate},
          {"Said on Friday.", BlockKind::body}},
         "", "", DateSource::unknown},
        {"a byline above the story gives its date",
         "By Olena Marchuk | January 12, 2023\nThe governor said on Thursday.",
         {{"By Olena Marchuk | January 12, 2023", BlockKind::byline},
          {"The governor said on Thursday.", BlockKind::body}},
         "", "2023-01-12", DateSource::header},
        {"a byline below the story does not",
         "The governor spoke.\nBy Olena Marchuk | January 12, 2023",
         {{"The governor spoke.", BlockKind::body},
          {"By Olena Marchuk | January 12, 2023", BlockKind::byline}},
         "", "", DateSource::unknown},
        {"only a weekday: unknown (003)",
         "The Kremlin on Thursday ruled out talks.",
         {{"The Kremlin on Thursday ruled out talks.", BlockKind::body}},
         "", "", DateSource::unknown},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const Document document = document_of(c.text);
        Layout layout;
        for (const auto& [part, kind] : c.blocks) layout.blocks.push_back(block_of(c.text, part, kind));
        if (*c.dateline_date) {
            Dateline dateline;
            dateline.date = block_of(c.text, c.dateline_date, BlockKind::body).span;
            layout.dateline = dateline;
        }
        const auto evidence = read_document_date(document, layout);
        EXPECT_EQ(evidence.date.date ? to_iso(*evidence.date.date) : "", c.want);
        EXPECT_EQ(evidence.date.source, c.source);
        if (*c.want) {
            ASSERT_TRUE(evidence.evidence.has_value());
            EXPECT_FALSE(evidence.evidence->empty());
        }
    }
}

TEST(DocumentDate, MetadataBeatsText) {
    Document document = document_of("[February 28, 2023]\nSaid on Tuesday.");
    document.meta.published = CivilDate{2023, 3, 1};
    Layout layout;
    layout.blocks.push_back(block_of(document.text, "[February 28, 2023]", BlockKind::header));
    const auto evidence = read_document_date(document, layout);
    EXPECT_EQ(evidence.date.date, (CivilDate{2023, 3, 1}));
    EXPECT_EQ(evidence.date.source, DateSource::metadata);
}

TEST(DocumentDate, YearlessDatelineCompletedByLeadWeekday) {
    // 001: "MOSCOW, Nov 11 (Reuters) – The Kremlin said on Friday"
    const std::string text = "MOSCOW, Nov 11 (Reuters) - The Kremlin said on Friday that it would meet on Monday.";
    const Document document = document_of(text);
    Layout layout;
    layout.blocks.push_back(block_of(text, text, BlockKind::body));
    Dateline dateline;
    dateline.date = block_of(text, "Nov 11", BlockKind::body).span;
    layout.dateline = dateline;
    const auto evidence = read_document_date(document, layout);
    EXPECT_FALSE(evidence.date.date.has_value());
    EXPECT_EQ(evidence.partial_month, 11);
    EXPECT_EQ(evidence.partial_day, 11);
    ASSERT_FALSE(evidence.body_weekdays.empty());
    EXPECT_EQ(evidence.body_weekdays.front(), 4);  // Friday; "would meet on Monday" is not the lead's day

    struct Completion {
        CivilDate reference;
        const char* want;
    };
    const Completion completions[] = {
        {{2023, 2, 28}, "2022-11-11"},  // the newest date of the corpus
        {{2022, 12, 31}, "2022-11-11"},
        {{2021, 6, 1}, "2016-11-11"},   // 2021-11-11 is a Thursday, 2022-11-11 over a year after
    };
    for (const auto& c : completions) {
        const auto dated = complete_with_weekday(evidence, c.reference);
        ASSERT_TRUE(dated.date.has_value()) << c.want;
        EXPECT_EQ(to_iso(*dated.date), c.want);
        EXPECT_EQ(dated.source, DateSource::weekday);
    }
    // The corpus's newest story may be the year-less one: "KYIV, Jan 26" with
    // "on Sunday" beside stories ending in November 2024 is 2025's Jan 26,
    // not 2020's, the last Sunday Jan 26 up to the reference's year.
    DocumentDateEvidence january = evidence;
    january.partial_month = 1;
    january.partial_day = 26;
    january.body_weekdays = {6};  // Sunday
    EXPECT_EQ(complete_with_weekday(january, {2024, 11, 29}).date, (CivilDate{2025, 1, 26}));
    EXPECT_EQ(complete_with_weekday(january, {2023, 11, 29}).date, (CivilDate{2020, 1, 26}));  // 2025 is over a year on
    // A reference past today is capped at today: the answer is this year's,
    // whatever year the clock says. (A fixed "2022-11-11" holds only until
    // the next Friday Nov 11, in 2033.) Only the year counts, so January 1
    // of this year, not past today, gives the uncapped answer to compare with.
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const int this_year = civil_from_days(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24).year;
    const auto capped = complete_with_weekday(evidence, CivilDate{9999, 12, 31});
    ASSERT_TRUE(capped.date.has_value());
    EXPECT_EQ(capped.date, complete_with_weekday(evidence, CivilDate{this_year, 1, 1}).date);
    EXPECT_LE(capped.date->year, this_year);
    EXPECT_EQ(weekday(*capped.date), 4);
    // No weekday in the lead: the year stays unknown.
    DocumentDateEvidence bare = evidence;
    bare.body_weekdays.clear();
    EXPECT_FALSE(complete_with_weekday(bare, {2023, 2, 28}).date.has_value());
}

/// Runs `factline check DIR` into a temp folder; documents.jsonl as file name → record.
std::map<std::string, nlohmann::json> document_records(const std::filesystem::path& corpus) {
    namespace fs = std::filesystem;
    // A fresh folder: under a pid-named one, a documents.jsonl left by an
    // earlier process could be read as this run's if the run wrote none.
    const factline::testing::TempDir temp("factline-time");
    const fs::path out = temp / "out";
    const std::string command = std::string("'") + FACTLINE_BINARY + "' check '" + corpus.string() + "' --out '" +
                                out.string() + "' --format json --quiet >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    // A run killed by a signal (a sanitizer's abort) has no exit status to compare.
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) != 2) << command;
    std::map<std::string, nlohmann::json> records;
    std::ifstream in(out / "documents.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        auto record = nlohmann::json::parse(line);
        records[fs::path(record["doc"].get<std::string>()).filename().string()] = record;
    }
    return records;
}

struct Expected {
    const char* file;
    const char* published;  // "" = null
    const char* source;
};

void expect_dates(const std::map<std::string, nlohmann::json>& records, const std::vector<Expected>& table) {
    for (const auto& want : table) {
        SCOPED_TRACE(want.file);
        const auto it = records.find(want.file);
        ASSERT_NE(it, records.end());
        const auto& published = it->second["published"];
        EXPECT_EQ(published.is_null() ? "" : published.get<std::string>(), want.published);
        EXPECT_EQ(it->second["published_source"].get<std::string>(), want.source);
    }
}

// The seeds' gold (seeds/gold.toml): dates with their provenance.
TEST(DocumentDate, Seeds) {
    const std::filesystem::path seeds = std::filesystem::path(FACTLINE_SHARED_DIR) / "seeds";
    if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds;
    expect_dates(document_records(seeds), {
                                              {"000_5848e8fe9649ca1a.txt", "2022-11-11", "cluster"},
                                              {"001_5ba73ec6f4fa57e1.txt", "2022-11-11", "weekday"},
                                              {"002_12a1ac7aec6d1cbf.txt", "2023-02-28", "header"},
                                              {"003_c9af2f8de1614a3b.txt", "", "unknown"},
                                              {"004_9cdc0ecf5877e3e4.txt", "2022-12-08", "header"},
                                          });
}

// The dev set's header styles (devset/gold.toml), and its undated passages staying null.
TEST(DocumentDate, DevsetHeaders) {
    const std::filesystem::path corpus = std::filesystem::path(FACTLINE_SHARED_DIR) / "devset/corpus";
    if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "no " << corpus;
    expect_dates(document_records(corpus), {
                                               {"d003.txt", "2022-11-11", "header"},  // Updated: 11-11-2022 15:21 IST
                                               {"d005.txt", "2022-11-10", "header"},
                                               {"d013.txt", "2023-01-05", "header"},  // two header dates, "said Thursday"
                                               {"d015.txt", "2022-11-29", "header"},  // 29/11/2022
                                               {"d019.txt", "2022-12-09", "header"},  // December 09,2022
                                               {"d022.txt", "2022-12-08", "header"},  // 8th December, 2022
                                               {"d029.txt", "2022-11-14", "header"},
                                               {"d034.txt", "2022-09-10", "header"},  // Saturday, 10 September 2022
                                               {"d037.txt", "2022-09-10", "header"},  // 2022/09/10
                                               {"d049.txt", "2024-06-15", "header"},  // 15/06/2024
                                               {"d052.txt", "2024-02-17", "header"},
                                               {"d007.txt", "", "unknown"},
                                               {"d011.txt", "", "unknown"},
                                               {"d050.txt", "", "unknown"},
                                           });
}

}  // namespace
