// sketches.jsonl and the cluster map (checker/cluster_files.cpp): what is
// written reads back the same, and a bad line is an error at file:line.
#include <fstream>
#include <gtest/gtest.h>

#include "checker/cluster_files.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

fs::path write_file(const testing::TempDir& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

TEST(ClusterFiles, SketchReadsBackAsWritten) {
    DocumentSketch sketch{"in/a.txt", "0123456789abcdef", {}, {1, 0xfedcba9876543210ull}};
    sketch.date_evidence.partial_month = 11;
    sketch.date_evidence.partial_day = 11;
    sketch.date_evidence.body_weekdays = {4, 2};
    const testing::TempDir dir("factline-sketch");
    fs::create_directories(dir / "shard");
    write_file(dir, "shard/sketches.jsonl", to_json_line(sketch) + "\n");
    Diagnostics diagnostics;
    const auto read = read_sketches(dir / "shard", diagnostics);  // a shard folder
    ASSERT_TRUE(diagnostics.items().empty()) << diagnostics.items()[0].message;
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].doc, "in/a.txt");
    EXPECT_EQ(read[0].doc_hash, "0123456789abcdef");
    EXPECT_EQ(read[0].shingles, sketch.shingles);
    EXPECT_EQ(read[0].date_evidence.partial_month, 11);
    EXPECT_EQ(read[0].date_evidence.partial_day, 11);
    EXPECT_EQ(read[0].date_evidence.body_weekdays, (std::vector<int>{4, 2}));
    EXPECT_FALSE(read[0].date_evidence.date.date.has_value());
}

TEST(ClusterFiles, MapReadsBackWithLineNumbers) {
    const ClusterAssignment a{"a.txt", "h1", "ch1", {CivilDate{2022, 11, 18}, DateSource::cluster}, 0};
    const ClusterAssignment b{"b.txt", "h2", "ch1", {}, 0};
    const testing::TempDir dir("factline-map");
    const auto file = write_file(dir, "map.jsonl", to_json_line(a) + "\n\n" + to_json_line(b) + "\n");
    Diagnostics diagnostics;
    const auto map = read_cluster_map(file, diagnostics);
    EXPECT_TRUE(diagnostics.items().empty());
    ASSERT_EQ(map.by_doc.size(), 2u);
    EXPECT_EQ(map.by_doc.at("a.txt").date.date, (CivilDate{2022, 11, 18}));
    EXPECT_EQ(map.by_doc.at("a.txt").date.source, DateSource::cluster);
    EXPECT_EQ(map.by_doc.at("b.txt").line, 3u);
    EXPECT_EQ(map.by_doc.at("b.txt").date.source, DateSource::unknown);
}

TEST(ClusterFiles, BadMapLinesAreErrorsAtTheirLine) {
    const struct {
        const char* line;
        const char* message;
    } cases[] = {
        {R"(not json)", "not a JSON object"},
        {R"([1,2])", "expected a JSON object"},
        {R"({"doc_hash":"h","cluster":"c","published":null,"published_source":"unknown"})", "missing field 'doc'"},
        {R"({"doc":"","doc_hash":"h","cluster":"c","published":null,"published_source":"unknown"})",
         "'doc' must be a non-empty string"},
        {R"({"doc":"a","doc_hash":"h","cluster":"c","published":"2022-02-30","published_source":"header"})",
         "'published' must be null or a date YYYY-MM-DD"},
        {R"({"doc":"a","doc_hash":"h","cluster":"c","published":"2022-02-03","published_source":"guess"})",
         "'published_source' is 'guess', not one of"},
        {R"({"doc":"a","doc_hash":"h","cluster":"c","published":"2022-02-03","published_source":"unknown"})",
         "'published_source' must be \"unknown\" exactly when 'published' is null"},
    };
    const testing::TempDir dir("factline-bad-map");
    for (const auto& c : cases) {
        const auto file = write_file(dir, "map.jsonl", std::string("\n") + c.line + "\n");
        Diagnostics diagnostics;
        const auto map = read_cluster_map(file, diagnostics);
        ASSERT_EQ(diagnostics.items().size(), 1u) << c.line;
        const Diagnostic& d = diagnostics.items()[0];
        EXPECT_EQ(d.id, "clusters.invalid") << c.line;
        EXPECT_EQ(d.path, file.string());
        EXPECT_EQ(d.line, 2u) << c.line;
        EXPECT_NE(d.message.find(c.message), std::string::npos) << d.message;
        EXPECT_TRUE(map.by_doc.empty());
    }
}

TEST(ClusterFiles, BadSketchLinesAreErrorsAtTheirLine) {
    const std::string head = R"({"doc":"a","doc_hash":"h","date":null,"date_source":"unknown",)";
    const struct {
        std::string line;
        const char* message;
    } cases[] = {
        {head + R"("partial_month":13,"partial_day":null,"weekdays":[],"shingles":[]})", "'partial_month' must be null"},
        {head + R"("partial_month":null,"partial_day":null,"weekdays":[7],"shingles":[]})", "'weekdays' must hold"},
        {head + R"("partial_month":null,"partial_day":null,"weekdays":[],"shingles":["12"]})", "16 hex digits"},
        {head + R"("partial_month":null,"partial_day":null,"weekdays":[],"shingles":["000000000000000g"]})",
         "16 hex digits"},
        {head + R"("partial_month":null,"partial_day":null,"weekdays":[],"shingles":["0000000000000002","0000000000000001"]})",
         "sorted and unique"},
        {head + R"("partial_month":null,"partial_day":null,"weekdays":[]})", "missing field 'shingles'"},
    };
    const testing::TempDir dir("factline-bad-sketch");
    for (const auto& c : cases) {
        const auto file = write_file(dir, "sketches.jsonl", c.line + "\n");
        Diagnostics diagnostics;
        EXPECT_TRUE(read_sketches(file, diagnostics).empty()) << c.line;
        ASSERT_EQ(diagnostics.items().size(), 1u) << c.line;
        EXPECT_EQ(diagnostics.items()[0].id, "sketches.invalid");
        EXPECT_EQ(diagnostics.items()[0].line, 1u);
        EXPECT_NE(diagnostics.items()[0].message.find(c.message), std::string::npos) << diagnostics.items()[0].message;
    }
}

}  // namespace
}  // namespace factline
