// Timelines: the same assertions make the same findings (ids, order, sides,
// evidence order, messages) whether they arrive grouped by (topic, subject),
// and are streamed one key at a time, or ungrouped, and are sorted by key
// first; claims about places inside a region and undated claims included.
#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "checker/consistency.hpp"
#include "checker/timeline.hpp"
#include "checker/timeline_plan.hpp"
#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::about;
using testing::containment_rules;
using testing::said;

/// Every field of every finding, one line each: equal text, equal findings.
std::string dump(const std::vector<Finding>& findings) {
    std::string out;
    for (const auto& f : findings) {
        out += fmt::format("{} {} {} {} {} {} undated={} | {}\n", f.id, f.kind, static_cast<int>(f.severity), f.topic,
                           f.subject, f.rule, f.undated, f.message);
        for (const auto& side : f.sides) {
            out += fmt::format("  {} {} clusters={}\n", side.value, side.holder_group, side.clusters);
            for (const auto& e : side.evidence) {
                out += fmt::format("    {}:{}:{} {} {} {} subject={}\n", e.doc, e.line, e.col,
                                   e.stated ? to_iso(*e.stated) : "undated", e.holder, e.cluster, e.subject);
            }
        }
    }
    return out;
}

/// Claims about x, a town and a village inside it (village in district in
/// x), y and z, some undated; no two share (stated, doc, line, col, holder),
/// so their order is set by what they say, not by where they stand.
std::vector<Assertion> claims() {
    return {
        about("x", said("p", "r", "yes", "2022-11-11", "a", "", false, 1)),
        about("town", said("u", "u", "no", "2022-11-12", "b", "", false, 2)),
        about("y", said("p", "r", "yes", "", "c", "", false, 3)),
        about("x", said("p", "r", "no", "2022-11-20", "d", "", false, 4)),
        about("village", said("u", "u", "no", "", "e", "", false, 5)),
        about("y", said("u", "u", "no", "", "c", "", false, 6)),
        about("z", said("p", "r", "yes", "2022-11-11", "f", "", false, 7)),
        about("town", said("p", "r", "yes", "2022-11-13", "g", "", false, 8)),
        about("x", said("u", "u", "no", "", "h", "", false, 9)),
        about("district", said("p", "r", "yes", "2022-11-14", "i", "", false, 10)),
        about("z", said("p", "r", "maybe", "2022-11-15", "j", "", false, 11)),
    };
}

ConflictRules rules() { return containment_rules({{"town", "x"}, {"village", "district"}, {"district", "x"}}); }

/// `assertions` grouped by (topic, subject), each key's claims in input order.
std::vector<Assertion> grouped(std::vector<Assertion> assertions) {
    std::stable_sort(assertions.begin(), assertions.end(), [](const Assertion& a, const Assertion& b) {
        return std::tie(a.topic, a.subject) < std::tie(b.topic, b.subject);
    });
    return assertions;
}

TEST(Timelines, GroupedAndUngroupedInputMakeTheSameFindings) {
    const auto ungrouped = claims();
    const auto by_key = grouped(ungrouped);
    const auto containment = rules();
    ASSERT_FALSE(plan_timelines(ungrouped, containment).grouped);
    ASSERT_TRUE(plan_timelines(by_key, containment).grouped);

    const auto findings = find_conflicts(ungrouped, containment);
    EXPECT_EQ(dump(find_conflicts(by_key, containment)), dump(findings));
    auto reversed = by_key;  // grouped still, keys and claims in the opposite order
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(dump(find_conflicts(reversed, containment)), dump(findings));

    // What the findings must hold, whichever the path: the region x with its
    // places' claims, the undated pair in y's one document, z's compatible values silent.
    const std::string text = dump(findings);
    EXPECT_NE(text.find(" stance x "), std::string::npos) << text;
    EXPECT_NE(text.find("subject=town"), std::string::npos) << text;
    EXPECT_NE(text.find("subject=village"), std::string::npos) << text;
    EXPECT_NE(text.find(" stance y "), std::string::npos) << text;
    EXPECT_NE(text.find("undated=true"), std::string::npos) << text;
    EXPECT_EQ(text.find(" stance z "), std::string::npos) << text;
}

TEST(Timelines, ARegionCollectsItsPlacesWhicheverRunComesFirst) {
    const std::vector<Assertion> region_first{about("x", said("p", "r", "yes", "2022-11-11", "a")),
                                              about("town", said("u", "u", "no", "2022-11-12", "b"))};
    const std::vector<Assertion> place_first{region_first[1], region_first[0]};
    const auto rules = containment_rules({{"town", "x"}});
    ASSERT_TRUE(plan_timelines(region_first, rules).grouped);
    ASSERT_TRUE(plan_timelines(place_first, rules).grouped);
    const auto findings = find_conflicts(region_first, rules);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].subject, "x");
    EXPECT_EQ(dump(find_conflicts(place_first, rules)), dump(findings));
}

TEST(Timelines, GroupedInputIsVisitedRunByRunRegionsLast) {
    // The visit of each key comes as its run ends (nothing but regions is
    // held back): the order of the runs, then the regions.
    std::vector<std::string> visited;
    const auto assertions = grouped(claims());
    for_each_timeline(assertions, rules(), [&](const Timeline& t) { visited.push_back(t.subject); });
    EXPECT_EQ(visited, (std::vector<std::string>{"town", "village", "y", "z", "district", "x"}));
}

TEST(TimelinePlan, AKeyThatComesBackMakesTheInputUngrouped) {
    const std::vector<Assertion> assertions{about("x", said("p", "r", "yes", "", "a")),
                                            about("y", said("p", "r", "yes", "", "b")),
                                            about("x", said("u", "u", "no", "", "c"))};
    const auto stance = testing::stance_rules();
    const TimelinePlan plan = plan_timelines(assertions, stance);
    EXPECT_FALSE(plan.grouped);
    ASSERT_EQ(plan.runs.size(), 2u);  // one per key, over the records sorted by key
    EXPECT_EQ(plan.keys[plan.runs[0].key].subject, "x");
    EXPECT_EQ(plan.runs[0].end - plan.runs[0].begin, 2u);
}

TEST(TimelinePlan, TopicsWithoutRulesHaveNoRuns) {
    std::vector<Assertion> assertions{said("p", "r", "yes", "", "a"), said("p", "r", "yes", "", "b")};
    assertions[1].topic = "unknown_topic";
    const auto stance = testing::stance_rules();
    const TimelinePlan plan = plan_timelines(assertions, stance);
    EXPECT_TRUE(plan.grouped);
    ASSERT_EQ(plan.runs.size(), 1u);
    EXPECT_EQ(plan.keys[plan.runs[0].key].topic, "stance");
}

TEST(TimelinePlan, RegionsWaitAndTheirPlacesNameThem) {
    const auto assertions = claims();
    const auto containment = rules();
    const TimelinePlan plan = plan_timelines(assertions, containment);
    const auto key_named = [&](std::string_view subject) {
        return std::find_if(plan.keys.begin(), plan.keys.end(),
                            [&](const TimelineKey& key) { return key.subject == subject; });
    };
    ASSERT_NE(key_named("village"), plan.keys.end());
    const auto& village = *key_named("village");
    EXPECT_FALSE(village.waits);
    ASSERT_EQ(village.regions.size(), 2u);  // innermost first
    EXPECT_EQ(plan.keys[village.regions[0]].subject, "district");
    EXPECT_EQ(plan.keys[village.regions[1]].subject, "x");
    EXPECT_TRUE(key_named("district")->waits);
    EXPECT_TRUE(key_named("x")->waits);
    EXPECT_FALSE(key_named("y")->waits);
}

}  // namespace
}  // namespace factline
