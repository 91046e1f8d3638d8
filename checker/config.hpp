#pragma once
// The effective configuration: built-in defaults, overridden by factline.toml
// (found by discover_config), overridden by the command line. Unknown keys and
// wrong types are errors at file:line:col.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checker/diagnostic.hpp"
#include "checker/document.hpp"

namespace factline {

/// A deliberate exception: a finding id, or a kind (and optional subject), with a reason.
struct IgnoreEntry {
    std::string id;
    std::string kind;
    std::string subject;
    std::string reason;
    std::uint32_t line = 0;  // where it stands in the config, for "stale ignore" reports
    std::uint32_t col = 0;
};

struct Config {
    std::filesystem::path file;                 // empty: built-in defaults
    std::vector<std::filesystem::path> rules;   // rule roots; empty: the shipped rules/
    std::vector<std::string> formats{"md", "html", "json", "sarif"};
    std::string out_dir = "factline-out";
    Severity fail_on = Severity::warning;
    double dedup_threshold = 0.6;
    std::uint64_t max_file_bytes = 256ull * 1024 * 1024;
    std::string numeric_date_order = "mdy";     // for "12/8/2022" when nothing else decides: mdy | dmy
    std::map<std::string, SourceMeta> manifest; // [[source]] tables
    std::vector<IgnoreEntry> ignores;
    int jobs = 0;                               // 0: all cores
};

/// `--config FILE`, else $FACTLINE_CONFIG, else the nearest factline.toml from
/// `start` upwards; nullopt means built-in defaults.
[[nodiscard]] std::optional<std::filesystem::path> discover_config(const std::filesystem::path& start);

/// Reads a config file over the defaults.
[[nodiscard]] Config load_config(const std::filesystem::path& file, Diagnostics& diagnostics);

/// The effective configuration as TOML (`factline config`).
[[nodiscard]] std::string describe_config(const Config& config);

/// Default rule roots: $FACTLINE_RULES, else the rules/ folder next to the
/// executable's install prefix or the source tree it was built from.
[[nodiscard]] std::vector<std::filesystem::path> default_rule_roots();

[[nodiscard]] std::optional<Severity> parse_severity(std::string_view text);

}  // namespace factline
