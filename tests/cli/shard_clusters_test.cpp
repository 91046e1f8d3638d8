// Issue 5 (items 1 and 6): a sharded run clusters across shards. Two copies
// of one wire story (fixtures/split_syndication: 01 dated, 02 a re-spelt,
// dateless copy) land in different shards; `sketch`, `cluster`, `extract
// --clusters` and `reduce` must still write what `check` writes for the whole
// corpus, byte for byte, and without the cluster map they must not.
#include "tests/cli/cli_support.hpp"

namespace factline {
namespace {

using testing::read_jsonl;
using testing::run_factline;
using testing::Scratch;
namespace fs = std::filesystem;

const fs::path corpus = fs::path(FACTLINE_SOURCE_DIR) / "fixtures/split_syndication/input";
const std::string wire = "'" + (corpus / "01_wire_zaporizhzhia_front.txt").string() + "'";
const std::string copy = "'" + (corpus / "02_blog_copy_zaporozhye.txt").string() + "'";
const std::string other = "'" + (corpus / "03_gazette_full_control.txt").string() + "'";
// Shard a holds the dated wire story; shard b its dateless copy and the other outlet.
const std::string shard_a = wire;
const std::string shard_b = copy + " " + other;
const std::string outputs[] = {"findings.jsonl", "documents.jsonl", "assertions.jsonl", "report.md", "report.html"};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json document(const fs::path& documents, const std::string& file_name) {
    for (auto& record : read_jsonl(documents)) {
        if (fs::path(record.value("doc", "")).filename() == file_name) return record;
    }
    ADD_FAILURE() << file_name << " is not in " << documents;
    return {};
}

/// `check` on the whole corpus into `whole/`.
void check_whole(const Scratch& scratch) {
    ASSERT_EQ(run_factline(scratch.dir(), "check " + shard_a + " " + shard_b +
                                              " --out whole --format json,md,html --exit-zero --quiet"),
              0);
}

/// sketch per shard, cluster once, extract per shard with the map into shard-a/ and shard-b/.
void extract_with_cluster_map(const Scratch& scratch) {
    ASSERT_EQ(run_factline(scratch.dir(), "sketch " + shard_a + " --out shard-a --quiet"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "sketch " + shard_b + " --out shard-b --quiet"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "cluster shard-b shard-a --out clusters.jsonl --quiet"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "extract " + shard_a + " --clusters clusters.jsonl --out shard-a --quiet"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "extract " + shard_b + " --clusters clusters.jsonl --out shard-b --quiet"), 0);
}

TEST(ShardClusters, SketchClusterExtractReduceEqualsCheck) {
    Scratch scratch;
    check_whole(scratch);
    // The corpus shows what is at stake: the copy is dated only through its
    // cluster, and the wire cluster counts once on its side of the finding.
    const auto copy_record = document(scratch / "whole/documents.jsonl", "02_blog_copy_zaporozhye.txt");
    EXPECT_EQ(copy_record.value("published_source", ""), "cluster");
    EXPECT_EQ(copy_record.value("published", ""), "2022-11-18");
    EXPECT_EQ(copy_record.value("cluster", ""),
              document(scratch / "whole/documents.jsonl", "01_wire_zaporizhzhia_front.txt").value("cluster", "?"));
    bool cross_source_counts_the_copies_once = false;
    for (const auto& finding : read_jsonl(scratch / "whole/findings.jsonl")) {
        if (finding["kind"] != "cross_source") continue;
        for (const auto& side : finding["sides"]) {
            if (side["evidence"].size() == 2 && side["clusters"] == 1) cross_source_counts_the_copies_once = true;
        }
    }
    EXPECT_TRUE(cross_source_counts_the_copies_once) << slurp(scratch / "whole/findings.jsonl");

    extract_with_cluster_map(scratch);
    ASSERT_EQ(run_factline(scratch.dir(), "reduce shard-b shard-a --out sharded --format json,md,html --exit-zero --quiet"),
              0);
    for (const auto& name : outputs) {
        EXPECT_FALSE(slurp(scratch / "whole" / name).empty()) << name;
        EXPECT_EQ(slurp(scratch / "sharded" / name), slurp(scratch / "whole" / name)) << name;
    }
}

TEST(ShardClusters, WithoutTheMapSplitCopiesDiffer) {
    Scratch scratch;
    check_whole(scratch);
    ASSERT_EQ(run_factline(scratch.dir(), "extract " + shard_a + " --out plain-a --quiet"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "extract " + shard_b + " --out plain-b --quiet"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "reduce plain-a plain-b --out plain --format json --exit-zero --quiet"), 0);
    const auto copy_record = document(scratch / "plain/documents.jsonl", "02_blog_copy_zaporozhye.txt");
    EXPECT_EQ(copy_record.value("published_source", ""), "unknown");
    EXPECT_NE(copy_record.value("cluster", ""),
              document(scratch / "plain/documents.jsonl", "01_wire_zaporizhzhia_front.txt").value("cluster", ""));
    EXPECT_NE(slurp(scratch / "plain/findings.jsonl"), slurp(scratch / "whole/findings.jsonl"));
    EXPECT_NE(slurp(scratch / "plain/assertions.jsonl"), slurp(scratch / "whole/assertions.jsonl"));
}

TEST(ShardClusters, BadMapLineIsAnErrorAtFileLine) {
    Scratch scratch;
    extract_with_cluster_map(scratch);
    std::ifstream in(scratch / "clusters.jsonl");
    std::ofstream out(scratch / "bad.jsonl");
    std::string line;
    std::getline(in, line);
    out << line << "\n";
    std::getline(in, line);
    const auto at = line.find("\"published\":\"2022-11-18\"");
    ASSERT_NE(at, std::string::npos) << line;
    out << line.replace(at, 24, "\"published\":\"2022-11-31\"") << "\n";
    out.close();
    EXPECT_EQ(run_factline(scratch.dir(), "extract " + shard_b + " --clusters bad.jsonl --out shard-c"), 2);
    const std::string errors = slurp(scratch / "factline-stderr.txt");
    EXPECT_NE(errors.find("bad.jsonl:2:1: error: 'published' must be null or a date YYYY-MM-DD [clusters.invalid]"),
              std::string::npos)
        << errors;
    EXPECT_FALSE(fs::exists(scratch / "shard-c"));
}

TEST(ShardClusters, DocumentMissingFromTheMapIsAnError) {
    Scratch scratch;
    ASSERT_EQ(run_factline(scratch.dir(), "sketch " + shard_a + " --out shard-a --quiet"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "cluster shard-a --out clusters.jsonl --quiet"), 0);
    EXPECT_EQ(run_factline(scratch.dir(), "extract " + shard_b + " --clusters clusters.jsonl --out shard-b"), 2);
    const std::string errors = slurp(scratch / "factline-stderr.txt");
    EXPECT_NE(errors.find("03_gazette_full_control.txt: error: not in the cluster map clusters.jsonl"),
              std::string::npos)
        << errors;
    EXPECT_NE(errors.find("[clusters.missing]"), std::string::npos) << errors;
}

}  // namespace
}  // namespace factline
