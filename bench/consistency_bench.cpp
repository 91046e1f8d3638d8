// Consistency stage throughput: find_conflicts over generated assertions
// (N assertions spread over K (topic, subject) keys; 4 holder groups, 3
// values of which one pair conflicts, 20 documents per key, dates over two
// years). The third argument is the percentage of assertions that carry one of
// the two conflicting values (100: every assertion is drawn from all three
// values uniformly, nearly all become evidence). Generation is outside the
// timed loop; items/s = assertions/s. extra_MiB is how much the peak RSS grew
// while the stage ran, beyond the generated input (its working memory and the
// findings); extra_B/assertion divides it by the assertions.
#include <benchmark/benchmark.h>
#include <random>
#include <sys/resource.h>

#include "checker/consistency.hpp"

namespace factline {
namespace {

ConflictRules bench_rules() {
    ConflictRules rules;
    TopicRules topic;
    topic.topic = "t";
    topic.values = {"v0", "v1", "v2"};
    topic.conflicts.push_back({"bench.t.v0_vs_v1", "v0", "v1", ""});
    topic.window_days = {{"cross_source", 90}, {"dispute", 90}};
    rules.topics.push_back(topic);
    RuleSpec spec;
    spec.kind = "cross_source";
    spec.outlet_groups = {"g3"};
    rules.kinds.push_back(spec);
    return rules;
}

std::vector<Assertion> generate(std::size_t count, std::size_t keys, std::size_t conflicting_percent) {
    std::mt19937_64 random(42);
    std::vector<Assertion> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        Assertion& a = out[i];
        const std::size_t key = random() % keys;
        a.topic = "t";
        a.subject = "s" + std::to_string(key);
        a.holder_group = "g" + std::to_string(random() % 4);
        a.holder = a.holder_group + "h" + std::to_string(random() % 3);
        a.value = conflicting_percent >= 100 ? "v" + std::to_string(random() % 3)
                  : random() % 100 < conflicting_percent ? "v" + std::to_string(random() % 2)
                                                         : std::string("v2");
        const std::size_t doc = random() % 20;
        a.doc = "d" + std::to_string(key % 1000) + "-" + std::to_string(doc);
        a.doc_hash = a.doc;
        a.cluster = "c" + std::to_string(doc / 2);
        if (random() % 10 != 0) a.stated = civil_from_days(19000 + static_cast<std::int64_t>(random() % 730));
        a.evidence.line = static_cast<std::uint32_t>(random() % 50 + 1);
    }
    return out;
}

/// Peak resident set size of this process so far, in bytes.
double peak_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024.0;
}

void BM_FindConflicts(benchmark::State& state) {
    const auto assertions = generate(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)),
                                     static_cast<std::size_t>(state.range(2)));
    const auto rules = bench_rules();
    const double rss_before = peak_rss_bytes();
    std::size_t findings = 0;
    for (auto _ : state) {
        auto out = find_conflicts(assertions, rules);
        findings = out.size();
        benchmark::DoNotOptimize(out);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
    state.counters["findings"] = static_cast<double>(findings);
    const double extra = peak_rss_bytes() - rss_before;
    state.counters["extra_MiB"] = extra / (1024.0 * 1024.0);
    state.counters["extra_B/assertion"] = extra / static_cast<double>(state.range(0));
}

BENCHMARK(BM_FindConflicts)
    ->Args({100'000, 1'000, 100})
    ->Args({1'000'000, 10'000, 100})
    ->Args({1'000'000, 10'000, 5})
    ->Args({10'000'000, 100'000, 100})
    ->Args({10'000'000, 100'000, 5})
    ->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace factline

BENCHMARK_MAIN();
