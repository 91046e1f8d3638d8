// CorpusAnalysis over a corpus handed over in batches as ingest() reads it
// (IngestOptions::on_documents) gives the RunOutput analyse_corpus() gives
// over the corpus read whole, field by field, on one thread or several:
// text files with sidecar metadata, JSON Lines records, a large JSON Lines
// file with a NUL in a later block (read whole, then skipped as binary),
// skipped inputs and warnings included.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checker/corpus_analysis.hpp"
#include "checker/ingest.hpp"
#include "checker/model_json.hpp"
#include "checker/pipeline.hpp"
#include "support/shipped_rules.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;
using testing::shipped_rules;
using testing::TempDir;

void write(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

const std::string stories[] = {
    "Kremlin says status of Luhansk is open to talks\n\nThe Kremlin said on Friday that the situation around "
    "Luhansk had not changed. Kremlin spokesman Dmitry Peskov said the status of Luhansk could be discussed at "
    "future talks, adding that no date had been set for them.",
    "Grain corridor extended\n\nThe grain corridor through the Black Sea was extended for another four months on "
    "Thursday, the officials who brokered the deal said in a joint statement.",
    "Power cuts across the capital\n\nKYIV, Nov 14 (Reuters) - Rolling power cuts hit the capital again on Monday "
    "after strikes on the grid, the city administration said.",
};

/// Copies of three stories (some undated, so they wait for their cluster's
/// date) and stories of their own, as text files and JSON Lines records.
std::string article(int i) {
    return i % 2 == 0 ? stories[i % 3] + " Item " + std::to_string(i) + " of the wire."
                      : "Story " + std::to_string(i) + " of its own\n\nPresident Zelenskyy said on Friday that " +
                            std::to_string(i) + " towns were without power.";
}

std::string json_escaped(std::string text) {
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) {
        text.replace(at, 1, "\\n");
    }
    return text;
}

std::string record(int i) {
    const bool dated = i % 5 != 2;
    return "{\"id\":\"r" + std::to_string(100 + i) + "\"," +
           (dated ? "\"published\":\"2022-11-" + std::to_string(10 + i % 9) + "\"," : "") + "\"text\":\"" +
           json_escaped(article(i)) + "\"}\n";
}

/// A folder to walk: text files with a sidecar (some with its date and
/// outlet, one entry naming no file, one with a bad date), JSON Lines
/// records (one malformed), a large JSON Lines file with a NUL past its first
/// MiB, an empty file and a file that is no article.
void write_corpus(const fs::path& root) {
    std::string sidecar;
    for (int i = 0; i < 24; ++i) {
        const std::string name = "texts/" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt";
        write(root / name, article(i));
        if (i % 3 == 0) {
            sidecar += "[[source]]\npath = \"" + name.substr(6) + "\"\noutlet = \"Sidecar Outlet\"\nurl = \"https://example.org/" +
                       std::to_string(i) + "\"\npublished = \"2022-11-1" + std::to_string(i % 10) + "\"\n\n";
        }
    }
    sidecar += "[[source]]\npath = \"missing.txt\"\noutlet = \"Nobody\"\n\n";
    sidecar += "[[source]]\npath = \"05.txt\"\npublished = \"soon\"\n";
    write(root / "texts/sources.toml", sidecar);
    std::string jsonl;
    for (int i = 0; i < 30; ++i) jsonl += i == 7 ? "{\"id\": broken\n" : record(i);
    write(root / "wire.jsonl", jsonl);
    std::string large;
    for (int i = 0; large.size() < (std::size_t{1} << 20) + 4096; ++i) large += record(i % 30);
    large += std::string("{\"id\":\"nul\",\"text\":\"a\0b\"}\n", 25);
    write(root / "zz-large.jsonl", large);
    write(root / "empty.txt", "");
    write(root / "image.png", "PNG");
}

/// Every field of a run, as the writers would see it.
std::string describe(const RunOutput& run) {
    std::string out;
    for (const auto& record : run.documents) out += to_json_line(record) + "\n";
    for (const auto& assertion : run.assertions) out += to_json_line(assertion) + "\n";
    for (const auto& finding : run.findings) out += to_json_line(finding) + "\n";
    for (const auto& finding : run.date_findings) out += "date " + to_json_line(finding) + "\n";
    for (const auto& finding : run.resolved) out += "resolved " + to_json_line(finding) + "\n";
    for (const auto& diagnostic : run.diagnostics.items()) out += format_diagnostic(diagnostic) + "\n";
    out += std::to_string(run.stale_ignores.size()) + " stale, " + std::to_string(run.ignored) + " ignored, " +
           (run.has_baseline ? "baseline" : "no baseline") + "\n";
    return out;
}

RunOutput read_whole(const std::vector<std::string>& paths, int jobs) {
    IngestOptions options;
    options.jobs = jobs;
    std::istringstream no_stdin;
    return analyse_corpus(ingest(paths, options, no_stdin), shipped_rules(), AnalysisOptions{jobs});
}

struct Batched {
    RunOutput run;
    std::vector<std::size_t> batch_bytes;  // the text each batch held
};

Batched read_in_batches(const std::vector<std::string>& paths, int jobs, std::size_t batch_bytes) {
    Batched batched;
    CorpusAnalysis analysis(shipped_rules(), AnalysisOptions{jobs});
    IngestOptions options;
    options.jobs = jobs;
    options.batch_bytes = batch_bytes;
    options.on_documents = [&](std::vector<Document>&& documents) {
        std::size_t bytes = 0;
        for (const auto& document : documents) bytes += document.text.size();
        batched.batch_bytes.push_back(bytes);
        analysis.add(std::move(documents));
    };
    std::istringstream no_stdin;
    Corpus corpus = ingest(paths, options, no_stdin);
    EXPECT_TRUE(corpus.documents.empty()) << "every document went to the analysis";
    batched.run = analysis.finish(std::move(corpus.skipped), corpus.diagnostics);
    return batched;
}

TEST(CorpusAnalysis, BatchesFromIngestGiveTheRunOfTheWholeCorpus) {
    const TempDir dir("factline-batches");
    write_corpus(dir.path());
    const std::vector<std::string> paths{dir.path().generic_string()};
    for (const int jobs : {1, 3}) {
        const std::string whole = describe(read_whole(paths, jobs));
        ASSERT_NE(whole.find("Sidecar Outlet"), std::string::npos) << whole;
        ASSERT_NE(whole.find("binary file (NUL bytes)"), std::string::npos) << whole;
        ASSERT_NE(whole.find("\"published_source\":\"cluster\""), std::string::npos) << whole;
        ASSERT_NE(whole.find("source.no-file"), std::string::npos) << whole;
        const Batched batched = read_in_batches(paths, jobs, 300);
        EXPECT_EQ(describe(batched.run), whole) << jobs << " threads";
        ASSERT_GT(batched.batch_bytes.size(), 5u);
        for (std::size_t k = 0; k + 1 < batched.batch_bytes.size(); ++k) {
            EXPECT_GE(batched.batch_bytes[k], 300u) << "batch " << k << ", " << jobs << " threads";
        }
        // One batch larger than the corpus: analysed as analyse_corpus analyses it.
        EXPECT_EQ(describe(read_in_batches(paths, jobs, std::size_t{1} << 30).run), whole) << jobs << " threads";
    }
}

TEST(CorpusAnalysis, BatchesGiveTheSameRunWhateverTheirSize) {
    // Batches cut by hand, down to one document each, and empty ones.
    Corpus corpus;
    read_json_lines([] {
        std::string jsonl;
        for (int i = 0; i < 40; ++i) jsonl += record(i);
        return jsonl;
    }(), "corpus.jsonl", corpus, 1);
    for (const int jobs : {1, 3}) {
        const std::string whole = describe(analyse_corpus(corpus, shipped_rules(), AnalysisOptions{jobs}));
        for (const std::size_t size : {1, 7, 39}) {
            CorpusAnalysis analysis(shipped_rules(), AnalysisOptions{jobs});
            for (std::size_t begin = 0; begin < corpus.documents.size(); begin += size) {
                const auto first = corpus.documents.begin() + static_cast<std::ptrdiff_t>(begin);
                const auto last = corpus.documents.begin() +
                                  static_cast<std::ptrdiff_t>(std::min(corpus.documents.size(), begin + size));
                analysis.add(std::vector<Document>(first, last));
                analysis.add({});
            }
            EXPECT_EQ(describe(analysis.finish(corpus.skipped, corpus.diagnostics)), whole)
                << "batches of " << size << ", " << jobs << " threads";
        }
    }
}

TEST(CorpusAnalysis, NoDocumentsGiveAnEmptyRun) {
    CorpusAnalysis analysis(shipped_rules(), AnalysisOptions{2});
    const RunOutput run = analysis.finish({{"a.txt", "empty file"}}, Diagnostics{});
    ASSERT_EQ(run.documents.size(), 1u);
    EXPECT_EQ(run.documents[0].status, "skipped");
    EXPECT_TRUE(run.assertions.empty());
}

}  // namespace
}  // namespace factline
