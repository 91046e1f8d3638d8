// position_shift: same holder group, incompatible values on two known, different days.
#include <gtest/gtest.h>

#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::kinds_of;
using testing::said;

TEST(PositionShift, Table) {
    const struct {
        const char* why;
        Assertion a, b;
        const char* expected;
    } cases[] = {
        {"same speaker, two outlets, months apart", said("p", "r", "yes", "2022-11-11", "a"),
         said("p", "r", "no", "2023-02-28", "b"), "position_shift"},
        {"two speakers of one group", said("p", "r", "yes", "2022-11-11", "a"), said("q", "r", "no", "2022-11-20", "b"),
         "position_shift"},
        {"one document recounting a change", said("p", "r", "yes", "2022-11-11", "a"),
         said("p", "r", "no", "2023-02-28", "a", "", false, 9), "position_shift"},
        {"syndicated copies are one source", said("p", "r", "yes", "2022-11-11", "a", "c1"),
         said("p", "r", "no", "2023-02-28", "b", "c1"), "none"},
        {"undated side: no shift can be dated", said("p", "r", "yes", "2022-11-11", "a"), said("p", "r", "no", "", "b"),
         "none"},
        {"compatible values", said("p", "r", "yes", "2022-11-11", "a"), said("p", "r", "maybe", "2023-02-28", "b"),
         "none"},
        {"narrators across sources are cross_source", said("narrator", "narrator", "yes", "2022-11-11", "a"),
         said("narrator", "narrator", "no", "2022-12-11", "b"), "cross_source"},
    };
    const auto rules = testing::stance_rules();
    for (const auto& c : cases) EXPECT_EQ(kinds_of({c.a, c.b}, rules), c.expected) << c.why;
}

TEST(PositionShift, WindowFromTheTopicFile) {
    const auto rules = testing::stance_rules(90);
    EXPECT_EQ(kinds_of({said("p", "r", "yes", "2022-11-11", "a"), said("p", "r", "no", "2023-02-08", "b")}, rules),
              "position_shift");
    EXPECT_EQ(kinds_of({said("p", "r", "yes", "2022-11-11", "a"), said("p", "r", "no", "2023-02-10", "b")}, rules),
              "none");
}

TEST(PositionShift, MessageReadsInOrder) {
    const auto findings = find_conflicts(
        {said("p", "r", "no", "2023-02-28", "b.txt"), said("p", "r", "yes", "2022-11-11", "a.txt")},
        testing::stance_rules());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message, "p (r) said that x agreed (2022-11-11, a.txt) but later that x refused (2023-02-28, b.txt)");
}

}  // namespace
}  // namespace factline
