// Lexicon matching at gazetteer scale (issue 10): load time of the rule packs
// and LexiconMatcher::find throughput over tokenized text, with the core pack
// alone and with every shipped pack (core + places). Text: the .txt files
// under $FACTLINE_BENCH_TEXT (e.g. the unpacked Reuters-21578 articles),
// default the dev set; at most 4 MB are read. Tokenizing is outside the timed
// loop; bytes/s = text bytes matched per second.
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checker/lexicon_match.hpp"
#include "checker/rule_pack.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

fs::path rules_dir() { return fs::path(FACTLINE_SOURCE_DIR) / "rules"; }

std::vector<fs::path> roots(bool all) { return {all ? rules_dir() : rules_dir() / "core"}; }

struct Text {
    std::vector<Tokens> paragraphs;
    std::size_t bytes = 0;
};

const Text& bench_text() {
    static const Text text = [] {
        Text out;
        const char* env = std::getenv("FACTLINE_BENCH_TEXT");
        const fs::path dir = env != nullptr ? fs::path(env) : fs::path(FACTLINE_SOURCE_DIR) / "../shared/devset/corpus";
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            if (out.bytes > (4u << 20)) break;
            std::ifstream in(file, std::ios::binary);
            std::string line, paragraph;
            while (std::getline(in, line)) {
                out.bytes += line.size() + 1;
                if (!line.empty()) {
                    paragraph += line + ' ';
                    continue;
                }
                if (!paragraph.empty()) out.paragraphs.push_back(tokenize(paragraph));
                paragraph.clear();
            }
            if (!paragraph.empty()) out.paragraphs.push_back(tokenize(paragraph));
        }
        return out;
    }();
    return text;
}

void BM_load_rules(benchmark::State& state) {
    for (auto _ : state) {
        Diagnostics diagnostics;
        auto rules = load_rules(roots(state.range(0) != 0), diagnostics);
        benchmark::DoNotOptimize(rules.lexicon.regions.size());
    }
    state.SetLabel(state.range(0) != 0 ? "core+places" : "core");
}
BENCHMARK(BM_load_rules)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_match(benchmark::State& state) {
    Diagnostics diagnostics;
    const auto rules = load_rules(roots(state.range(0) != 0), diagnostics);
    const Text& text = bench_text();
    std::size_t mentions = 0;
    for (auto _ : state) {
        mentions = 0;
        for (const auto& tokens : text.paragraphs) mentions += rules.lexicon.matcher->find(tokens).size();
        benchmark::DoNotOptimize(mentions);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.bytes));
    state.counters["mentions"] = static_cast<double>(mentions);
    state.counters["regions"] = static_cast<double>(rules.lexicon.regions.size());
    state.SetLabel(state.range(0) != 0 ? "core+places" : "core");
}
BENCHMARK(BM_match)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace factline

BENCHMARK_MAIN();
