// BandCheck: a band's buckets checked on several threads against the
// components at the band's start; the clusters that gives on any --jobs;
// PairCheck deciding as containment does with bounds made on several threads.
#include <algorithm>
#include <gtest/gtest.h>
#include <numeric>
#include <random>

#include "checker/dedup.hpp"
#include "checker/dedup_band.hpp"
#include "checker/parallel.hpp"

namespace factline {
namespace {

using Set = std::vector<std::uint64_t>;

/// `count` random hashes, sorted and unique (a document's shingles).
Set random_set(std::mt19937_64& random, std::size_t count) {
    Set set(count);
    for (auto& hash : set) hash = random();
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

Set united(Set a, const Set& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    return a;
}

/// Stories, half of them sharing one of two templated passages (LSH puts a
/// passage's stories in crowded buckets), each with up to four
/// copies: exact, with clutter, or cut; and unrelated texts; in a random
/// order. `exact_pairs` gets (story, exact copy) documents.
std::vector<Set> mixed_corpus(unsigned seed, std::vector<std::pair<std::size_t, std::size_t>>& exact_pairs) {
    std::mt19937_64 random(seed);
    const Set templates[] = {random_set(random, 60), random_set(random, 60)};
    std::vector<std::pair<Set, int>> documents;  // (shingles, story or -1), then shuffled
    for (int story = 0; story < 400; ++story) {
        Set own = random_set(random, 40 + random() % 100);
        if (story % 2 == 0) own = united(own, templates[random() % 2]);
        documents.emplace_back(own, story);
        for (std::size_t copy = random() % 5; copy > 0; --copy) {
            switch (random() % 3) {
                case 0: documents.emplace_back(own, story); break;
                case 1: documents.emplace_back(united(own, random_set(random, random() % 30)), story); break;
                default: documents.emplace_back(Set(own.begin(), own.begin() + own.size() * 4 / 5), story);
            }
        }
    }
    for (int text = 0; text < 300; ++text) documents.emplace_back(random_set(random, 20 + random() % 200), -1);
    std::shuffle(documents.begin(), documents.end(), random);
    std::vector<Set> shingles;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        shingles.push_back(documents[i].first);
        for (std::size_t j = 0; j < i; ++j) {
            if (documents[j].second >= 0 && documents[j].second == documents[i].second &&
                documents[j].first == documents[i].first) {
                exact_pairs.emplace_back(j, i);
            }
        }
    }
    return shingles;
}

TEST(BandCheck, TheClustersAreTheSameOnOneTwoAndFourThreadsSpilledOrNot) {
    for (const unsigned seed : {1u, 2u}) {
        std::vector<std::pair<std::size_t, std::size_t>> exact_pairs;
        const auto shingles = mixed_corpus(seed, exact_pairs);
        DedupOptions in_memory;
        in_memory.spill.memory_budget = SIZE_MAX;
        const auto expected = cluster_documents(shingles, in_memory);
        // Copies with the very same shingles share every bucket, crowded or not.
        ASSERT_GT(exact_pairs.size(), 100u);
        for (const auto& [a, b] : exact_pairs) EXPECT_EQ(expected[a], expected[b]) << a << " " << b;
        EXPECT_LT(*std::max_element(expected.begin(), expected.end()) + 1, shingles.size() * 3 / 4);
        // 0: keys and shingles spilled from the start, the shingles read back
        // by every thread; 900 KiB: the keys (~1,500 x 384 bytes) stay in
        // memory, the shingles spill part way.
        for (const std::size_t budget : {SIZE_MAX, std::size_t{0}, std::size_t{900} << 10}) {
            for (const int jobs : {1, 2, 4}) {
                DedupOptions options;
                options.spill.memory_budget = budget;
                options.jobs = jobs;
                EXPECT_EQ(cluster_documents(shingles, options), expected)
                    << "seed " << seed << ", budget " << budget << ", " << jobs << " threads";
            }
        }
    }
}

/// A store of `sets` in memory, finished.
ShingleStore store_of(const std::vector<Set>& sets) {
    ShingleStore store(sets.size(), SpillOptions{SIZE_MAX, {}, {}});
    for (std::size_t doc = 0; doc < sets.size(); ++doc) store.put(doc, sets[doc]);
    store.finish();
    return store;
}

/// One band: `buckets[k]`'s documents under key k + 1, sorted as clustering sorts them.
std::vector<Keyed> band_of(const std::vector<std::vector<std::uint32_t>>& buckets) {
    std::vector<Keyed> keyed;
    for (std::size_t k = 0; k < buckets.size(); ++k) {
        for (const std::uint32_t doc : buckets[k]) keyed.push_back({k + 1, doc, 0});
    }
    std::sort(keyed.begin(), keyed.end());
    return keyed;
}

TEST(BandCheck, TheSamePairsAndComponentsOnOneTwoAndFourThreads) {
    // Bands of random keys over the mixed corpus: a few buckets of hundreds
    // (crowded), or many of two to five (checked pairwise), and buckets whose
    // members another bucket of the band joins. Any number of threads checks
    // the very same pairs and makes the same components, band after band.
    std::vector<std::pair<std::size_t, std::size_t>> exact_pairs;
    const auto shingles = mixed_corpus(3, exact_pairs);
    const ShingleStore store = store_of(shingles);
    struct Result {
        std::vector<std::size_t> roots;  // after every band
        std::size_t checked, merged, met;
    };
    const auto run = [&](int jobs) {
        PairBounds bounds(store, 0.6);
        ThreadCrew crew(jobs);
        BandCheck check(bounds, crew);
        UnionFind components(shingles.size());
        std::mt19937_64 random(9);
        std::vector<std::size_t> roots;
        for (int band = 0; band < 24; ++band) {
            const std::uint64_t keys = band % 3 == 0 ? 8 : shingles.size() / 3;
            std::vector<Keyed> keyed;
            for (std::uint32_t doc = 0; doc < shingles.size(); ++doc) keyed.push_back({random() % keys, doc, 0});
            std::sort(keyed.begin(), keyed.end());
            check.join(keyed, components);
            for (std::size_t doc = 0; doc < shingles.size(); ++doc) roots.push_back(components.find(doc));
        }
        return Result{roots, check.pairs_checked(), check.pairs_merged(), bounds.documents_met()};
    };
    const Result one = run(1);
    EXPECT_GT(one.checked, 5000u);
    EXPECT_EQ(one.met, shingles.size());
    for (const int jobs : {2, 4}) {
        const Result many = run(jobs);
        EXPECT_EQ(many.roots, one.roots) << jobs;
        EXPECT_EQ(many.checked, one.checked) << jobs;
        EXPECT_EQ(many.merged, one.merged) << jobs;
        EXPECT_EQ(many.met, one.met) << jobs;
    }
}

TEST(BandCheck, ABucketSeesTheComponentsOfItsBandsStart) {
    // Documents 0 and 1 are copies; 2 and 4 are copies; the others are
    // unrelated. Earlier bands joined 0 with 5 and 1 with 6. This band's
    // first bucket unites 0 and 1, and so 5 and 6. Its second bucket,
    // 2..34, has 33 components at the band's start (none of its neighbours
    // are copies): crowded, so 2 and 4 are not checked, whichever thread
    // checks which bucket. (Checked bucket after bucket, the union of 5
    // and 6 would have come first and left 32 components: 2 and 4 joined.)
    // The next band sees the union: the same bucket there joins them.
    std::mt19937_64 random(3);
    std::vector<Set> sets;
    for (int doc = 0; doc < 35; ++doc) sets.push_back(random_set(random, 40));
    sets[1] = sets[0];
    sets[4] = sets[2];
    const ShingleStore store = store_of(sets);
    std::vector<std::uint32_t> crowded;
    for (std::uint32_t doc = 2; doc < 35; ++doc) crowded.push_back(doc);
    for (const int jobs : {1, 2, 4}) {
        PairBounds bounds(store, 0.6);
        ThreadCrew crew(jobs);
        BandCheck check(bounds, crew);
        UnionFind components(sets.size());
        components.unite(0, 5);
        components.unite(1, 6);
        auto keyed = band_of({{0, 1}, crowded});
        check.join(keyed, components);
        EXPECT_EQ(components.find(5), components.find(6)) << jobs;
        EXPECT_NE(components.find(2), components.find(4)) << jobs;
        keyed = band_of({crowded});
        check.join(keyed, components);
        EXPECT_EQ(components.find(2), components.find(4)) << jobs;
        EXPECT_EQ(components.find(4), 2u);  // the smallest document leads
    }
}

TEST(BandCheck, ABucketChecksMembersThatAnotherBucketOfItsBandJoins) {
    // 0 and 1 are copies; earlier bands joined 0 with 2 and 1 with 3; 2
    // and 3 are not copies. The first bucket unites 0 and 1, and so 2 and
    // 3; the second bucket, {2, 3}, still sees them apart and checks them:
    // twice (as neighbours, then as members of two components). No union
    // comes of it: the components are those of checking bucket after bucket.
    std::mt19937_64 random(4);
    std::vector<Set> sets{random_set(random, 40), {}, random_set(random, 40), random_set(random, 40)};
    sets[1] = sets[0];
    const ShingleStore store = store_of(sets);
    PairBounds bounds(store, 0.6);
    ThreadCrew crew(2);
    BandCheck check(bounds, crew);
    UnionFind components(sets.size());
    components.unite(0, 2);
    components.unite(1, 3);
    auto keyed = band_of({{0, 1}, {2, 3}});
    check.join(keyed, components);
    EXPECT_EQ(check.pairs_checked(), 3u);
    for (std::size_t doc = 0; doc < sets.size(); ++doc) EXPECT_EQ(components.find(doc), 0u) << doc;
    EXPECT_EQ(bounds.documents_met(), 4u);
}

TEST(BandCheck, UnionsInAnyOrderGiveTheSameRoots) {
    // The band's unions are applied thread after thread: the roots must not
    // depend on their order (each is its component's smallest document).
    // Threads then find the roots of the next band's members together.
    std::mt19937_64 random(6);
    std::vector<std::pair<std::size_t, std::size_t>> unions;
    for (int k = 0; k < 300; ++k) unions.emplace_back(random() % 500, random() % 500);
    UnionFind expected(500);
    for (const auto& [a, b] : unions) expected.unite(a, b);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(unions.begin(), unions.end(), random);
        UnionFind components(500);
        for (const auto& [a, b] : unions) components.unite(b, a);
        std::vector<std::size_t> roots(500);
        parallel_for(roots.size(), 4, [&](std::size_t doc) { roots[doc] = components.find_shared(doc); });
        for (std::size_t doc = 0; doc < 500; ++doc) {
            ASSERT_EQ(roots[doc], expected.find(doc)) << doc;
            ASSERT_EQ(components.find(doc), expected.find(doc)) << doc;
            ASSERT_LE(components.find(doc), doc);
        }
    }
}

TEST(PairCheck, DecidesAsContainmentWithBoundsMadeOnSeveralThreads) {
    // Short and long documents (a long one has a full range: its full
    // bound is kept too), copies, cuts and strangers; their bounds filled
    // on four threads, one bucket's worth at a time.
    std::mt19937_64 random(8);
    std::vector<Set> sets;
    for (int doc = 0; doc < 200; ++doc) {
        if (doc % 4 == 3) {
            const Set& from = sets[random() % sets.size()];
            sets.push_back(united(Set(from.begin(), from.begin() + from.size() * (50 + random() % 50) / 100),
                                  random_set(random, random() % 60)));
        } else {
            sets.push_back(random_set(random, doc % 10 == 0 ? 5000 + random() % 3000 : 20 + random() % 300));
        }
    }
    const ShingleStore store = store_of(sets);
    PairBounds bounds(store, 0.6);
    std::vector<std::uint32_t> docs(sets.size());
    std::iota(docs.begin(), docs.end(), 0u);
    bounds.reserve(docs);
    parallel_for(docs.size(), 4, [&](std::size_t doc) { bounds.fill(doc, sets[doc]); });
    PairCheck check(bounds);
    std::size_t copies = 0;
    for (std::size_t a = 0; a < sets.size(); ++a) {
        for (std::size_t b = a + 1; b < sets.size(); ++b) {
            const bool expected = containment_reaches(sets[a], sets[b], 0.6);
            ASSERT_EQ(check.copies(a, b), expected) << a << " " << b;
            copies += expected;
        }
    }
    EXPECT_GE(copies, 30u);
    EXPECT_EQ(check.pairs_checked(), sets.size() * (sets.size() - 1) / 2);
}

}  // namespace
}  // namespace factline
