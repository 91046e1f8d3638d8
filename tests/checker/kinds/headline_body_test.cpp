// headline_body: a headline against its own body, same holder group, or a
// headline in the outlet's voice against whatever its body reports.
#include <gtest/gtest.h>

#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::kinds_of;
using testing::said;

TEST(HeadlineBody, Table) {
    const struct {
        const char* why;
        Assertion a, b;
        const char* expected;
    } cases[] = {
        {"headline overstates the body", said("r", "r", "yes", "2022-12-08", "a", "", true),
         said("p", "r", "no", "2022-12-08", "a"), "headline_body"},
        {"undated document", said("narrator", "narrator", "yes", "", "a", "", true),
         said("narrator", "narrator", "no", "", "a"), "headline_body"},
        {"another document's headline", said("r", "r", "yes", "2022-12-08", "a", "", true),
         said("p", "r", "no", "2022-12-09", "b"), "position_shift"},
        {"headline quoting the other side", said("u", "u", "yes", "2022-12-08", "a", "", true),
         said("p", "r", "no", "2022-12-08", "a"), "dispute"},
        {"the outlet's headline against a source its body quotes",
         said("narrator", "narrator", "yes", "2022-12-08", "a", "", true), said("u", "u", "no", "2022-12-08", "a"),
         "headline_body"},
    };
    const auto rules = testing::stance_rules();
    for (const auto& c : cases) EXPECT_EQ(kinds_of({c.a, c.b}, rules), c.expected) << c.why;
}

}  // namespace
}  // namespace factline
