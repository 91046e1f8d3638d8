// Consistency: episodes aggregate all evidence, ids are stable, order is
// deterministic, undated evidence is kept and marked, and the seeds' traps
// stay silent under the shipped rules.
#include <algorithm>
#include <gtest/gtest.h>

#include "checker/consistency.hpp"
#include "checker/finding_id.hpp"
#include "checker/kinds/registry.hpp"
#include "checker/rule_pack.hpp"
#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::said;

TEST(Consistency, OneFindingPerEpisodeWithAllEvidence) {
    std::vector<Assertion> assertions;
    // Ten outlets say yes, ten say no: 100 conflicting pairs, one finding.
    for (int i = 0; i < 10; ++i) {
        assertions.push_back(said("p", "r", "yes", "2022-11-11", "y" + std::to_string(i)));
        assertions.push_back(said("u", "u", "no", "2022-11-12", "n" + std::to_string(i)));
    }
    const auto findings = find_conflicts(assertions, testing::stance_rules());
    ASSERT_EQ(findings.size(), 1u);
    ASSERT_EQ(findings[0].sides.size(), 2u);
    EXPECT_EQ(findings[0].sides[0].evidence.size(), 10u);
    EXPECT_EQ(findings[0].sides[0].clusters, 10);
    EXPECT_EQ(findings[0].sides[1].evidence.size(), 10u);
}

TEST(Consistency, OneEpisodeOverSeveralConflictingValues) {
    // "impossible" against both "open" and "conditional" from one later statement.
    auto rules = testing::stance_rules();
    rules.topics[0].conflicts.push_back({"test.stance.no_vs_maybe", "no", "maybe", ""});
    const auto findings = find_conflicts({said("p", "r", "no", "2022-11-11", "a"), said("p", "r", "yes", "2023-02-28", "b"),
                                          said("p", "r", "maybe", "2023-02-28", "b", "", false, 9)},
                                         rules);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].kind, "position_shift");
    EXPECT_EQ(findings[0].sides.size(), 3u);
    EXPECT_EQ(findings[0].sides[0].value, "no");
    EXPECT_EQ(findings[0].rule, "test.stance.no_vs_maybe");
}

TEST(Consistency, SyndicatedCopiesCountOnce) {
    const auto findings = find_conflicts({said("p", "r", "yes", "2022-11-11", "a", "c1"), said("p", "r", "yes", "2022-11-11", "b", "c1"),
                                          said("u", "u", "no", "2022-11-11", "a", "c1", false, 9)},
                                         testing::stance_rules());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].sides[0].evidence.size(), 2u);
    EXPECT_EQ(findings[0].sides[0].clusters, 1);
}

TEST(Consistency, IdsIgnoreOrderPathsAndLines) {
    std::vector<Assertion> assertions{said("p", "r", "yes", "2022-11-11", "a"), said("p", "r", "no", "2023-02-28", "b"),
                                      said("u", "u", "no", "2022-11-11", "c")};
    const auto first = find_conflicts(assertions, testing::stance_rules());
    std::reverse(assertions.begin(), assertions.end());
    for (auto& a : assertions) {
        a.doc = "moved/" + a.doc;  // doc_hash stays: the text did not change
        a.evidence.line += 40;
    }
    const auto second = find_conflicts(assertions, testing::stance_rules());
    ASSERT_EQ(first.size(), 2u);  // a shift and a dispute: with none, the loop below would check nothing
    ASSERT_EQ(second.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].id, second[i].id);
        EXPECT_EQ(first[i].id.size(), 18u);
        EXPECT_EQ(first[i].id.rfind("F-", 0), 0u);
    }
    // A changed text (another doc hash) is another finding.
    assertions[0].doc_hash = "edited";
    const auto third = find_conflicts(assertions, testing::stance_rules());
    ASSERT_EQ(third.size(), 2u);
    EXPECT_NE(third[0].id == first[0].id && third[1].id == first[1].id, true);
}

TEST(Consistency, DeterministicOrderSeverityThenKind) {
    const auto findings = find_conflicts({said("u", "u", "no", "2022-11-11", "c"), said("p", "r", "yes", "2022-11-11", "a"),
                                          said("p", "r", "no", "2023-02-28", "b")},
                                         testing::stance_rules());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].kind, "position_shift");  // warning before info
    EXPECT_EQ(findings[1].kind, "dispute");
}

TEST(Consistency, UndatedEvidenceIsKeptAndMarked) {
    const auto findings =
        find_conflicts({said("p", "r", "yes", "", "a"), said("u", "u", "no", "2022-11-11", "b")}, testing::stance_rules());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(findings[0].undated);
    EXPECT_EQ(findings[0].sides.back().evidence[0].stated, std::nullopt);  // undated sorts last
}

TEST(Consistency, TopicsWithoutRulesAndEmptyInput) {
    auto a = said("p", "r", "yes", "2022-11-11", "a");
    auto b = said("u", "u", "no", "2022-11-11", "b");
    a.topic = b.topic = "unknown_topic";
    EXPECT_TRUE(find_conflicts({a, b}, testing::stance_rules()).empty());
    EXPECT_TRUE(find_conflicts({}, testing::stance_rules()).empty());
}

TEST(Registry, ListsEveryKindOnceWithOptions) {
    const auto names = kind_names();
    EXPECT_EQ(names, (std::vector<std::string>{"headline_body", "self_contradiction", "position_shift", "cross_source", "dispute",
                                              "date_mismatch"}));
    const auto kinds = make_kinds(testing::stance_rules());
    ASSERT_EQ(kinds.size(), names.size());
    for (const auto& kind : kinds) EXPECT_NE(kind->dump_options().find("severity = "), std::string::npos) << kind->name();
    ConflictRules off = testing::stance_rules();
    RuleSpec disabled;
    disabled.kind = "dispute";
    disabled.enabled = false;
    off.kinds.push_back(disabled);
    EXPECT_EQ(make_kinds(off).size(), names.size() - 1);
}

// ---- the shipped rules (rules/core/conflicts) on the seeds' traps

ConflictRules shipped_rules() {
    Diagnostics diagnostics;
    RulePackInfo pack{"core", "", "", std::filesystem::path(FACTLINE_SOURCE_DIR) / "rules" / "core"};
    ConflictRules rules;
    load_conflict_rules(pack, Lexicon{}, rules, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return rules;
}

Assertion on(std::string topic, std::string subject, Assertion a) {
    a.topic = std::move(topic);
    a.subject = std::move(subject);
    return a;
}

TEST(ShippedRules, SeedTrapsMakeNoFinding) {
    const auto rules = shipped_rules();
    const struct {
        const char* why;
        std::vector<Assertion> assertions;
    } traps[] = {
        {"decree: no talks with Putin, door open to Russia",
         {on("negotiation", "ukraine", said("zelensky", "ukraine", "refuses", "2022-10-04", "000")),
          on("negotiation", "ukraine", said("zelensky", "ukraine", "open", "2022-10-04", "000", "", false, 9))}},
        {"'not fully' vs 'most'",
         {on("control", "donetsk", said("narrator", "narrator", "russia_part", "2023-02-28", "002")),
          on("control", "donetsk", said("narrator", "narrator", "russia_most", "", "003"))}},
        {"syndicated copies",
         {on("control", "kherson", said("narrator", "narrator", "russia_none", "2022-11-11", "000", "c0")),
          on("control", "kherson", said("narrator", "narrator", "russia_part", "2022-11-11", "001", "c0"))}},
        {"conditional refines open",
         {on("negotiation", "ukraine", said("zelensky", "ukraine", "open", "2022-10-04", "000")),
          on("negotiation", "ukraine", said("ukraine", "ukraine", "conditional", "2023-02-28", "002"))}},
    };
    for (const auto& trap : traps) EXPECT_TRUE(find_conflicts(trap.assertions, rules).empty()) << trap.why;
}

TEST(ShippedRules, SeedContradictionsAreFound) {
    const auto rules = shipped_rules();
    const struct {
        std::vector<Assertion> assertions;
        const char* kind;
    } cases[] = {
        {{on("negotiation", "russia", said("peskov", "russia", "impossible", "2022-11-11", "000")),
          on("negotiation", "russia", said("peskov", "russia", "conditional", "2023-02-28", "002"))},
         "position_shift"},
        {{on("control", "luhansk", said("narrator", "narrator", "russia_none", "2022-12-08", "004")),
          on("control", "luhansk", said("narrator", "narrator", "russia_part", "2023-02-28", "002"))},
         "cross_source"},
        {{on("aims", "any", said("russia", "russia", "no_further_seizure", "2022-12-08", "004", "", true)),
          on("aims", "any", said("peskov", "russia", "liberate", "2022-12-08", "004"))},
         "headline_body"},
        {{on("status", "donetsk", said("peskov", "russia", "russia", "", "003")),
          on("status", "donetsk", said("ukraine", "ukraine", "ukraine", "2023-02-28", "002"))},
         "dispute"},
    };
    for (const auto& c : cases) {
        const auto findings = find_conflicts(c.assertions, rules);
        ASSERT_EQ(findings.size(), 1u) << c.kind;
        EXPECT_EQ(findings[0].kind, c.kind);
        EXPECT_FALSE(findings[0].message.empty());
    }
}

}  // namespace
}  // namespace factline

namespace factline {
namespace {

using testing::about;
using testing::containment_rules;

TEST(Containment, ARegionClaimCoversItsPlaces) {
    const auto findings = find_conflicts({about("x", said("p", "r", "yes", "2022-11-11", "a")),
                                          about("town", said("u", "u", "no", "2022-11-12", "b"))},
                                         containment_rules({{"town", "x"}}));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].kind, "dispute");
    EXPECT_EQ(findings[0].subject, "x");
    ASSERT_EQ(findings[0].sides.size(), 2u);
    EXPECT_EQ(findings[0].sides[0].evidence[0].subject, "");       // about the region itself
    EXPECT_EQ(findings[0].sides[1].evidence[0].subject, "town");   // about a place inside it
}

TEST(Containment, CoversEveryEnclosingRegion) {
    const auto findings = find_conflicts({about("oblast", said("p", "r", "yes", "2022-11-11", "a")),
                                          about("village", said("u", "u", "no", "2022-11-12", "b"))},
                                         containment_rules({{"village", "district"}, {"district", "oblast"}}));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].subject, "oblast");
}

TEST(Containment, TwoPlacesDoNotMeetInTheirRegion) {
    const auto rules = containment_rules({{"town", "x"}, {"village", "x"}});
    EXPECT_EQ(testing::kinds_of({about("town", said("p", "r", "yes", "2022-11-11", "a")),
                                 about("village", said("u", "u", "no", "2022-11-12", "b"))},
                                rules),
              "none");
}

TEST(Containment, TopicsThatDoNotCoverCompareOnlyTheSameSubject) {
    const auto rules = containment_rules({{"town", "x"}}, false);
    EXPECT_EQ(testing::kinds_of({about("x", said("p", "r", "yes", "2022-11-11", "a")),
                                 about("town", said("u", "u", "no", "2022-11-12", "b"))},
                                rules),
              "none");
}

TEST(Containment, AParentCycleInAUsersPackEnds) {
    const auto findings = find_conflicts({about("a", said("p", "r", "yes", "2022-11-11", "a")),
                                          about("b", said("u", "u", "no", "2022-11-12", "b"))},
                                         containment_rules({{"a", "b"}, {"b", "a"}}));
    EXPECT_EQ(findings.size(), 2u);  // each is inside the other: one dispute per subject, no endless walk
}

TEST(ShippedRules, StatusCoversPlacesControlDoesNot) {
    Diagnostics diagnostics;  // the whole core pack: containment comes from its lexicon
    const ConflictRules rules = load_rules({std::filesystem::path(FACTLINE_SOURCE_DIR) / "rules" / "core"}, diagnostics).conflicts;
    ASSERT_FALSE(diagnostics.has_errors());
    const auto status = find_conflicts({on("status", "kherson", said("peskov", "russia", "russia", "2022-11-11", "a")),
                                        on("status", "kherson_city", said("zelensky", "ukraine", "ukraine", "2022-11-14", "b"))},
                                       rules);
    ASSERT_EQ(status.size(), 1u);
    EXPECT_EQ(status[0].kind, "dispute");
    EXPECT_EQ(status[0].subject, "kherson");
    const auto control = find_conflicts(
        {on("control", "kherson", said("narrator", "narrator", "ukraine", "2022-11-11", "a")),
         on("control", "kherson_city", said("narrator", "narrator", "russia_full", "2022-11-12", "b"))},
        rules);
    EXPECT_TRUE(control.empty());
}

}  // namespace
}  // namespace factline
