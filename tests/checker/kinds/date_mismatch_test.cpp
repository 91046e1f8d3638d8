// date_mismatch across documents: one event (same holder group, topic,
// subject, value) with dates written in the sentences 1..window days apart,
// in independent clusters.
#include <gtest/gtest.h>

#include "tests/checker/kinds/kind_test_support.hpp"

namespace factline {
namespace {

using testing::kinds_of;
using testing::said;

/// An assertion whose date was written in its own sentence ("said on Sept. 10").
Assertion dated_in_text(std::string holder, std::string group, std::string value, std::string stated, std::string doc,
                        std::string cluster = "") {
    Assertion a = said(std::move(holder), std::move(group), std::move(value), std::move(stated), std::move(doc),
                       std::move(cluster));
    a.stated_source = DateSource::relative;
    a.evidence.text = "The ministry said on " + (a.stated ? to_iso(*a.stated) : std::string("a day")) + " that it left.";
    return a;
}

/// The same with the date inherited from the document (no date in the sentence).
Assertion dated_by_document(std::string holder, std::string group, std::string value, std::string stated,
                            std::string doc) {
    Assertion a = said(std::move(holder), std::move(group), std::move(value), std::move(stated), std::move(doc));
    a.stated_source = DateSource::header;
    return a;
}

/// The same assertion when its sentence names no day ("since the minister ordered troops out").
Assertion no_day_in_sentence(Assertion a) {
    a.evidence.text = "The remarks came after the minister ordered troops out.";
    return a;
}

TEST(DateMismatch, Table) {
    const struct {
        const char* why;
        Assertion a, b;
        const char* expected;
    } cases[] = {
        {"one statement, dated a day apart by two outlets", dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
         dated_in_text("spokesman", "r", "yes", "2022-09-10", "b"), "date_mismatch"},
        {"three days apart is still one event", dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
         dated_in_text("mod", "r", "yes", "2022-09-12", "b"), "date_mismatch"},
        {"four days apart: another statement", dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
         dated_in_text("mod", "r", "yes", "2022-09-13", "b"), "none"},
        {"the same day is agreement", dated_in_text("mod", "r", "yes", "2022-09-10", "a"),
         dated_in_text("mod", "r", "yes", "2022-09-10", "b"), "none"},
        {"syndicated copies are one source", dated_in_text("mod", "r", "yes", "2022-09-09", "a", "c1"),
         dated_in_text("mod", "r", "yes", "2022-09-10", "b", "c1"), "none"},
        {"a date from the document is not a dated statement", dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
         dated_by_document("mod", "r", "yes", "2022-09-10", "b"), "none"},
        {"a sentence that names no day did not state its date",
         dated_in_text("mod", "r", "yes", "2022-09-09", "a"), no_day_in_sentence(dated_in_text("mod", "r", "yes", "2022-09-10", "b")),
         "none"},
        {"other holder groups tell other statements", dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
         dated_in_text("n", "narrator", "yes", "2022-09-10", "b"), "none"},
        {"an undated statement has nothing to mismatch", dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
         dated_in_text("mod", "r", "yes", "", "b"), "none"},
    };
    const auto rules = testing::stance_rules();
    for (const auto& c : cases) EXPECT_EQ(kinds_of({c.a, c.b}, rules), c.expected) << c.why;
}

TEST(DateMismatch, WindowFromKindsToml) {
    auto rules = testing::stance_rules();
    RuleSpec spec;
    spec.kind = "date_mismatch";
    spec.window_days = 5;
    rules.kinds.push_back(spec);
    EXPECT_EQ(kinds_of({dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
                        dated_in_text("mod", "r", "yes", "2022-09-13", "b")}, rules), "date_mismatch");
    spec.enabled = false;
    rules.kinds.back() = spec;
    EXPECT_EQ(kinds_of({dated_in_text("mod", "r", "yes", "2022-09-09", "a"),
                        dated_in_text("mod", "r", "yes", "2022-09-10", "b")}, rules), "none");
}

TEST(DateMismatch, OneSidePerDate) {
    auto a = dated_in_text("mod", "r", "yes", "2022-09-09", "a.txt");
    a.outlet = "Sputnik";
    auto b = dated_in_text("spokesman", "r", "yes", "2022-09-10", "b.txt");
    b.outlet = "Kyiv Independent";
    const auto findings = find_conflicts({b, a}, testing::stance_rules());
    ASSERT_EQ(findings.size(), 1u);
    ASSERT_EQ(findings[0].sides.size(), 2u);
    EXPECT_EQ(findings[0].sides[0].evidence.front().doc, "a.txt");
    EXPECT_EQ(findings[0].sides[1].evidence.front().doc, "b.txt");
    EXPECT_EQ(findings[0].message, "Sputnik dates this on 2022-09-09 but Kyiv Independent on 2022-09-10: x agreed");
}

}  // namespace
}  // namespace factline
