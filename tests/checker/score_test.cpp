// End-to-end quality floor: runs the factline binary on the shared seeds and
// dev set, scores the run with shared/eval/score.py --json and fails below the
// floors set a little under what the rules achieved when they were written
// (seeds: F1 1.00, stated 1.00, speaker 1.00; dev: F1 0.96, stated 0.98,
// speaker 0.91), so that a regression fails while the other stages' small
// changes do not. Skips when the shared folder or python3 is absent.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <sys/wait.h>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr) out += buffer.data();
    return out;
}

struct Floors {
    double f1;
    double stated;
    double speaker;
};

struct ScoreCase {
    std::string name;
    std::string corpus;  // relative to the shared folder
    std::string gold;
    Floors floors;
};

void PrintTo(const ScoreCase& c, std::ostream* os) { *os << c.name; }

class Score : public ::testing::TestWithParam<ScoreCase> {};

TEST_P(Score, AboveFloor) {
    const auto& c = GetParam();
    const fs::path shared = FACTLINE_SHARED_DIR;
    if (!fs::is_directory(shared / c.corpus) || !fs::exists(shared / "eval/score.py"))
        GTEST_SKIP() << "shared folder not found: " << shared;
    if (run("command -v python3").empty()) GTEST_SKIP() << "python3 not found";
    const factline::testing::TempDir temp("factline-score");
    const fs::path out = temp / "out";
    // The run must end with exit 0 (--exit-zero): one killed by a signal (a
    // sanitizer's abort, after the outputs were written) must not pass.
    const int status = std::system(fmt::format("'{}' check '{}' --out '{}' --format json --exit-zero >/dev/null 2>&1",
                                               FACTLINE_BINARY, (shared / c.corpus).string(), out.string())
                                       .c_str());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "factline check: status " << status;
    ASSERT_TRUE(fs::exists(out / "assertions.jsonl")) << "factline wrote no assertions.jsonl";
    const std::string report = run(fmt::format("python3 '{}' --gold '{}' --out '{}' --json",
                                               (shared / "eval/score.py").string(), (shared / c.gold).string(),
                                               out.string()));
    const auto figures = nlohmann::json::parse(report, nullptr, false);
    ASSERT_FALSE(figures.is_discarded()) << report;
    const double f1 = figures.value("assert_f1", 0.0);
    const double stated = figures.value("stated_acc", 0.0);
    const double speaker = figures.value("speaker_acc", 0.0);
    std::printf("%s: assert_p=%.3f assert_r=%.3f assert_f1=%.3f stated_acc=%.3f speaker_acc=%.3f\n", c.name.c_str(),
                figures.value("assert_p", 0.0), figures.value("assert_r", 0.0), f1, stated, speaker);
    EXPECT_GE(f1, c.floors.f1);
    EXPECT_GE(stated, c.floors.stated);
    EXPECT_GE(speaker, c.floors.speaker);
}

INSTANTIATE_TEST_SUITE_P(Shared, Score,
                         ::testing::Values(ScoreCase{"seeds", "seeds", "seeds/gold.toml", {0.95, 0.90, 0.90}},
                                           ScoreCase{"devset", "devset/corpus", "devset/gold.toml", {0.90, 0.90, 0.85}}),
                         [](const auto& info) { return info.param.name; });

}  // namespace
