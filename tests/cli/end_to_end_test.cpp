// The binary end to end on the bundled fixtures and the seeds: every output
// file written, every input listed, byte-identical reruns (also across --jobs),
// hostile markup never reaching the reports as markup. Finding counts are not
// asserted here: they belong to the stage tests and the golden fixtures.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

#include "tests/cli/run_binary.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;
using testing::run_factline;

const char* const report_files[] = {"documents.jsonl", "assertions.jsonl", "findings.jsonl",
                                    "report.md",       "report.html",      "report.sarif"};

fs::path temp_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("factline_e2e_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Runs `check` on a folder of the source tree; the exit code must say "ran" (0 or 1).
void check_folder(const std::string& input, const fs::path& out, const std::string& extra = "") {
    const auto result =
        run_factline("check " + input + " --out '" + out.string() + "' --quiet " + extra, FACTLINE_SOURCE_DIR);
    ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << "exit " << result.exit_code << "\n" << result.err;
}

std::set<std::string> documents_listed(const fs::path& file) {
    std::set<std::string> docs;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        const auto json = nlohmann::json::parse(line);
        docs.insert(fs::path(json.at("doc").get<std::string>()).filename().string());
    }
    return docs;
}

TEST(EndToEnd, SampleCorpusWritesEveryOutputAndListsEveryFile) {
    const fs::path out = temp_dir("sample");
    check_folder("fixtures/sample/input", out);
    for (const char* file : report_files) EXPECT_TRUE(fs::is_regular_file(out / file)) << file;
    const auto listed = documents_listed(out / "documents.jsonl");
    std::size_t articles = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(FACTLINE_SOURCE_DIR) / "fixtures/sample/input")) {
        if (entry.path().extension() != ".txt") continue;
        ++articles;
        EXPECT_TRUE(listed.count(entry.path().filename().string())) << entry.path().filename() << " not listed";
    }
    EXPECT_GE(articles, 8u);
    EXPECT_NE(read(out / "report.md").find("# factline report"), std::string::npos);
    fs::remove_all(out);
}

TEST(EndToEnd, RerunsAndJobCountsGiveIdenticalBytes) {
    const fs::path first = temp_dir("first");
    const fs::path second = temp_dir("second");
    const fs::path one_job = temp_dir("one_job");
    const fs::path two_jobs = temp_dir("two_jobs");
    check_folder("fixtures/sample/input", first);
    check_folder("fixtures/sample/input", second);
    check_folder("fixtures/sample/input", one_job, "--jobs 1");
    check_folder("fixtures/sample/input", two_jobs, "--jobs 2");
    for (const char* file : report_files) {
        const std::string bytes = read(first / file);
        EXPECT_FALSE(bytes.empty() && std::string(file).rfind("report", 0) == 0) << file << " is empty";
        EXPECT_EQ(bytes, read(second / file)) << file << " differs between reruns";
        EXPECT_EQ(read(one_job / file), read(two_jobs / file)) << file << " differs between --jobs 1 and 2";
    }
    for (const auto& dir : {first, second, one_job, two_jobs}) fs::remove_all(dir);
}

TEST(EndToEnd, HostileMarkupStaysText) {
    const fs::path out = temp_dir("hostile");
    check_folder("fixtures/hostile/input", out);
    const std::string html = read(out / "report.html");
    ASSERT_FALSE(html.empty());
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<iframe"), std::string::npos);
    EXPECT_EQ(html.find("<script"), html.rfind("<script"));  // only the page's own script
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);  // shown, as text
    const std::string md = read(out / "report.md");
    EXPECT_EQ(md.find("<script>"), std::string::npos);
    EXPECT_EQ(md.find("<img"), std::string::npos);
    for (const auto& text : {html, md}) EXPECT_EQ(text.find('\x07'), std::string::npos);
    fs::remove_all(out);
}

TEST(EndToEnd, SeedsWriteTheFourSpecFiles) {
    const fs::path seeds = fs::path(FACTLINE_SHARED_DIR) / "seeds";
    if (!fs::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
    const fs::path out = temp_dir("seeds");
    check_folder("'" + seeds.string() + "'", out);
    for (const char* file : {"documents.jsonl", "assertions.jsonl", "findings.jsonl", "report.md"}) {
        EXPECT_TRUE(fs::is_regular_file(out / file)) << file;
    }
    const auto listed = documents_listed(out / "documents.jsonl");
    for (const auto& entry : fs::directory_iterator(seeds)) {
        if (entry.path().extension() != ".txt") continue;
        EXPECT_TRUE(listed.count(entry.path().filename().string())) << entry.path().filename();
    }
    fs::remove_all(out);
}

}  // namespace
}  // namespace factline
