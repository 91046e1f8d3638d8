// self_contradiction: the same holder, incompatible values in one statement.
#include <gtest/gtest.h>

#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::kinds_of;
using testing::said;

TEST(SelfContradiction, Table) {
    const struct {
        const char* why;
        Assertion a, b;
        const char* expected;
    } cases[] = {
        {"same document, same day", said("p", "r", "yes", "2022-12-08", "a"), said("p", "r", "no", "2022-12-08", "a", "", false, 9),
         "self_contradiction"},
        {"same document, undated", said("p", "r", "yes", "", "a"), said("p", "r", "no", "", "a", "", false, 9),
         "self_contradiction"},
        {"same day, independent outlets", said("p", "r", "yes", "2022-12-08", "a"), said("p", "r", "no", "2022-12-08", "b"),
         "self_contradiction"},
        {"same day, syndicated copies", said("p", "r", "yes", "2022-12-08", "a", "c1"),
         said("p", "r", "no", "2022-12-08", "b", "c1"), "none"},
        {"undated across documents", said("p", "r", "yes", "", "a"), said("p", "r", "no", "", "b"), "none"},
        {"different speakers of one group, same day", said("p", "r", "yes", "2022-12-08", "a"),
         said("q", "r", "no", "2022-12-08", "a", "", false, 9), "none"},
        {"the group's voice and its spokesman in one article", said("r", "r", "yes", "", "a"),
         said("p", "r", "no", "", "a", "", false, 9), "self_contradiction"},
        {"the group's voice and its spokesman in two articles", said("r", "r", "yes", "2022-12-08", "a"),
         said("p", "r", "no", "2022-12-08", "b"), "none"},
    };
    const auto rules = testing::stance_rules();
    for (const auto& c : cases) EXPECT_EQ(kinds_of({c.a, c.b}, rules), c.expected) << c.why;
}

}  // namespace
}  // namespace factline
