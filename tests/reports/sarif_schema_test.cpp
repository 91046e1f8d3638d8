// report.sarif validated against the official OASIS SARIF 2.1.0 JSON schema
// (FACTLINE_SHARED_DIR/schemas) with python3-jsonschema: a hand-built run with
// findings of every side shape, and the binary's output on the sample corpus.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

#include "reports/sarif_writer.hpp"
#include "tests/cli/run_binary.hpp"
#include "tests/reports/sample_run.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

const fs::path schema = fs::path(FACTLINE_SHARED_DIR) / "schemas" / "sarif-schema-2.1.0.json";

/// Why validation cannot run here, or "" when it can.
std::string missing_validator() {
    if (!fs::exists(schema)) return "SARIF schema not found at " + schema.string();
    if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) return "python3-jsonschema not installed";
    return "";
}

/// Exit status of the jsonschema check; its messages go to `log`.
int validate(const fs::path& sarif, const fs::path& log) {
    const std::string command =
        "python3 -c \"import json,jsonschema,sys; jsonschema.validate(json.load(open(sys.argv[1])), "
        "json.load(open(sys.argv[2])))\" '" + sarif.string() + "' '" + schema.string() + "' >'" + log.string() +
        "' 2>&1";
    return std::system(command.c_str());
}

std::string read(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path temp_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("factline_sarif_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

TEST(SarifSchema, HandBuiltRunValidates) {
    if (const auto why = missing_validator(); !why.empty()) GTEST_SKIP() << why;
    const fs::path dir = temp_dir("hand");
    RunOutput run = testing::sample_run();
    run.has_baseline = true;
    for (auto& f : run.findings) f.baseline = "new";
    run.stale_ignores.push_back(IgnoreEntry{"F-old", "", "", "reason", 3, 1});
    {
        std::ofstream out(dir / "report.sarif", std::ios::binary);
        out << render_sarif(run, testing::sample_context());
    }
    EXPECT_EQ(validate(dir / "report.sarif", dir / "log.txt"), 0) << read(dir / "log.txt");
    fs::remove_all(dir);
}

TEST(SarifSchema, SampleCorpusReportValidates) {
    if (const auto why = missing_validator(); !why.empty()) GTEST_SKIP() << why;
    const fs::path dir = temp_dir("sample");
    const auto result = testing::run_factline("check fixtures/sample/input --out '" + dir.string() + "' --quiet",
                                              FACTLINE_SOURCE_DIR);
    ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.exit_code << "\n" << result.err;
    ASSERT_TRUE(fs::exists(dir / "report.sarif")) << result.err;
    EXPECT_EQ(validate(dir / "report.sarif", dir / "log.txt"), 0) << read(dir / "log.txt");
    fs::remove_all(dir);
}

}  // namespace
}  // namespace factline
