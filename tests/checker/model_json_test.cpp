// checker/model_json.hpp: the JSON Lines records read back as they were
// written, byte for byte what nlohmann::json's dump() would write, and a file
// is the same for any number of threads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "checker/model_json.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

TEST(ModelJson, AnAssertionLineReadsBackAsWritten) {
    Assertion a;
    a.doc = "news/a.txt";
    a.holder = "peskov";
    a.holder_group = "russia";
    a.topic = "status";
    a.subject = "kherson";
    a.value = "annexed";
    a.stated = CivilDate{2022, 10, 5};
    a.stated_source = DateSource::dateline;
    a.about = CivilDate{2022, 9, 30};
    a.evidence.line = 3;
    a.evidence.col = 7;
    a.evidence.text = "Peskov said “Kherson is Russia”.";
    a.cluster = "c1";
    a.rule = "core.status.declared";
    a.subject_alternatives = {"kherson_city"};
    const std::string line = to_json_line(a);
    const auto json = nlohmann::ordered_json::parse(line);
    EXPECT_EQ(json.dump(-1, ' ', false), line);  // what nlohmann itself would write
    EXPECT_EQ(json["evidence"]["text"], a.evidence.text.str());
    EXPECT_EQ(json["stated"], "2022-10-05");
    EXPECT_EQ(json["about"], "2022-09-30");
    EXPECT_EQ(json["subject_alternatives"][0], "kherson_city");
    EXPECT_TRUE(json["headline"].is_boolean());
}

TEST(ModelJson, AFindingLineIsWhatNlohmannWouldWriteAndReadsBack) {
    Finding f;
    f.id = "F-1a2b";
    f.kind = "dispute";
    f.topic = "control";
    f.subject = "bakhmut";
    FindingSide side;
    side.value = "russia";
    side.holder_group = "russia";
    side.clusters = 2;
    FindingEvidence e;
    e.doc = "a.txt";
    e.line = 4;
    e.col = 1;
    e.stated = CivilDate{2023, 5, 20};
    e.text = "Wagner said it \"fully\" took Bakhmut.";
    e.subject = "bakhmut_city";
    side.evidence = {e, e};
    side.evidence[1].stated.reset();
    side.evidence[1].subject = Interned();
    f.sides = {side, side};
    f.sides[1].value = "ukraine";
    f.sides[1].evidence.clear();
    f.message = "Sources disagree.";
    f.rule = "core.control.dispute";
    f.baseline = "new";
    const std::string line = to_json_line(f);
    EXPECT_EQ(nlohmann::ordered_json::parse(line).dump(-1, ' ', false), line);
    Diagnostics diagnostics;
    // A folder of this process's own (here and below): a fixed name under
    // /tmp is shared with every other run of the suite on the machine, and a
    // file left there by another user cannot be rewritten.
    const testing::TempDir dir("factline-model-json");
    const auto path = dir / "finding.jsonl";
    ASSERT_TRUE(write_json_lines(path, std::vector<Finding>{f}, diagnostics));
    const auto back = read_findings(path, diagnostics);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(to_json_line(back[0]), line);
}

TEST(ModelJson, DatesAreIsoWhateverTheYearAndLinesAppendInPlace) {
    DocumentRecord record;
    record.doc = "a.txt";
    for (const CivilDate date : {CivilDate{987, 3, 5}, CivilDate{2024, 12, 31}, CivilDate{12345, 1, 2},
                                 CivilDate{-44, 3, 15}}) {
        record.published = date;
        const std::string line = to_json_line(record);
        EXPECT_NE(line.find("\"published\":\"" + to_iso(date) + "\""), std::string::npos) << line;
        EXPECT_EQ(nlohmann::json::parse(line).at("published"), to_iso(date));
    }
    EXPECT_NE(to_json_line(record).find("\"published\":\"-044-03-15\""), std::string::npos);
    std::string block = "before\n";
    append_json_line(block, record);
    EXPECT_EQ(block, "before\n" + to_json_line(record));
}

TEST(ModelJson, AJsonLinesFileIsTheSameOnAnyNumberOfThreads) {
    std::vector<Assertion> assertions(20'000);  // past several blocks of lines
    for (std::size_t i = 0; i < assertions.size(); ++i) {
        assertions[i].doc = "doc" + std::to_string(i);
        assertions[i].evidence.line = static_cast<std::uint32_t>(i);
    }
    const testing::TempDir dir("factline-model-json");
    const auto read = [](const std::filesystem::path& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    Diagnostics diagnostics;
    std::string first;
    for (const int jobs : {1, 3}) {
        const auto path = dir / ("lines_" + std::to_string(jobs) + ".jsonl");
        ASSERT_TRUE(write_json_lines(path, assertions, diagnostics, jobs));
        const std::string text = read(path);
        EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 20'000);
        if (first.empty()) first = text;
        EXPECT_EQ(text, first) << "jobs " << jobs;
    }
    EXPECT_NE(first.find(R"({"doc":"doc19999")"), std::string::npos);
}

// A finding citing many assertions is written a few pieces of evidence at a
// time (issue 7: a 1 M-article run's findings are lines of over 100 MB): the
// pieces, drained as they grow, join into the line to_json_line() makes, and
// write_findings() writes exactly those lines.
TEST(ModelJson, AHugeFindingIsWrittenInPiecesThatJoinIntoItsLine) {
    std::vector<Finding> findings(3);
    for (std::size_t n = 0; n < findings.size(); ++n) {
        Finding& f = findings[n];
        f.id = "F-" + std::to_string(n);
        f.kind = "dispute";
        f.subject = "bakhmut";
        for (int s = 0; s < 2; ++s) {
            FindingSide side;
            side.value = s == 0 ? "russia" : "ukraine";
            for (int i = 0; i < 4000 * static_cast<int>(n); ++i) {
                FindingEvidence e;
                e.doc = "doc" + std::to_string(i) + ".txt";
                e.line = static_cast<std::uint32_t>(i + 1);
                e.text = "Sentence number " + std::to_string(i) + " said \"so\".";
                side.evidence.push_back(e);
            }
            f.sides.push_back(side);
        }
    }
    std::string drained, line;
    std::size_t drains = 0;
    append_json_line(line, findings[2], 1000, [&](std::string& pending) {
        EXPECT_GT(pending.size(), 1000u);
        drained += pending;
        pending.clear();
        ++drains;
    });
    drained += line;
    EXPECT_GT(drains, 100u);
    EXPECT_EQ(drained, to_json_line(findings[2]));

    const testing::TempDir dir("factline-model-json");
    const auto path = dir / "findings.jsonl";
    Diagnostics diagnostics;
    ASSERT_TRUE(write_findings(path, findings, diagnostics));
    std::ifstream in(path, std::ios::binary);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    std::string expected;
    for (const auto& f : findings) expected += to_json_line(f) + "\n";
    EXPECT_GT(expected.size(), std::size_t{4} << 20);  // past one drain of write_findings
    EXPECT_EQ(text, expected);
}

// Rounds of lines are sized from the lines written so far: lines of very
// different lengths (a few megabytes among short ones) still come out whole
// and in order, on any number of threads.
TEST(ModelJson, LinesOfMixedLengthsAreWrittenInOrder) {
    const auto line = [](std::size_t i) {
        const std::size_t length = i % 97 == 5 ? (std::size_t{3} << 20) + i : 10 + i % 13;
        return std::string(length, static_cast<char>('a' + i % 26)) + std::to_string(i);
    };
    constexpr std::size_t count = 1500;
    std::string expected;
    for (std::size_t i = 0; i < count; ++i) expected += line(i) + '\n';
    const testing::TempDir dir("factline-model-json");
    for (const int jobs : {1, 3}) {
        const auto path = dir / ("mixed_lines_" + std::to_string(jobs));
        Diagnostics diagnostics;
        ASSERT_TRUE(write_lines(
            path, count, [&](std::size_t i, std::string& text) { text += line(i); }, diagnostics, jobs));
        std::ifstream in(path, std::ios::binary);
        const std::string text(std::istreambuf_iterator<char>(in), {});
        EXPECT_TRUE(text == expected) << "jobs " << jobs << ": " << text.size() << " bytes, expected " << expected.size();
    }
}

}  // namespace
}  // namespace factline
