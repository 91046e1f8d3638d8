// Command-line parsing and exit codes (SPEC §4): 0 clean, 1 findings, 2 usage/config/rule errors.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <sys/wait.h>

#include "tests/cli/run_binary.hpp"
#include "tests/support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;
using testing::run_factline;


class SubcommandHelp : public ::testing::TestWithParam<const char*> {};

TEST_P(SubcommandHelp, PrintsUsageAndExitsZero) {
    const auto result = run_factline(std::string(GetParam()) + " --help");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
}

INSTANTIATE_TEST_SUITE_P(Cli, SubcommandHelp,
                         ::testing::Values("check", "extract", "reduce", "report", "explain", "rules", "time",
                                           "config"));

TEST(Cli, UnknownOptionIsAUsageError) {
    const auto result = run_factline("check --no-such-flag x");
    EXPECT_EQ(result.exit_code, 2);
}

TEST(Cli, MissingSubcommandIsAUsageError) {
    EXPECT_EQ(run_factline("").exit_code, 2);
}

TEST(Cli, MissingConfigFileIsAnErrorNamingIt) {
    const auto result = run_factline("check . --config /nonexistent/factline.toml");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("/nonexistent/factline.toml: error: config file not found"), std::string::npos)
        << result.err;
}

TEST(Cli, ConfigErrorsNameFileLineAndColumn) {
    const testing::TempDir dir("factline-cli-badconfig");
    std::ofstream(dir / "factline.toml") << "fail_on = \"sometimes\"\n";
    const auto result = run_factline("config", dir.path().string());
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("factline.toml:1:11: error: 'fail_on' must be one of info, warning, error"),
              std::string::npos)
        << result.err;
}

TEST(Cli, ConfigIsDiscoveredFromTheWorkingDirectory) {
    const testing::TempDir dir("factline-cli-config");
    std::ofstream(dir / "factline.toml") << "fail_on = \"error\"\njobs = 1\n";
    fs::create_directories(dir / "sub");
    const auto result = run_factline("config", (dir / "sub").string());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("fail_on = \"error\""), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("jobs = 1"), std::string::npos) << result.out;
}

TEST(Cli, UnknownFormatIsAUsageError) {
    const testing::TempDir dir("factline-cli-format");
    std::ofstream(dir / "a.txt") << "MOSCOW (Reuters) - Nothing happened today.\n";
    const auto result = run_factline("check " + (dir / "a.txt").string() + " --out " + (dir / "out").string() +
                                     " --format json,pdf");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("unknown format 'pdf'"), std::string::npos) << result.err;
}

// No room for dedup's temporary files is the machine's problem, not a bug:
// an error (exit 2) that says where it tried, not an "internal error" (3).
TEST(Cli, NoFolderForDedupSpillIsAnErrorNotABug) {
    const testing::TempDir dir("factline-cli-spill");
    std::ofstream(dir / "a.txt") << "MOSCOW (Reuters) - Talks resumed in Geneva on Monday, officials said.\n";
    const fs::path err = dir / "stderr.txt";
    const std::string command = "TMPDIR=/nonexistent/factline FACTLINE_DEDUP_BUDGET_MIB=0 '" + std::string(FACTLINE_BINARY) +
                                "' check '" + (dir / "a.txt").string() + "' --out '" + (dir / "out").string() +
                                "' --format json 2>'" + err.string() + "' >/dev/null";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    std::ifstream in(err);
    const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(message.find("factline: error:"), std::string::npos) << message;
    EXPECT_NE(message.find("/nonexistent/factline"), std::string::npos) << message;
    EXPECT_EQ(message.find("internal error"), std::string::npos) << message;
}

TEST(Cli, MissingRulesFolderIsAnError) {
    const auto result = run_factline("rules list --rules /nonexistent/rules");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("/nonexistent/rules: error: rule folder not found"), std::string::npos) << result.err;
}

TEST(Cli, ShippedRulesPassTheirOwnTests) {
    const auto result = run_factline("rules test");
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find(" failed"), std::string::npos) << result.out;
}

TEST(Cli, CheckWritesTheJsonLinesFilesAndExitsCleanly) {
    const testing::TempDir dir("factline-cli-check");
    std::ofstream(dir / "a.txt") << "Headline\n\nMOSCOW (Reuters) - Nothing of note happened.\n";
    const auto result = run_factline("check " + (dir / "a.txt").string() + " --out " + (dir / "out").string() +
                                     " --format json --quiet");
    // "Cleanly": the article states nothing, so no finding and exit 0 (1 would mean findings).
    EXPECT_EQ(result.exit_code, 0) << result.err;
    for (const char* name : {"documents.jsonl", "assertions.jsonl", "findings.jsonl"}) {
        EXPECT_TRUE(fs::exists(dir / "out" / name)) << name;
    }
}

TEST(Cli, ExplainUnknownIdIsAnError) {
    const testing::TempDir dir("factline-cli-explain");
    std::ofstream(dir / "findings.jsonl") << "";
    const auto result = run_factline("explain F-0000 --out " + dir.path().string());
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("no finding matches 'F-0000'"), std::string::npos) << result.err;
}

TEST(Cli, TimeRejectsABadDct) {
    const auto result = run_factline("time x.txt --dct 2022-13-45");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("'2022-13-45' is not a date"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace factline
