// `factline reduce` over `extract` shards gives the findings of `check` on the
// whole corpus: same ids, same sides, same evidence.
#include "tests/cli/cli_support.hpp"

namespace factline {
namespace {

using testing::read_jsonl;
using testing::run_factline;
using testing::Scratch;
namespace fs = std::filesystem;

/// What must agree between the two runs: id, kind and, per side, value, group and evidence places.
std::vector<std::string> comparable(const std::vector<nlohmann::json>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) {
        std::string row = f.value("id", "") + " " + f.value("kind", "");
        for (const auto& side : f["sides"]) {
            row += " | " + side.value("value", "") + "/" + side.value("holder_group", "") + "/" +
                   std::to_string(side.value("clusters", 0));
            for (const auto& e : side["evidence"]) {
                row += " " + e.value("doc", "") + ":" + std::to_string(e.value("line", 0));
            }
        }
        out.push_back(row);
    }
    return out;
}

TEST(Reduce, ShardsGiveTheFindingsOfCheck) {
    const fs::path seeds = fs::path(FACTLINE_SHARED_DIR) / "seeds";
    if (!fs::is_directory(seeds)) GTEST_SKIP() << "no shared seeds at " << seeds;
    Scratch scratch;
    // Shards keep a syndication cluster together (000 and 001 are one wire
    // story): cluster ids and cluster-propagated dates are decided per shard.
    const std::string half_a = "'" + (seeds / "000_5848e8fe9649ca1a.txt").string() + "' '" +
                               (seeds / "001_5ba73ec6f4fa57e1.txt").string() + "' '" +
                               (seeds / "002_12a1ac7aec6d1cbf.txt").string() + "'";
    const std::string half_b =
        "'" + (seeds / "003_c9af2f8de1614a3b.txt").string() + "' '" + (seeds / "004_9cdc0ecf5877e3e4.txt").string() + "'";
    ASSERT_EQ(run_factline(scratch.dir(), "extract " + half_a + " > a.jsonl"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "extract " + half_b + " > b.jsonl"), 0);
    const int reduced = run_factline(scratch.dir(), "reduce b.jsonl a.jsonl --out reduced --format json");
    const int checked = run_factline(scratch.dir(), "check " + half_a + " " + half_b + " --out whole --format json");
    ASSERT_TRUE(checked == 0 || checked == 1) << checked;  // equal codes from two crashed runs (-1) are no agreement
    EXPECT_EQ(reduced, checked);
    ASSERT_TRUE(fs::exists(scratch / "reduced/findings.jsonl"));
    ASSERT_TRUE(fs::exists(scratch / "whole/findings.jsonl"));
    const auto from_shards = comparable(read_jsonl(scratch / "reduced/findings.jsonl"));
    const auto from_whole = comparable(read_jsonl(scratch / "whole/findings.jsonl"));
    ASSERT_FALSE(from_whole.empty()) << "no finding: the comparison below would hold for any reduce";
    EXPECT_EQ(from_shards, from_whole);
    const auto assertions_a = read_jsonl(scratch / "a.jsonl").size();
    const auto assertions_b = read_jsonl(scratch / "b.jsonl").size();
    EXPECT_EQ(assertions_a + assertions_b, read_jsonl(scratch / "whole/assertions.jsonl").size());
    RecordProperty("findings", static_cast<int>(from_whole.size()));
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Shard folders (extract --out) carry documents and per-document findings
// (fixture 08's weekday that does not fit its date), so reduce writes the
// same findings.jsonl and documents.jsonl as check, byte for byte.
TEST(Reduce, ShardFoldersCarryDocumentsAndWeekdayFindings) {
    Scratch scratch;
    const fs::path input = fs::path(FACTLINE_SOURCE_DIR) / "fixtures/sample/input";
    std::string half_a;
    std::string half_b;
    for (const auto& entry : fs::directory_iterator(input)) {
        if (entry.path().extension() != ".txt") continue;
        const std::string name = entry.path().filename().string();
        (name < "06" ? half_a : half_b) += " '" + entry.path().string() + "'";
    }
    ASSERT_FALSE(half_a.empty());
    ASSERT_FALSE(half_b.empty());
    ASSERT_EQ(run_factline(scratch.dir(), "extract" + half_b + " --out shard-b"), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "extract" + half_a + " --out shard-a"), 0);
    ASSERT_TRUE(fs::exists(scratch / "shard-b/document_findings.jsonl"));
    const int reduced = run_factline(scratch.dir(), "reduce shard-b shard-a --out reduced --format json");
    const int checked = run_factline(scratch.dir(), "check" + half_a + half_b + " --out whole --format json");
    ASSERT_TRUE(checked == 0 || checked == 1) << checked;  // equal codes from two crashed runs (-1) are no agreement
    EXPECT_EQ(reduced, checked);
    const std::string findings = slurp(scratch / "whole/findings.jsonl");
    EXPECT_NE(findings.find("\"kind\":\"date_mismatch\""), std::string::npos);
    EXPECT_EQ(slurp(scratch / "reduced/findings.jsonl"), findings);
    EXPECT_EQ(slurp(scratch / "reduced/documents.jsonl"), slurp(scratch / "whole/documents.jsonl"));
    EXPECT_EQ(slurp(scratch / "reduced/assertions.jsonl"), slurp(scratch / "whole/assertions.jsonl"));
}

TEST(Reduce, ShardOrderDoesNotChangeTheBytes) {
    Scratch scratch;
    const auto rules = testing::conflict_rules_root(scratch);
    std::ofstream(scratch / "a.jsonl")
        << R"({"doc":"a.txt","holder":"peskov","holder_group":"russia","topic":"negotiation","subject":"russia","value":"impossible","stated":"2022-11-11","evidence":{"line":3,"col":1,"text":"t"},"cluster":"c1","doc_hash":"h1"})"
        << "\n";
    std::ofstream(scratch / "b.jsonl")
        << R"({"doc":"b.txt","holder":"peskov","holder_group":"russia","topic":"negotiation","subject":"russia","value":"conditional","stated":"2023-02-28","evidence":{"line":8,"col":1,"text":"t"},"cluster":"c2","doc_hash":"h2"})"
        << "\n";
    const std::string common = " --rules '" + rules.string() + "' --format json --exit-zero";
    ASSERT_EQ(run_factline(scratch.dir(), "reduce a.jsonl b.jsonl --out ab" + common), 0);
    ASSERT_EQ(run_factline(scratch.dir(), "reduce b.jsonl a.jsonl --out ba" + common), 0);
    std::ifstream ab(scratch / "ab/findings.jsonl");
    std::ifstream ba(scratch / "ba/findings.jsonl");
    const std::string ab_text((std::istreambuf_iterator<char>(ab)), {});
    const std::string ba_text((std::istreambuf_iterator<char>(ba)), {});
    EXPECT_FALSE(ab_text.empty());
    EXPECT_EQ(ab_text, ba_text);
    const auto findings = read_jsonl(scratch / "ab/findings.jsonl");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0]["kind"], "position_shift");
}

}  // namespace
}  // namespace factline
