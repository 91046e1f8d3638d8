// PairBuckets (checker/kinds/pair_buckets.hpp): looking for a partner only in
// the buckets a kind names must find one exactly when trying every entry of
// the other side would. Checked against that brute force on random timelines.
#include <gtest/gtest.h>

#include <random>

#include "checker/kinds/pair_buckets.hpp"

namespace factline {
namespace {

struct RandomSide {
    Timeline timeline;
    std::vector<std::size_t> as, bs;
};

RandomSide random_side(std::uint64_t seed, std::size_t size) {
    std::mt19937_64 random(seed);
    RandomSide out;
    for (std::size_t i = 0; i < size; ++i) {
        TimelineEntry e;
        e.group = static_cast<std::uint32_t>(random() % 3);
        e.holder = e.group * 10 + static_cast<std::uint32_t>(random() % 2);
        e.doc = static_cast<std::uint32_t>(random() % 12);
        e.cluster = e.doc / 3;  // syndicated copies: three documents per cluster
        if (random() % 5 != 0) e.day = 19000 + static_cast<std::int64_t>(random() % 6);
        e.about_day = e.day;
        out.timeline.entries.push_back(e);
        (random() % 2 == 0 ? out.as : out.bs).push_back(i);
    }
    return out;
}

template <typename KeysOf, typename Owns>
void expect_same_as_every_pair(const RandomSide& side, KeysOf keys_of, Partners partners, Owns owns) {
    const PairBuckets buckets(side.timeline, side.bs, keys_of);
    for (const std::size_t a_index : side.as) {
        const TimelineEntry& a = side.timeline.entries[a_index];
        const auto try_member = [&](std::size_t k) { return owns(a, side.timeline.entries[side.bs[k]]); };
        bool any = false;
        for (std::size_t k = 0; k < side.bs.size(); ++k) any = any || try_member(k);
        const auto found = buckets.find(keys_of(a), partners, a.cluster, try_member);
        ASSERT_EQ(found.has_value(), any);
        if (found) {
            EXPECT_TRUE(try_member(*found));
        }
    }
}

TEST(PairBuckets, SameGroupOtherClusterIsFoundExactlyWhenItExists) {
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        const auto side = random_side(seed, 40);
        expect_same_as_every_pair(
            side, [](const TimelineEntry& e) { return PairKeys::one(group_key(e)); }, Partners::same_bucket,
            [](const TimelineEntry& a, const TimelineEntry& b) { return a.group == b.group && a.cluster != b.cluster; });
    }
}

TEST(PairBuckets, AnotherGroupWithinTwoDaysIsFoundExactlyWhenItExists) {
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        const auto side = random_side(seed, 40);
        expect_same_as_every_pair(
            side, [](const TimelineEntry& e) { return PairKeys::one(group_key(e)); }, Partners::other_bucket,
            [](const TimelineEntry& a, const TimelineEntry& b) {
                return a.group != b.group && a.dated() && b.dated() && std::llabs(a.day - b.day) <= 2;
            });
    }
}

TEST(PairBuckets, TwoKeysCoverEitherRouteToAPartner) {
    // Same document, or the same holder on a known shared day (self_contradiction's shape).
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        const auto side = random_side(seed, 40);
        expect_same_as_every_pair(
            side,
            [](const TimelineEntry& e) {
                return e.dated() ? PairKeys::two(doc_key(e), holder_day_key(e)) : PairKeys::one(doc_key(e));
            },
            Partners::same_bucket,
            [](const TimelineEntry& a, const TimelineEntry& b) {
                return a.doc == b.doc || (a.holder == b.holder && a.dated() && b.dated() && a.day == b.day);
            });
    }
}

TEST(PairBuckets, AnEntryWithoutKeysHasNoPartner) {
    const auto side = random_side(7, 20);
    const PairBuckets buckets(side.timeline, side.bs, [](const TimelineEntry& e) { return PairKeys::one(group_key(e)); });
    EXPECT_FALSE(buckets.find(PairKeys::none(), Partners::same_bucket, 0, [](std::size_t) { return true; }));
    EXPECT_FALSE(buckets.find(PairKeys::none(), Partners::other_bucket, 0, [](std::size_t) { return true; }));
}

}  // namespace
}  // namespace factline
