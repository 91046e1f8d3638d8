// return_free_memory(): the binary's allocator hook, called by the analysis
// at the ends of its stages after pass 1 (and a no-op without a hook, as in
// the libraries' own tests).
#include "checker/free_memory.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "checker/ingest.hpp"
#include "checker/pipeline.hpp"
#include "support/shipped_rules.hpp"

namespace factline {
namespace {

std::atomic<int> calls{0};
void count_call() { ++calls; }

/// Sets the counting hook for one test and clears it after, whatever happens.
struct CountingHook {
    CountingHook() {
        calls = 0;
        set_free_memory_hook(&count_call);
    }
    ~CountingHook() { set_free_memory_hook(nullptr); }
};

TEST(FreeMemory, CallsTheHookSetAndNothingWithout) {
    {
        const CountingHook hook;
        return_free_memory();
        return_free_memory();
        EXPECT_EQ(calls, 2);
    }
    return_free_memory();  // no hook: nothing to call
    EXPECT_EQ(calls, 2);
}

TEST(FreeMemory, TheAnalysisReturnsMemoryAfterTheClustersAndTheRecords) {
    const std::string jsonl =
        R"({"id":"a","published":"2022-10-12","text":"Talks stall\n\nPeskov said that peace talks were impossible."})"
        "\n"
        R"({"id":"b","published":"2022-11-02","text":"Talks\n\nPeskov said Russia was open to negotiations."})"
        "\n";
    Corpus corpus;
    read_json_lines(jsonl, "corpus.jsonl", corpus, 2);
    const CountingHook hook;
    const RunOutput run = analyse_corpus(corpus, testing::shipped_rules(), AnalysisOptions{2});
    EXPECT_EQ(run.documents.size(), 2u);
    EXPECT_EQ(calls, 3);  // the candidate pairs' check, pass 2, the records
}

}  // namespace
}  // namespace factline
