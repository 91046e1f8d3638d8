#pragma once
// Shared by the CLI tests: run the factline binary in a scratch folder, read
// JSON Lines back, and build a rules root holding only the shipped conflict
// rules (so these tests do not depend on the extraction rules' state).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>
#include <vector>

#include "support/temp_dir.hpp"

namespace factline::testing {

namespace fs = std::filesystem;

/// A fresh folder under the system temp folder, removed at the end. It holds
/// an empty factline.toml: factline looks for the nearest one upwards from
/// its working folder, and without this a factline.toml left in /tmp (or
/// $TMPDIR) would configure every run here (fail_on, formats, ignores).
class Scratch {
public:
    Scratch() { std::ofstream(dir_ / "factline.toml"); }
    [[nodiscard]] const fs::path& dir() const { return dir_.path(); }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return dir_ / name; }

private:
    TempDir dir_{"factline-cli"};
};

/// Runs `factline ARGS` in `cwd`; returns the exit code (-1 when it did not exit normally).
/// $FACTLINE_CONFIG is unset for it: a developer's would configure the run.
inline int run_factline(const fs::path& cwd, const std::string& args) {
    const std::string command = "cd '" + cwd.string() + "' && env -u FACTLINE_CONFIG '" + std::string(FACTLINE_BINARY) +
                                "' " + args + " 2>>factline-stderr.txt";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::vector<nlohmann::json> read_jsonl(const fs::path& path) {
    std::vector<nlohmann::json> rows;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
    }
    return rows;
}

/// A rules root with the source tree's core pack.toml and conflicts/ only.
inline fs::path conflict_rules_root(const Scratch& scratch) {
    const fs::path source = fs::path(FACTLINE_SOURCE_DIR) / "rules" / "core";
    const fs::path root = scratch / "rules";
    fs::create_directories(root / "core");
    fs::copy_file(source / "pack.toml", root / "core" / "pack.toml");
    fs::copy(source / "conflicts", root / "core" / "conflicts");
    return root;
}

}  // namespace factline::testing
