// Golden cases (STYLE.md): every fixtures/<case>/ with an expected/ folder is
// checked end to end; documents, assertions, findings and report.md must equal
// the expected files byte for byte. FACTLINE_UPDATE_GOLDEN=1 rewrites them, and
// the git diff is the review.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/cli/run_binary.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;
using testing::run_factline;

const char* const golden_files[] = {"documents.jsonl", "assertions.jsonl", "findings.jsonl", "report.md"};

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> golden_cases() {
    std::vector<std::string> cases;
    for (const auto& entry : fs::directory_iterator(fs::path(FACTLINE_SOURCE_DIR) / "fixtures")) {
        if (fs::is_directory(entry.path() / "expected") && fs::is_directory(entry.path() / "input")) {
            cases.push_back(entry.path().filename().string());
        }
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, OutputEqualsExpectedFiles) {
    const std::string name = GetParam();
    const fs::path out = fs::temp_directory_path() / ("factline_golden_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(out);
    // Relative input path from the source root, so the outputs hold no machine path.
    const auto result = run_factline("check fixtures/" + name + "/input --out '" + out.string() +
                                         "' --format json,md --quiet --jobs 2",
                                     FACTLINE_SOURCE_DIR);
    ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err;
    const fs::path expected = fs::path(FACTLINE_SOURCE_DIR) / "fixtures" / name / "expected";
    const bool update = std::getenv("FACTLINE_UPDATE_GOLDEN") != nullptr;
    for (const char* file : golden_files) {
        const std::string got = read(out / file);
        if (update) {
            std::ofstream(expected / file, std::ios::binary) << got;
            continue;
        }
        ASSERT_TRUE(fs::exists(expected / file)) << "missing " << (expected / file) << "; run with FACTLINE_UPDATE_GOLDEN=1";
        EXPECT_EQ(got, read(expected / file)) << name << "/" << file
                                              << " differs; review with FACTLINE_UPDATE_GOLDEN=1 and git diff";
    }
    fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden, ::testing::ValuesIn(golden_cases()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace factline
