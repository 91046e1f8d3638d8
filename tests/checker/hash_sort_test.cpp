// sort_by_hash gives exactly std::sort's order, for any keys (uniform or not).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "checker/hash_sort.hpp"

namespace factline {
namespace {

std::vector<std::uint64_t> sorted_copy(std::vector<std::uint64_t> values) {
    sort_by_hash(values, [](std::uint64_t v) { return v; });
    return values;
}

TEST(SortByHash, MatchesStdSortForUniformHashes) {
    std::mt19937_64 random(7);
    for (const std::size_t n : {0u, 1u, 2u, 31u, 32u, 33u, 100u, 1000u, 65536u, 100001u}) {
        std::vector<std::uint64_t> values(n);
        for (auto& v : values) v = random();
        auto expected = values;
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(sorted_copy(values), expected) << n;
    }
}

TEST(SortByHash, KeepsDuplicatesAndCopesWithCrowdedBuckets) {
    std::mt19937_64 random(11);
    const struct {
        const char* name;
        std::uint64_t mask;  // keys that share their top bits crowd one bucket
    } cases[] = {{"small keys", 0xffffull}, {"few distinct", 0x3ull}, {"one value", 0}, {"top bits only", ~0ull << 60}};
    for (const auto& c : cases) {
        std::vector<std::uint64_t> values(5000);
        for (auto& v : values) v = random() & c.mask;
        auto expected = values;
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(sorted_copy(values), expected) << c.name;
    }
}

TEST(SortByHash, PairsAreOrderedByHashThenSecondField) {
    // As LSH buckets use it: (band key, document), equal keys in document order.
    std::mt19937_64 random(3);
    std::vector<std::pair<std::uint64_t, std::size_t>> values;
    for (std::size_t doc = 0; doc < 3000; ++doc) values.emplace_back(random() % 50 == 0 ? 42 : random(), 2999 - doc);
    auto expected = values;
    std::sort(expected.begin(), expected.end());
    sort_by_hash(values, [](const auto& v) { return v.first; });
    EXPECT_EQ(values, expected);
    EXPECT_EQ(values.capacity(), values.size());
}

}  // namespace
}  // namespace factline
