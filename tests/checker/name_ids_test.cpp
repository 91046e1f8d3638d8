// NameIds: dense ids in first-seen order that survive the table's growth, and
// same_name() agreeing with == at every length its word comparisons cover.
#include <gtest/gtest.h>

#include "checker/name_ids.hpp"

namespace factline {
namespace {

TEST(NameIds, DenseIdsInFirstSeenOrder) {
    NameIds ids;
    EXPECT_EQ(ids.id("russia"), 0u);
    EXPECT_EQ(ids.id("ukraine"), 1u);
    EXPECT_EQ(ids.id("russia"), 0u);
    EXPECT_EQ(ids.id(""), 2u);
    EXPECT_EQ(ids.size(), 3u);
    EXPECT_EQ(ids.name(1), "ukraine");
    EXPECT_EQ(ids.name(2), "");
}

TEST(NameIds, IdsAndNamesSurviveGrowth) {
    NameIds ids;
    for (std::uint32_t i = 0; i < 5000; ++i) ASSERT_EQ(ids.id("doc-" + std::to_string(i)), i);
    for (std::uint32_t i = 0; i < 5000; ++i) {
        EXPECT_EQ(ids.id("doc-" + std::to_string(i)), i);
        EXPECT_EQ(ids.name(i), "doc-" + std::to_string(i));
    }
    EXPECT_EQ(ids.size(), 5000u);
}

TEST(NameIds, SameNameAgreesWithEqualityAtEveryLength) {
    for (std::size_t length = 0; length <= 40; ++length) {
        const std::string a(length, 'a');
        EXPECT_TRUE(same_name(a, std::string(length, 'a'))) << length;
        EXPECT_FALSE(same_name(a, a + "a")) << length;
        for (std::size_t at = 0; at < length; ++at) {
            std::string b = a;
            b[at] = 'b';
            EXPECT_FALSE(same_name(a, b)) << length << " at " << at;
        }
    }
}

}  // namespace
}  // namespace factline
