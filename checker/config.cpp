#include "checker/config.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <sstream>

#include "checker/ingest.hpp"
#include "checker/toml_source.hpp"

#ifndef FACTLINE_SOURCE_RULES_DIR
#define FACTLINE_SOURCE_RULES_DIR "rules"
#endif

namespace factline {

namespace fs = std::filesystem;

std::optional<fs::path> discover_config(const fs::path& start) {
    if (const char* env = std::getenv("FACTLINE_CONFIG"); env != nullptr && *env != '\0') return fs::path(env);
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    while (!dir.empty()) {
        const fs::path candidate = dir / "factline.toml";
        if (fs::is_regular_file(candidate, ec)) return candidate;
        if (dir == dir.parent_path()) break;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "info") return Severity::info;
    if (text == "warning") return Severity::warning;
    if (text == "error") return Severity::error;
    return std::nullopt;
}

namespace {

void read_ignores(const fs::path& path, const toml::table& root, Config& config, Diagnostics& diagnostics) {
    const toml::node* node = root.get("ignore");
    if (node == nullptr) return;
    const auto* array = node->as_array();
    if (array == nullptr) {
        error_at(diagnostics, path, *node, "config.type", "'ignore' must be an array of tables ([[ignore]])");
        return;
    }
    for (const auto& item : *array) {
        const auto* table = item.as_table();
        if (table == nullptr) {
            error_at(diagnostics, path, item, "config.type", "each [[ignore]] entry must be a table");
            continue;
        }
        check_known_keys(diagnostics, path, *table, {"id", "kind", "subject", "reason"}, "[[ignore]]");
        IgnoreEntry entry;
        entry.id = string_or(diagnostics, path, *table, "id");
        entry.kind = string_or(diagnostics, path, *table, "kind");
        entry.subject = string_or(diagnostics, path, *table, "subject");
        entry.reason = string_or(diagnostics, path, *table, "reason");
        entry.line = static_cast<std::uint32_t>(table->source().begin.line);
        entry.col = static_cast<std::uint32_t>(table->source().begin.column);
        if (entry.reason.empty()) {
            error_at(diagnostics, path, item, "config.ignore-reason", "an [[ignore]] entry needs a 'reason'");
        }
        if (entry.id.empty() && entry.kind.empty()) {
            error_at(diagnostics, path, item, "config.ignore-target", "an [[ignore]] entry needs an 'id' or a 'kind'");
        }
        config.ignores.push_back(std::move(entry));
    }
}

}  // namespace

Config load_config(const fs::path& file, Diagnostics& diagnostics) {
    Config config;
    config.file = file;
    auto parsed = parse_toml_file(file, diagnostics);
    if (!parsed) return config;
    const toml::table& root = *parsed;
    check_known_keys(diagnostics, file, root,
                     {"rules", "out", "formats", "fail_on", "jobs", "input", "dedup", "time", "source", "ignore"},
                     "factline.toml");
    const fs::path base = file.parent_path();
    for (const auto& rules : strings_of(diagnostics, file, root, "rules")) config.rules.push_back(base / rules);
    config.out_dir = string_or(diagnostics, file, root, "out", config.out_dir);
    if (root.contains("formats")) config.formats = strings_of(diagnostics, file, root, "formats");
    if (const toml::node* node = root.get("fail_on")) {
        auto severity = parse_severity(node->value_or(std::string{}));
        if (severity) {
            config.fail_on = *severity;
        } else {
            error_at(diagnostics, file, *node, "config.value", "'fail_on' must be one of info, warning, error");
        }
    }
    if (const toml::node* node = root.get("jobs")) {
        if (auto jobs = node->value<std::int64_t>(); jobs && *jobs >= 0) {
            config.jobs = static_cast<int>(*jobs);
        } else {
            error_at(diagnostics, file, *node, "config.value", "'jobs' must be a whole number >= 0");
        }
    }
    if (const auto* input = root["input"].as_table()) {
        check_known_keys(diagnostics, file, *input, {"max_file_mb"}, "[input]");
        if (const toml::node* node = input->get("max_file_mb")) {
            if (auto mb = node->value<double>(); mb && *mb > 0) {
                config.max_file_bytes = static_cast<std::uint64_t>(*mb * 1024 * 1024);
            } else {
                error_at(diagnostics, file, *node, "config.value", "'max_file_mb' must be a positive number");
            }
        }
    }
    if (const auto* dedup = root["dedup"].as_table()) {
        check_known_keys(diagnostics, file, *dedup, {"threshold"}, "[dedup]");
        if (const toml::node* node = dedup->get("threshold")) {
            if (auto t = node->value<double>(); t && *t > 0 && *t <= 1) {
                config.dedup_threshold = *t;
            } else {
                error_at(diagnostics, file, *node, "config.value", "'threshold' must be a number in (0, 1]");
            }
        }
    }
    if (const auto* time = root["time"].as_table()) {
        check_known_keys(diagnostics, file, *time, {"numeric_date_order"}, "[time]");
        config.numeric_date_order = string_or(diagnostics, file, *time, "numeric_date_order", "mdy");
        if (config.numeric_date_order != "mdy" && config.numeric_date_order != "dmy") {
            error_at(diagnostics, file, *time->get("numeric_date_order"), "config.value",
                     "'numeric_date_order' must be 'mdy' or 'dmy'");
        }
    }
    read_source_tables(file, config.manifest, diagnostics);
    read_ignores(file, root, config, diagnostics);
    return config;
}

std::vector<fs::path> default_rule_roots() {
    if (const char* env = std::getenv("FACTLINE_RULES"); env != nullptr && *env != '\0') return {fs::path(env)};
    return {fs::path(FACTLINE_SOURCE_RULES_DIR)};
}

std::string describe_config(const Config& config) {
    std::ostringstream out;
    out << "# effective configuration" << (config.file.empty() ? " (built-in defaults)" : "") << "\n";
    if (!config.file.empty()) out << "# from " << config.file.string() << "\n";
    out << "rules = [";
    const auto roots = config.rules.empty() ? default_rule_roots() : config.rules;
    for (std::size_t i = 0; i < roots.size(); ++i) out << (i ? ", " : "") << toml::value<std::string>(roots[i].string());
    out << "]\n";
    out << "out = " << toml::value<std::string>(config.out_dir) << "\n";
    out << "formats = [";
    for (std::size_t i = 0; i < config.formats.size(); ++i) out << (i ? ", " : "") << '"' << config.formats[i] << '"';
    out << "]\n";
    out << "fail_on = \"" << to_string(config.fail_on) << "\"\n";
    out << "jobs = " << config.jobs << "\n\n";
    out << "[input]\nmax_file_mb = " << fmt::format("{:g}", config.max_file_bytes / (1024.0 * 1024.0)) << "\n\n";
    out << "[dedup]\nthreshold = " << fmt::format("{:g}", config.dedup_threshold) << "\n\n";
    out << "[time]\nnumeric_date_order = \"" << config.numeric_date_order << "\"\n";
    out << "\n# " << config.manifest.size() << " [[source]] entries, " << config.ignores.size()
        << " [[ignore]] entries\n";
    return out.str();
}

}  // namespace factline
