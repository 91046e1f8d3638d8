// Per-stage throughput (issue 7): layout, sentences, time, lexicon matching,
// extraction, clustering, each run over the articles of fixtures/sample/input
// (the project's own fixture texts, read at start-up; no corpus is compiled
// in). bytes/s counts the article bytes a stage reads per iteration; earlier
// stages' results are computed outside the timed loop.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checker/config.hpp"
#include "checker/dedup.hpp"
#include "checker/extract.hpp"
#include "checker/layout.hpp"
#include "checker/lexicon_match.hpp"
#include "checker/rule_pack.hpp"
#include "checker/sentences.hpp"
#include "checker/time.hpp"
#include "checker/tokens.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

/// The fixture articles and the default rules, loaded once.
struct Fixture {
    RuleSet rules;
    std::vector<Document> documents;
    std::vector<Layout> layouts;
    std::vector<std::vector<Sentence>> sentences;
    std::int64_t bytes = 0;

    Fixture() {
        Diagnostics diagnostics;
        rules = load_rules(default_rule_roots(), diagnostics);
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(fs::path(FACTLINE_SOURCE_DIR) / "fixtures/sample/input")) {
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            Document document;
            document.path = file.filename().string();
            document.text = text.str();
            bytes += static_cast<std::int64_t>(document.text.size());
            layouts.push_back(analyse_layout(document.text, rules.layout));
            sentences.push_back(split_sentences(document.text, layouts.back()));
            documents.push_back(std::move(document));
        }
    }
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

void finish(benchmark::State& state, const Fixture& f) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * f.bytes);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.documents.size()));
}

void BM_Layout(benchmark::State& state) {
    const auto& f = fixture();
    for (auto _ : state) {
        for (const auto& d : f.documents) benchmark::DoNotOptimize(analyse_layout(d.text, f.rules.layout));
    }
    finish(state, f);
}
BENCHMARK(BM_Layout);

void BM_Sentences(benchmark::State& state) {
    const auto& f = fixture();
    for (auto _ : state) {
        for (std::size_t i = 0; i < f.documents.size(); ++i) {
            benchmark::DoNotOptimize(split_sentences(f.documents[i].text, f.layouts[i]));
        }
    }
    finish(state, f);
}
BENCHMARK(BM_Sentences);

void BM_Time(benchmark::State& state) {
    const auto& f = fixture();
    const CivilDate dct{2022, 11, 11};
    for (auto _ : state) {
        for (const auto& d : f.documents) {
            const Span all{0, static_cast<std::uint32_t>(d.text.size())};
            benchmark::DoNotOptimize(find_times(d.text, all, dct));
        }
    }
    finish(state, f);
}
BENCHMARK(BM_Time);

void BM_LexiconMatch(benchmark::State& state) {
    const auto& f = fixture();
    std::vector<Tokens> tokens;
    for (std::size_t i = 0; i < f.documents.size(); ++i) {
        for (const auto& s : f.sentences[i]) tokens.push_back(tokenize(f.documents[i].text, s.span));
    }
    for (auto _ : state) {
        for (const auto& t : tokens) benchmark::DoNotOptimize(f.rules.lexicon.matcher->find(t));
    }
    finish(state, f);
}
BENCHMARK(BM_LexiconMatch);

void BM_Extraction(benchmark::State& state) {
    const auto& f = fixture();
    std::size_t assertions = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < f.documents.size(); ++i) {
            const ExtractInput input{f.documents[i], f.layouts[i], f.sentences[i],
                                     DatedBy{CivilDate{2022, 11, 11}, DateSource::metadata}};
            assertions += extract_assertions(input, f.rules).size();
        }
    }
    state.counters["assertions/iter"] = static_cast<double>(assertions) / static_cast<double>(state.iterations());
    finish(state, f);
}
BENCHMARK(BM_Extraction);

void BM_Clustering(benchmark::State& state) {
    const auto& f = fixture();
    std::vector<std::vector<std::uint64_t>> shingles;
    for (const auto& d : f.documents) shingles.push_back(shingle_hashes(d.text));
    for (auto _ : state) benchmark::DoNotOptimize(cluster_documents(shingles, DedupOptions{}));
    finish(state, f);
}
BENCHMARK(BM_Clustering);

}  // namespace
}  // namespace factline

BENCHMARK_MAIN();
