#pragma once
// A small rule pack written for one test: the shipped lexicon and the given
// patterns (one patterns/status.toml), loaded like any pack.
#include <filesystem>
#include <fstream>
#include <string>

#include "checker/rule_pack.hpp"

namespace factline::testing {

inline RuleSet load_pattern_pack(const std::filesystem::path& dir, const std::string& status_patterns,
                                 Diagnostics& diagnostics) {
    namespace fs = std::filesystem;
    fs::create_directories(dir / "patterns");
    fs::copy(fs::path(FACTLINE_SOURCE_DIR) / "rules/core/lexicon", dir / "lexicon");
    std::ofstream(dir / "pack.toml") << "name = \"t\"\n";
    std::ofstream(dir / "patterns/status.toml") << status_patterns;
    return load_rules({dir}, diagnostics);
}

}  // namespace factline::testing
