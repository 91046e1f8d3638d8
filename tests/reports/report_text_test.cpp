// The shared report helpers: escaping, truncation, URIs, labels and orderings.
#include <gtest/gtest.h>

#include "reports/report_text.hpp"
#include "tests/reports/sample_run.hpp"

namespace factline {
namespace {

struct TextCase {
    const char* input;
    const char* expected;
};

TEST(ReportText, EscapesHtml) {
    const TextCase cases[] = {
        {"plain", "plain"},
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"},
        {"a & b 'c'", "a &amp; b &#39;c&#39;"},
        {"bell\x07!", "bell\u2407!"},
        {"esc\x1b[31m", "esc\u241b[31m"},
        {"del\x7f", "del\u2421"},
        {"line\nbreak\ttab", "line break tab"},
        {"Zelenskyy — “quote”", "Zelenskyy — “quote”"},
    };
    for (const auto& c : cases) EXPECT_EQ(escape_html(c.input), c.expected) << c.input;
}

TEST(ReportText, EscapesMarkdown) {
    const TextCase cases[] = {
        {"plain words", "plain words"},
        {"<b>x</b>", "\\<b\\>x\\</b\\>"},
        {"*bold* `code` [link]", "\\*bold\\* \\`code\\` \\[link\\]"},
        {"kherson_city", "kherson_city"},
        {"_emphasis_", "\\_emphasis\\_"},
        {"two\nlines", "two lines"},
        {"back\\slash", "back\\\\slash"},
        {"ring\x07", "ring\u2407"},
    };
    for (const auto& c : cases) EXPECT_EQ(escape_markdown(c.input), c.expected) << c.input;
}

TEST(ReportText, MarkdownCellsEscapePipesAndAreNeverEmpty) {
    const TextCase cases[] = {
        {"a | b", "a \\| b"},
        {"", "—"},
        {"  \n ", "—"},
        {" padded ", "padded"},
        {"x\ny|z", "x y\\|z"},
    };
    for (const auto& c : cases) EXPECT_EQ(markdown_cell(c.input), c.expected) << c.input;
}

TEST(ReportText, TruncatesAtCodePointBoundaries) {
    struct Case {
        const char* input;
        std::size_t max;
        const char* expected;
    };
    const Case cases[] = {
        {"short", 10, "short"},
        {"exactly", 7, "exactly"},
        {"abcdef", 3, "abc…"},
        {"ab cdef", 3, "ab…"},          // trailing space before the cut is dropped
        {"ääääää", 2, "ää…"},           // two-byte code points
        {"“quoted”", 7, "“quoted…"},    // three-byte code points
    };
    for (const auto& c : cases) EXPECT_EQ(truncate_text(c.input, c.max), c.expected) << c.input;
}

TEST(ReportText, PercentEncodesPaths) {
    const TextCase cases[] = {
        {"a/b.txt", "a/b.txt"},
        {"sub dir/c d.txt", "sub%20dir/c%20d.txt"},
        {"feed.jsonl:3", "feed.jsonl%3A3"},
        {"100%.txt", "100%25.txt"},
        {"ä.txt", "%C3%A4.txt"},
        {"a#b?c", "a%23b%3Fc"},
    };
    for (const auto& c : cases) EXPECT_EQ(percent_encode_path(c.input), c.expected) << c.input;
}

TEST(ReportText, ArtifactUrisAreRelativeToTheRoot) {
    struct Case {
        const char* doc;
        const char* root;
        const char* uri;
        bool relative;
    };
    const Case cases[] = {
        {"/srv/corpus/a.txt", "/srv/corpus", "a.txt", true},
        {"/srv/corpus/a.txt", "/srv/corpus/", "a.txt", true},
        {"/srv/corpus/sub dir/c d.txt", "/srv/corpus", "sub%20dir/c%20d.txt", true},
        {"/srv/corpus/x/../a.txt", "/srv/corpus", "a.txt", true},
        {"/elsewhere/a.txt", "/srv/corpus", "file:///elsewhere/a.txt", false},
        {"/srv/corpus-two/a.txt", "/srv/corpus", "file:///srv/corpus-two/a.txt", false},
    };
    for (const auto& c : cases) {
        const ArtifactUri uri = artifact_uri(c.doc, c.root);
        EXPECT_EQ(uri.uri, c.uri) << c.doc;
        EXPECT_EQ(uri.relative_to_root, c.relative) << c.doc;
    }
}

TEST(ReportText, LabelsDatesLocationsAndHolders) {
    EXPECT_EQ(dated_label(CivilDate{2022, 11, 11}, DateSource::dateline), "2022-11-11 (dateline)");
    EXPECT_EQ(dated_label(std::nullopt, DateSource::unknown), "undated");
    EXPECT_EQ(location_label("a.txt", 9, 3), "a.txt:9:3");
    EXPECT_EQ(location_label("a.txt", 9, 0), "a.txt:9");
    EXPECT_EQ(holder_label("russia", "peskov"), "russia/peskov");
    EXPECT_EQ(holder_label("russia", "russia"), "russia");
    EXPECT_EQ(holder_label("narrator", ""), "narrator");
}

TEST(ReportText, OrdersFindingsBySeverityThenKind) {
    const RunOutput run = testing::sample_run();
    const auto ordered = ordered_findings(run.findings);
    ASSERT_EQ(ordered.size(), 3u);
    EXPECT_EQ(ordered[0]->id, "F-headline01");  // error
    EXPECT_EQ(ordered[1]->id, "F-shift01");     // warning
    EXPECT_EQ(ordered[2]->id, "F-dispute01");   // info
}

TEST(ReportText, SummarisesCountsByKindAndSeverity) {
    RunOutput run = testing::sample_run();
    run.findings[0].baseline = "new";
    run.findings[1].baseline = "present";
    const ReportSummary s = summarise(run);
    EXPECT_EQ(s.processed, 3u);
    EXPECT_EQ(s.skipped, 1u);
    EXPECT_EQ(s.assertions, 6u);
    EXPECT_EQ(s.findings, 3u);
    ASSERT_EQ(s.by_kind.size(), 3u);
    EXPECT_EQ(s.by_kind[0].kind, "dispute");
    EXPECT_EQ(s.by_kind[0].by_severity[static_cast<int>(Severity::info)], 1u);
    EXPECT_EQ(s.by_kind[2].kind, "position_shift");
    EXPECT_EQ(s.by_kind[2].total(), 1u);
    EXPECT_EQ(s.baseline_new, 1u);
    EXPECT_EQ(s.baseline_present, 1u);
}

TEST(ReportText, TimelinesGroupBySubjectAndTopicWithUndatedApart) {
    const RunOutput run = testing::sample_run();
    const auto all = report_timelines(run.assertions);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].subject, "kherson");
    EXPECT_EQ(all[1].subject, "russia");
    EXPECT_EQ(all[1].topic, "negotiation");
    ASSERT_EQ(all[1].dated.size(), 2u);
    EXPECT_EQ(all[1].dated[0]->value, "impossible");  // 2022 before 2023
    EXPECT_EQ(all[1].dated[1]->value, "conditional");
    ASSERT_EQ(all[1].undated.size(), 1u);
    EXPECT_EQ(all[1].undated[0]->value, "open");
    EXPECT_EQ(all[1].values, (std::vector<std::string>{"conditional", "impossible", "open"}));
    EXPECT_EQ(all[0].holder_groups, (std::vector<std::string>{"russia", "ukraine"}));
}

TEST(ReportText, EvidenceIndexFindsTheFindingOfAnAssertion) {
    const RunOutput run = testing::sample_run();
    const EvidenceIndex index(run.findings);
    for (const auto& a : run.assertions) {
        const std::string id = index.finding_for(a);
        const std::string expected = a.topic == "status"        ? "F-dispute01"
                                     : a.value == "impossible"  ? "F-shift01"
                                     : a.value == "conditional" ? "F-shift01"
                                     : a.topic == "control"     ? "F-headline01"
                                                                : "";
        EXPECT_EQ(id, expected) << a.value;
    }
}

TEST(ReportText, SourceClustersGroupProcessedDocuments) {
    const RunOutput run = testing::sample_run();
    const auto clusters = source_clusters(run.documents);
    ASSERT_EQ(clusters.size(), 2u);
    EXPECT_EQ(clusters[0].cluster, "c1");
    EXPECT_EQ(clusters[0].members.size(), 2u);
    EXPECT_EQ(clusters[1].cluster, "c2");
    const auto skipped = skipped_documents(run.documents);
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0]->reason, "binary file");
}

}  // namespace
}  // namespace factline
