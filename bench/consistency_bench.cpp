// Consistency stage throughput: find_conflicts over generated assertions
// (N assertions spread over K (topic, subject) keys; 4 holder groups, 3
// values of which one pair conflicts, 20 documents per key, dates over two
// years, one in ten undated). The third argument is the percentage of
// assertions that carry one of the two conflicting values (100: every
// assertion is drawn from all three values uniformly, nearly all become
// evidence). The fourth picks the input order: 0 as generated (keys at
// random), 1 grouped by key (each key one contiguous run, as a key-sorted
// corpus or a reduce over key-sorted shards delivers them); both orders hold
// the same assertions, and within a key the same relative order.
//
// Generation is outside the timed loop; items/s = assertions/s. extra_MiB is
// how much the peak RSS grew while the stage ran, beyond the generated input
// (its working memory and the findings); extra_B/assertion and extra_B/key
// divide it by the assertions and by the keys; findings_MiB is how much of it
// the returned findings hold (the output, not working memory). Run one
// benchmark per process (--benchmark_filter): the peak is the process's, so an
// earlier benchmark would hide a later one's growth.
#include <benchmark/benchmark.h>
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

/// SplitMix64 seeded by the assertion's number: assertion i is the same
/// whichever order the assertions are laid out in.
class AssertionRandom {
public:
    explicit AssertionRandom(std::size_t i) : state_(0x9e3779b97f4a7c15ull * (i + 42)) {}
    std::uint64_t operator()() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t state_;
};

struct Shape {
    std::size_t count;
    std::size_t keys;
    std::size_t conflicting_percent;
};

/// Assertion i's key: its first draw, so that grouping needs no other field.
std::size_t key_of(std::size_t i, const Shape& shape) { return AssertionRandom(i)() % shape.keys; }

Assertion generate_one(std::size_t i, const Shape& shape) {
    AssertionRandom random(i);
    const std::size_t key = random() % shape.keys;
    Assertion a;
    a.topic = "t";
    a.subject = "s" + std::to_string(key);
    a.holder_group = "g" + std::to_string(random() % 4);
    a.holder = a.holder_group + "h" + std::to_string(random() % 3);
    a.value = shape.conflicting_percent >= 100                 ? "v" + std::to_string(random() % 3)
              : random() % 100 < shape.conflicting_percent ? "v" + std::to_string(random() % 2)
                                                             : std::string("v2");
    const std::size_t doc = random() % 20;
    a.doc = "d" + std::to_string(key % 1000) + "-" + std::to_string(doc);
    a.doc_hash = a.doc;
    a.cluster = "c" + std::to_string(doc / 2);
    if (random() % 10 != 0) a.stated = civil_from_days(19000 + static_cast<std::int64_t>(random() % 730));
    a.evidence.line = static_cast<std::uint32_t>(random() % 50 + 1);
    return a;
}

/// The assertions in generation order, or grouped by key (counting sort by
/// key, stable). Written in place: no temporary as large as the input, which
/// would raise the peak the benchmark measures against.
std::vector<Assertion> generate(const Shape& shape, bool grouped) {
    std::vector<Assertion> out(shape.count);
    if (!grouped) {
        for (std::size_t i = 0; i < shape.count; ++i) out[i] = generate_one(i, shape);
        return out;
    }
    std::vector<std::size_t> next(shape.keys + 1, 0);
    for (std::size_t i = 0; i < shape.count; ++i) ++next[key_of(i, shape) + 1];
    for (std::size_t k = 1; k <= shape.keys; ++k) next[k] += next[k - 1];
    for (std::size_t i = 0; i < shape.count; ++i) out[next[key_of(i, shape)]++] = generate_one(i, shape);
    return out;
}

/// Bytes the findings hold: their objects and the string buffers beyond the
/// small-string buffer (allocator overhead not counted). The evidence's texts
/// are its assertions' (SharedText) or the rule pack's (Interned): only their
/// handles, counted with the evidence. extra_MiB minus this is about what the
/// stage needed on top of its output.
double findings_bytes(const std::vector<Finding>& findings) {
    const auto text = [](const std::string& s) {
        return s.capacity() > 15 ? static_cast<double>(s.capacity() + 1) : 0.0;
    };
    double bytes = static_cast<double>(findings.capacity() * sizeof(Finding));
    for (const auto& f : findings) {
        bytes += text(f.id) + text(f.kind) + text(f.topic) + text(f.subject) + text(f.message) + text(f.rule);
        bytes += static_cast<double>(f.sides.capacity() * sizeof(FindingSide));
        for (const auto& side : f.sides) {
            bytes += text(side.value) + text(side.holder_group);
            bytes += static_cast<double>(side.evidence.capacity() * sizeof(FindingEvidence));
        }
    }
    return bytes;
}

/// Peak resident set size of this process so far, in bytes.
double peak_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024.0;
}

void BM_FindConflicts(benchmark::State& state) {
    const Shape shape{static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)),
                      static_cast<std::size_t>(state.range(2))};
    const auto assertions = generate(shape, state.range(3) != 0);
    const auto rules = bench_rules();
    const double rss_before = peak_rss_bytes();
    std::size_t findings = 0;
    double output_bytes = 0;
    for (auto _ : state) {
        auto out = find_conflicts(assertions, rules);
        findings = out.size();
        benchmark::DoNotOptimize(out);
        state.PauseTiming();
        output_bytes = findings_bytes(out);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
    state.counters["findings"] = static_cast<double>(findings);
    const double extra = peak_rss_bytes() - rss_before;
    state.counters["extra_MiB"] = extra / (1024.0 * 1024.0);
    state.counters["extra_B/assertion"] = extra / static_cast<double>(shape.count);
    state.counters["extra_B/key"] = extra / static_cast<double>(shape.keys);
    state.counters["findings_MiB"] = output_bytes / (1024.0 * 1024.0);
}

BENCHMARK(BM_FindConflicts)
    ->ArgNames({"n", "keys", "conflicting%", "grouped"})
    ->Args({100'000, 1'000, 100, 0})
    ->Args({1'000'000, 10'000, 5, 0})
    ->Args({1'000'000, 10'000, 5, 1})
    ->Args({1'000'000, 10'000, 100, 0})
    ->Args({1'000'000, 10'000, 100, 1})
    ->Args({10'000'000, 100'000, 5, 0})
    ->Args({10'000'000, 100'000, 5, 1})
    ->Args({10'000'000, 100'000, 100, 0})
    ->Args({10'000'000, 100'000, 100, 1})
    ->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace factline

BENCHMARK_MAIN();
