// A whole analysis with dedup's keys and shingles spilled to temporary files
// (FACTLINE_DEDUP_BUDGET_MIB=0, as a 1 M-article corpus would) gives the
// documents the same clusters and dates as with them in memory, on any
// number of threads.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "checker/ingest.hpp"
#include "checker/pipeline.hpp"
#include "support/shipped_rules.hpp"

namespace factline {
namespace {

using testing::shipped_rules;

/// Sets an environment variable for one scope, then puts back what was there.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) {
        if (const char* before = std::getenv(name)) before_ = before;
        ::setenv(name, value, 1);
    }
    ~ScopedEnvironment() {
        if (before_) {
            ::setenv(name_, before_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* name_;
    std::optional<std::string> before_;
};

/// 60 articles: copies of three stories (some undated, so they take their
/// cluster's date), each copy with a line of its own, and stories of their own.
std::string corpus_jsonl() {
    const std::string stories[] = {
        "Kremlin says status of Luhansk is open to talks\\n\\nThe Kremlin said on Friday that the situation around "
        "Luhansk had not changed and that the status of the region could be discussed at future talks.",
        "Grain corridor extended\\n\\nThe grain corridor through the Black Sea was extended for another four months "
        "on Thursday, the officials who brokered the deal said in a joint statement.",
        "Power cuts across the capital\\n\\nRolling power cuts hit the capital again on Monday after strikes on the "
        "grid, the city administration said, urging residents to limit their use of electricity.",
    };
    std::string jsonl;
    for (int i = 0; i < 60; ++i) {
        const std::string id = "d" + std::to_string(100 + i);
        std::string text = i % 2 == 0 ? stories[i % 3] + " Item " + std::to_string(i) + " of the wire."
                                      : "Story " + std::to_string(i) + " of its own\\n\\nA council in district " +
                                            std::to_string(i) + " voted on " + std::to_string(i * 7) +
                                            " budget lines after a debate that ran late into the night.";
        const bool dated = i % 10 != 4;  // a copy of each story among them
        jsonl += "{\"id\":\"" + id + "\"," + (dated ? "\"published\":\"2022-11-" + std::to_string(10 + i % 9) + "\"," : "") +
                 "\"text\":\"" + text + "\"}\n";
    }
    return jsonl;
}

std::string clusters_and_dates(const RunOutput& run) {
    std::string out;
    for (const auto& record : run.documents) {
        out += record.doc + " " + record.cluster + " " + (record.published ? to_iso(*record.published) : "-") + " " +
               std::string(to_string(record.published_source)) + "\n";
    }
    return out;
}

RunOutput analyse(int jobs) {
    Corpus corpus;
    read_json_lines(corpus_jsonl(), "corpus.jsonl", corpus, 1);
    return analyse_corpus(std::move(corpus), shipped_rules(), AnalysisOptions{jobs});
}

TEST(DedupSpill, AnalysisGivesTheSameClustersAndDatesSpilledOrNot) {
    const std::string in_memory = [] {
        const ScopedEnvironment budget("FACTLINE_DEDUP_BUDGET_MIB", "1024");
        return clusters_and_dates(analyse(1));
    }();
    ASSERT_NE(in_memory.find("cluster"), std::string::npos) << in_memory;  // some copies took their cluster's date
    const ScopedEnvironment budget("FACTLINE_DEDUP_BUDGET_MIB", "0");
    for (const int jobs : {1, 3}) EXPECT_EQ(clusters_and_dates(analyse(jobs)), in_memory) << jobs << " threads";
}

TEST(DedupSpill, AFailedSpillStopsTheAnalysis) {
    const ScopedEnvironment budget("FACTLINE_DEDUP_BUDGET_MIB", "0");
    const ScopedEnvironment folder("TMPDIR", "/nonexistent/factline");
    EXPECT_THROW((void)analyse(2), SpillError);
}

}  // namespace
}  // namespace factline
