// Determinism (issue 8): the same corpus gives byte-identical outputs on a
// rerun, with --jobs 1 and 2, when its files were created in another order,
// and when they are named on the command line in another order. Every output
// file (documents/assertions/findings JSONL, report.md/html/sarif) is compared
// byte for byte with the first run's.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "support/read_file.hpp"

namespace factline::testing {
namespace {

const std::vector<std::string> outputs = {"documents.jsonl", "assertions.jsonl", "findings.jsonl",
                                          "report.md",       "report.html",      "report.sarif"};

/// How one run lays out its copy of the corpus and calls factline.
struct Variant {
    const char* name;
    int jobs;
    bool files_on_command_line;  // else the folder is passed
    unsigned order_seed;         // 0: sorted creation order, 1: reversed, else shuffled with this seed
};

const std::vector<Variant> variants = {
    {"first", 1, false, 0},        {"rerun", 1, false, 0},          {"jobs2", 2, false, 0},
    {"reversed_creation", 2, false, 1}, {"shuffled_creation", 1, false, 7}, {"shuffled_arguments", 2, true, 11},
    {"reversed_arguments", 1, true, 1},
};

std::vector<fs::path> ordered(std::vector<fs::path> files, unsigned seed) {
    std::sort(files.begin(), files.end());
    if (seed == 1) std::reverse(files.begin(), files.end());
    if (seed > 1) std::shuffle(files.begin(), files.end(), std::mt19937(seed));
    return files;
}

/// Copies `inputs` into <scratch>/<variant>/corpus in the variant's order, runs
/// `factline check` there (relative paths, so documents name the same files)
/// and returns each output's bytes.
std::map<std::string, std::string> run_variant(const Scratch& scratch, const std::vector<fs::path>& inputs,
                                               const Variant& variant) {
    const fs::path cwd = scratch / variant.name;
    fs::create_directories(cwd / "corpus");
    const auto files = ordered(inputs, variant.order_seed);
    for (const auto& file : files) fs::copy_file(file, cwd / "corpus" / file.filename());
    std::string args = "check --exit-zero -q --out out --jobs " + std::to_string(variant.jobs);
    if (variant.files_on_command_line) {
        for (const auto& file : files) args += " 'corpus/" + file.filename().string() + "'";
    } else {
        args += " corpus";
    }
    const int code = run_factline(cwd, args);
    EXPECT_EQ(code, 0) << variant.name << ": " << testing::read_file(cwd / "factline-stderr.txt");
    std::map<std::string, std::string> bytes;
    for (const auto& name : outputs) {
        EXPECT_TRUE(fs::exists(cwd / "out" / name)) << variant.name << ": no " << name;
        bytes[name] = testing::read_file(cwd / "out" / name);
    }
    return bytes;
}

/// The article files of `dir` (and its sources.toml sidecar when present).
std::vector<fs::path> corpus_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto ext = entry.path().extension();
        if (ext == ".txt" || entry.path().filename() == "sources.toml") files.push_back(entry.path());
    }
    return files;
}

void expect_identical_outputs(const Scratch& scratch, const fs::path& corpus) {
    const auto inputs = corpus_files(corpus);
    ASSERT_FALSE(inputs.empty()) << corpus;
    const auto first = run_variant(scratch, inputs, variants.front());
    ASSERT_FALSE(first.at("documents.jsonl").empty());
    for (std::size_t i = 1; i < variants.size(); ++i) {
        const auto other = run_variant(scratch, inputs, variants[i]);
        for (const auto& name : outputs) {
            EXPECT_TRUE(first.at(name) == other.at(name))
                << name << " differs between '" << variants.front().name << "' and '" << variants[i].name
                << "' (" << first.at(name).size() << " vs " << other.at(name).size() << " bytes)";
        }
    }
}

TEST(Determinism, SampleFixtureOutputsAreByteIdentical) {
    const Scratch scratch;
    expect_identical_outputs(scratch, fs::path(FACTLINE_SOURCE_DIR) / "fixtures" / "sample" / "input");
}

TEST(Determinism, SeedOutputsAreByteIdentical) {
    const fs::path seeds = fs::path(FACTLINE_SHARED_DIR) / "seeds";
    if (!fs::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
    const Scratch scratch;
    expect_identical_outputs(scratch, seeds);
}

}  // namespace
}  // namespace factline::testing
