// analyse_corpus puts documents and assertions in their output order itself
// (each document's assertions sorted as it is extracted, documents merged in
// path order); sorting its output again must change nothing, including for
// JSON Lines records that share an id and so a path.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace factline
