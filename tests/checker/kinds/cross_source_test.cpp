// cross_source: an outlet's own voice disagrees across independent clusters.
#include <gtest/gtest.h>

#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::kinds_of;
using testing::said;

TEST(CrossSource, Table) {
    const struct {
        const char* why;
        Assertion a, b;
        const char* expected;
    } cases[] = {
        {"two outlets, 82 days apart", said("narrator", "narrator", "yes", "2022-12-08", "a"),
         said("narrator", "narrator", "no", "2023-02-28", "b"), "cross_source"},
        {"syndicated copies never contradict each other", said("narrator", "narrator", "yes", "2022-12-08", "a", "c1"),
         said("narrator", "narrator", "no", "2022-12-08", "b", "c1"), "none"},
        {"a party's group is not an outlet", said("p", "r", "yes", "2022-12-08", "a"), said("p", "r", "no", "2022-12-08", "b"),
         "self_contradiction"},
    };
    const auto rules = testing::stance_rules();
    for (const auto& c : cases) EXPECT_EQ(kinds_of({c.a, c.b}, rules), c.expected) << c.why;
}

TEST(CrossSource, Window) {
    const auto rules = testing::stance_rules(90);
    EXPECT_EQ(kinds_of({said("narrator", "narrator", "yes", "2022-12-08", "a"),
                        said("narrator", "narrator", "no", "2023-02-28", "b")}, rules), "cross_source");
    EXPECT_EQ(kinds_of({said("narrator", "narrator", "yes", "2022-10-08", "a"),
                        said("narrator", "narrator", "no", "2023-02-28", "b")}, rules), "none");
    EXPECT_EQ(kinds_of({said("narrator", "narrator", "yes", "", "a"),
                        said("narrator", "narrator", "no", "2023-02-28", "b")}, rules), "none");
}

TEST(CrossSource, WindowComparesTheTimesTheClaimsDescribe) {
    // "Russian troops took Kherson in March", told on Nov 15, is no news about November.
    const auto rules = testing::stance_rules(90);
    auto recap = said("narrator", "narrator", "yes", "2022-11-15", "a");
    recap.about = CivilDate{2022, 3, 1};
    const auto current = said("narrator", "narrator", "no", "2022-11-10", "b");
    EXPECT_EQ(kinds_of({recap, current}, rules), "none");
    recap.about.reset();
    EXPECT_EQ(kinds_of({recap, current}, rules), "cross_source");
}

TEST(CrossSource, MessageNamesOutletsAndGap) {
    auto a = said("narrator", "narrator", "yes", "2022-12-08", "a.txt");
    a.outlet = "Newsweek";
    auto b = said("narrator", "narrator", "no", "2023-02-28", "b.txt");
    b.outlet = "Reuters";
    const auto findings = find_conflicts({a, b}, testing::stance_rules());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message,
              "Newsweek reported that x agreed (2022-12-08) but Reuters reported that x refused (2023-02-28, 82 days later)");
}

}  // namespace
}  // namespace factline
