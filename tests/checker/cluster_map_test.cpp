// Corpus-level dedup decisions (checker/cluster_map.cpp): clusters and the
// dates they settle, looked up again by the documents of one shard.
#include <algorithm>
#include <gtest/gtest.h>
#include <numeric>

#include "checker/cluster_map.hpp"

namespace factline {
namespace {

std::vector<std::uint64_t> shingles(std::uint64_t from, std::uint64_t count) {
    std::vector<std::uint64_t> out(count);
    std::iota(out.begin(), out.end(), from);
    return out;
}

DocumentSketch sketch(std::string doc, std::string doc_hash, std::vector<std::uint64_t> body, DatedBy date = {}) {
    DocumentSketch s{std::move(doc), std::move(doc_hash), {}, std::move(body)};
    s.date_evidence.date = date;
    return s;
}

/// A wire story (dated), its re-spelt copy (undated) and an unrelated story.
std::vector<DocumentSketch> wire_copy_other() {
    auto copy = shingles(100, 40);
    copy[3] = 9000;  // a spelling variant: a few shingles differ
    std::sort(copy.begin(), copy.end());
    return {sketch("wire.txt", "bbbbbbbb11", shingles(100, 40), {CivilDate{2022, 11, 18}, DateSource::header}),
            sketch("copy.txt", "aaaaaaaa22", copy),
            sketch("other.txt", "cccccccc33", shingles(500, 40), {CivilDate{2022, 12, 2}, DateSource::header})};
}

TEST(AssignClusters, CopyTakesItsClusterMatesDateAndTheSmallestHashNamesTheCluster) {
    const auto assigned = assign_clusters(wire_copy_other(), DedupOptions{});
    ASSERT_EQ(assigned.size(), 3u);
    EXPECT_EQ(assigned[0].cluster, "caaaaaaaa");
    EXPECT_EQ(assigned[1].cluster, "caaaaaaaa");
    EXPECT_EQ(assigned[2].cluster, "ccccccccc");
    EXPECT_EQ(assigned[1].date.date, (CivilDate{2022, 11, 18}));
    EXPECT_EQ(assigned[1].date.source, DateSource::cluster);
    EXPECT_EQ(assigned[0].date.source, DateSource::header);
    EXPECT_EQ(assigned[1].doc, "copy.txt");
    EXPECT_EQ(assigned[1].doc_hash, "aaaaaaaa22");
}

TEST(AssignClusters, SameAnswerInAnyOrder) {
    auto reversed = wire_copy_other();
    std::reverse(reversed.begin(), reversed.end());
    const auto forward = assign_clusters(wire_copy_other(), DedupOptions{});
    auto backward = assign_clusters(std::move(reversed), DedupOptions{});
    std::reverse(backward.begin(), backward.end());
    ASSERT_EQ(forward.size(), 3u);  // with none, the loop below would compare nothing
    ASSERT_EQ(backward.size(), forward.size());
    for (std::size_t i = 0; i < forward.size(); ++i) {
        EXPECT_EQ(forward[i].cluster, backward[i].cluster) << forward[i].doc;
        EXPECT_EQ(forward[i].date.date, backward[i].date.date) << forward[i].doc;
    }
}

// A year-less dateline is completed against the newest date of the whole
// corpus, which is why a sketch carries the partial date and weekdays.
TEST(AssignClusters, YearlessDatelineIsCompletedAgainstTheCorpusNewestDate) {
    auto yearless = sketch("yearless.txt", "dddd", shingles(100, 40));
    yearless.date_evidence.partial_month = 11;
    yearless.date_evidence.partial_day = 11;
    yearless.date_evidence.body_weekdays = {4};  // Friday: 2016 and 2022
    const auto newest = sketch("newest.txt", "eeee", shingles(500, 40), {CivilDate{2016, 12, 1}, DateSource::header});
    const auto assigned = assign_clusters({yearless, newest}, DedupOptions{});
    EXPECT_EQ(assigned[0].date.date, (CivilDate{2016, 11, 11}));
    EXPECT_EQ(assigned[0].date.source, DateSource::weekday);
}

TEST(ClusterMapIndex, ConflictingRepeatIsAnErrorAtItsLine) {
    Diagnostics diagnostics;
    const ClusterAssignment first{"a.txt", "h1", "c1", {CivilDate{2022, 1, 1}, DateSource::header}, 1};
    ClusterAssignment again = first;
    again.line = 4;
    ClusterAssignment other = first;
    other.cluster = "c2";
    other.line = 7;
    const auto map = index_cluster_map({first, again, other}, "map.jsonl", diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].id, "clusters.duplicate");
    EXPECT_EQ(diagnostics.items()[0].line, 7u);
    EXPECT_NE(diagnostics.items()[0].message.find("first at line 1"), std::string::npos);
    EXPECT_EQ(map.by_doc.at("a.txt").cluster, "c1");
}

TEST(LookUpClusters, MissingAndChangedDocumentsAreErrors) {
    Diagnostics diagnostics;
    const auto map = index_cluster_map({{"a.txt", "h1", "cshared", {CivilDate{2022, 1, 1}, DateSource::cluster}, 1},
                                        {"b.txt", "h2", "cshared", {}, 2}},
                                       "map.jsonl", diagnostics);
    const auto found = look_up_clusters(
        {sketch("a.txt", "h1", {}), sketch("b.txt", "changed", {}), sketch("c.txt", "h3", {})}, map, diagnostics);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].cluster, "cshared");
    EXPECT_EQ(found[0].date.source, DateSource::cluster);
    ASSERT_EQ(diagnostics.items().size(), 2u);
    EXPECT_EQ(diagnostics.items()[0].id, "clusters.stale");
    EXPECT_EQ(diagnostics.items()[0].path, "map.jsonl");
    EXPECT_EQ(diagnostics.items()[0].line, 2u);
    EXPECT_EQ(diagnostics.items()[1].id, "clusters.missing");
    EXPECT_EQ(diagnostics.items()[1].path, "c.txt");
}

}  // namespace
}  // namespace factline
