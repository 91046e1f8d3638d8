// dispute: different holder groups, incompatible values; informational.
#include <gtest/gtest.h>

#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::kinds_of;
using testing::said;

TEST(Dispute, Table) {
    const struct {
        const char* why;
        Assertion a, b;
        const char* expected;
    } cases[] = {
        {"two groups in one article", said("p", "r", "yes", "2022-11-11", "a"), said("u", "u", "no", "2022-11-11", "a", "", false, 9),
         "dispute"},
        {"undated against dated, no window", said("p", "r", "yes", "", "a"), said("u", "u", "no", "2023-02-28", "b"),
         "dispute"},
        {"syndicated copies still report the dispute", said("p", "r", "yes", "2022-11-11", "a", "c1"),
         said("u", "u", "no", "2022-11-11", "b", "c1"), "dispute"},
        {"same value", said("p", "r", "yes", "2022-11-11", "a"), said("u", "u", "yes", "2022-11-11", "b"), "none"},
    };
    const auto rules = testing::stance_rules();
    for (const auto& c : cases) EXPECT_EQ(kinds_of({c.a, c.b}, rules), c.expected) << c.why;
}

TEST(Dispute, WindowAndUndatedAcrossDocuments) {
    const auto rules = testing::stance_rules(90);
    EXPECT_EQ(kinds_of({said("p", "r", "yes", "2023-05-20", "a"), said("u", "u", "no", "2024-02-17", "b")}, rules), "none");
    EXPECT_EQ(kinds_of({said("p", "r", "yes", "", "a"), said("u", "u", "no", "2024-02-17", "b")}, rules), "none");
    EXPECT_EQ(kinds_of({said("p", "r", "yes", "", "a"), said("u", "u", "no", "", "a", "", false, 9)}, rules), "dispute");
}

TEST(Dispute, SeverityInfoAndMessage) {
    const auto findings = find_conflicts({said("p", "r", "yes", "2022-11-11", "a.txt"), said("u", "u", "no", "2022-11-12", "b.txt"),
                                          said("w", "w", "no", "2022-11-13", "c.txt")},
                                         testing::stance_rules());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::info);
    EXPECT_EQ(findings[0].sides.size(), 3u);
    EXPECT_EQ(findings[0].message,
              "p (r) says that x agreed (2022-11-11, a.txt), while u and w say that x refused (2022-11-12, b.txt)");
}

}  // namespace
}  // namespace factline
