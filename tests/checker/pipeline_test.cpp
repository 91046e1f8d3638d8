// analyse_corpus puts documents and assertions in their output order itself
// (each document's assertions sorted as it is extracted, documents merged in
// path order); sorting its output again must change nothing, including for
// JSON Lines records that share an id and so a path.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "checker/ingest.hpp"
#include "checker/pipeline.hpp"
#include "checker/rule_pack.hpp"
#include "support/shipped_rules.hpp"

namespace factline {
namespace {

using testing::shipped_rules;

std::string order_of(const RunOutput& run) {
    std::string out;
    for (const auto& a : run.assertions) {
        out += a.doc + ":" + std::to_string(a.evidence.line) + ":" + a.holder + ":" + a.subject + ":" + a.value + "\n";
    }
    return out;
}

TEST(Pipeline, AssertionsComeOutInTheirFinalOrderEvenWhenRecordsShareAPath) {
    // Record "b" comes first in the file but sorts after "a"; the two "a"
    // records interleave by line: the second's claim is on line 1, the first's on line 3.
    const std::string jsonl =
        R"({"id":"b","published":"2022-10-12","text":"Talks\n\nPresident Zelenskyy said on Friday that talks were impossible while troops remained."})"
        "\n"
        R"({"id":"a","published":"2022-10-12","text":"Talks stall\n\nPresident Zelenskyy said on Friday that talks were impossible while troops remained."})"
        "\n"
        R"({"id":"a","published":"2022-11-02","text":"Kremlin says status of Luhansk is open to talks\n\nMore later."})"
        "\n";
    Corpus corpus;
    read_json_lines(jsonl, "corpus.jsonl", corpus, 2);
    ASSERT_EQ(corpus.documents.size(), 3u);
    RunOutput run = analyse_corpus(corpus, shipped_rules(), AnalysisOptions{2});
    ASSERT_GE(run.assertions.size(), 3u) << order_of(run);
    const std::string produced = order_of(run);
    sort_run_records(run);
    EXPECT_EQ(order_of(run), produced);
    EXPECT_EQ(run.assertions.front().doc, "a");
    EXPECT_EQ(run.assertions.front().evidence.line, 1u);  // the second "a" record's claim, merged in by line
    EXPECT_EQ(run.assertions.back().doc, "b");
}

TEST(Pipeline, AssertionsAndFindingEvidenceShareTheirDocumentsTexts) {
    // One copy of a document's path, cluster, outlet and hash, whatever the
    // number of its assertions and of the findings that cite them, and one
    // of each evidence sentence (issue 7: the copies were most of a 1 M-article run's memory).
    const std::string jsonl =
        R"({"id":"a","published":"2022-10-12","outlet":"Wire","text":"Talks stall\n\nPeskov said that peace talks were impossible.\nPeskov said Russia was open to negotiations."})"
        "\n"
        R"({"id":"b","published":"2022-11-02","outlet":"Daily","text":"Talks\n\nPeskov said Russia was open to negotiations."})"
        "\n";
    Corpus corpus;
    read_json_lines(jsonl, "corpus.jsonl", corpus, 1);
    RunOutput run = analyse_corpus(corpus, shipped_rules(), AnalysisOptions{2});
    ASSERT_EQ(run.documents.size(), 2u);
    ASSERT_GE(run.assertions.size(), 2u) << order_of(run);
    for (const auto& a : run.assertions) {
        const auto record = std::find_if(run.documents.begin(), run.documents.end(),
                                         [&](const DocumentRecord& r) { return r.doc == a.doc; });
        ASSERT_NE(record, run.documents.end());
        EXPECT_EQ(a.doc.data(), record->doc.data());
        EXPECT_EQ(a.cluster.data(), record->cluster.data());
        EXPECT_EQ(a.outlet.data(), record->outlet.data());
        EXPECT_EQ(a.doc_hash.data(), record->doc_hash.data());
        EXPECT_FALSE(a.outlet.empty());
    }
    add_findings(run, shipped_rules(), {});
    ASSERT_FALSE(run.findings.empty()) << order_of(run);
    std::size_t cited = 0;
    for (const auto& finding : run.findings) {
        for (const auto& side : finding.sides) {
            for (const auto& evidence : side.evidence) {
                const auto a = std::find_if(run.assertions.begin(), run.assertions.end(), [&](const Assertion& x) {
                    return x.doc == evidence.doc && x.evidence.line == evidence.line && x.evidence.col == evidence.col;
                });
                ASSERT_NE(a, run.assertions.end());
                EXPECT_EQ(evidence.text.data(), a->evidence.text.data());
                EXPECT_EQ(evidence.doc.data(), a->doc.data());
                ++cited;
            }
        }
    }
    EXPECT_GE(cited, 2u);
    // Both documents quote "Peskov said Russia was open to negotiations.": one copy.
    std::vector<const Assertion*> open;
    for (const auto& a : run.assertions) {
        if (a.evidence.text == "Peskov said Russia was open to negotiations.") open.push_back(&a);
    }
    ASSERT_EQ(open.size(), 2u);
    EXPECT_NE(open[0]->doc, open[1]->doc);
    EXPECT_EQ(open[0]->evidence.text.data(), open[1]->evidence.text.data());
}

TEST(Pipeline, SkippedInputsAreMergedIntoPathOrderAsAStableSortWouldPlaceThem) {
    // Analysis lists the skipped inputs after its documents: they go between
    // them by path, after a document of the same path, in the order given.
    Corpus corpus;
    for (const char* path : {"b.txt", "d.txt", "d.txt", "f.txt"}) {
        Document document;
        document.path = path;
        document.text = "Nothing to report.";
        corpus.documents.push_back(document);
    }
    corpus.skipped = {{"e.txt", "empty file"}, {"a.txt", "binary file"}, {"d.txt", "first reason"},
                      {"d.txt", "second reason"}, {"g.txt", "empty file"}};
    const RunOutput run = analyse_corpus(corpus, shipped_rules(), AnalysisOptions{2});
    std::string order;
    for (const auto& d : run.documents) order += d.doc + " " + d.status + " " + d.reason + "\n";
    EXPECT_EQ(order,
              "a.txt skipped binary file\n"
              "b.txt ok \n"
              "d.txt ok \n"
              "d.txt ok \n"
              "d.txt skipped first reason\n"
              "d.txt skipped second reason\n"
              "e.txt skipped empty file\n"
              "f.txt ok \n"
              "g.txt skipped empty file\n");
}

}  // namespace
}  // namespace factline

namespace factline {
namespace {

std::string dates_of(const RunOutput& run) {
    std::string out;
    for (const auto& d : run.documents) {
        out += d.doc + " " + (d.published ? to_iso(*d.published) : "-") + " " + std::string(to_string(d.published_source)) +
               " " + d.cluster + "\n";
    }
    for (const auto& a : run.assertions) out += a.doc + " " + (a.stated ? to_iso(*a.stated) : "-") + "\n";
    return out;
}

TEST(Pipeline, DocumentsWaitingForTheirClustersDateComeOutAsOnOneThread) {
    // Documents with their own date are extracted in pass 1, or while the
    // clusters are decided: the last quarter of the corpus per other thread,
    // at most half (1, 2, 3, 5 threads: none, a quarter, half, half). The
    // undated copy must still take its cluster's date, and "Friday" in it
    // must resolve against that date.
    const std::string story =
        "Kremlin says status of Luhansk is open to talks\n\nThe Kremlin said on Friday that the situation "
        "around Luhansk had not changed. Kremlin spokesman Dmitry Peskov said the status of Luhansk could be "
        "discussed at future talks, adding that no date had been set for them and that the delegations had "
        "not met since the spring. Peskov said on Friday that Russia would never renounce its claims to Luhansk.";
    std::string jsonl;
    for (int i = 0; i < 40; ++i) {
        const std::string id = "d" + std::to_string(100 + i);
        const bool dated = i % 4 != 1;  // every fourth, from the second on, waits for its cluster
        // Stories 0 and 1 of every eight are copies; the others differ in a line of their own.
        std::string text = i % 8 < 2 ? story : "Other story " + std::to_string(i) + ".\n\n" + story + " Item " +
                                                   std::to_string(i) + " of the day.";
        for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) {
            text.replace(at, 1, "\\n");
        }
        jsonl += "{\"id\":\"" + id + "\"," + (dated ? "\"published\":\"2022-11-" + std::to_string(10 + i % 8) + "\"," : "") +
                 "\"text\":\"" + text + "\"}\n";
    }
    Corpus one_corpus;
    read_json_lines(jsonl, "corpus.jsonl", one_corpus, 1);
    const RunOutput one = analyse_corpus(std::move(one_corpus), shipped_rules(), AnalysisOptions{1});
    for (const int jobs : {2, 3, 5}) {
        Corpus corpus;
        read_json_lines(jsonl, "corpus.jsonl", corpus, 1);
        const RunOutput run = analyse_corpus(std::move(corpus), shipped_rules(), AnalysisOptions{jobs});
        EXPECT_EQ(dates_of(run), dates_of(one)) << jobs << " threads";
    }
    ASSERT_EQ(one.documents.size(), 40u);
    EXPECT_EQ(to_string(one.documents[1].published_source), "cluster") << dates_of(one);
    // d101 takes d100's 2022-11-10 (a Thursday) from their cluster, and the
    // claim made "on Friday" is dated the Friday before it; without the
    // cluster's date it would have no date at all.
    ASSERT_EQ(one.documents[1].doc, "d101");
    ASSERT_TRUE(one.documents[1].published.has_value());
    EXPECT_EQ(to_iso(*one.documents[1].published), "2022-11-10");
    std::size_t on_friday = 0;
    for (const auto& a : one.assertions) {
        if (a.doc != "d101" || a.value != "non_negotiable") continue;
        ++on_friday;
        ASSERT_TRUE(a.stated.has_value()) << dates_of(one);
        EXPECT_EQ(to_iso(*a.stated), "2022-11-04");
        EXPECT_EQ(a.stated_source, DateSource::relative);
    }
    EXPECT_EQ(on_friday, 1u) << dates_of(one);
}

}  // namespace
}  // namespace factline
