#include "checker/rule_pack.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "checker/toml_source.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

std::optional<RulePackInfo> read_pack_info(const fs::path& dir, Diagnostics& diagnostics) {
    const fs::path file = dir / "pack.toml";
    auto table = parse_toml_file(file, diagnostics);
    if (!table) return std::nullopt;
    check_known_keys(diagnostics, file, *table, {"name", "version", "description"}, "pack.toml");
    RulePackInfo info;
    info.dir = dir;
    info.name = string_or(diagnostics, file, *table, "name");
    info.version = string_or(diagnostics, file, *table, "version");
    info.description = string_or(diagnostics, file, *table, "description");
    if (info.name.empty()) {
        diagnostics.error("rules.pack-name", file.string(), 1, 1, "pack.toml needs a 'name' (rule ids start with it)");
        return std::nullopt;
    }
    return info;
}

std::vector<fs::path> find_pack_dirs(const fs::path& root, Diagnostics& diagnostics) {
    std::vector<fs::path> dirs;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        diagnostics.error("rules.missing", root.string(), 0, 0, "rule folder not found");
        return dirs;
    }
    if (fs::is_regular_file(root / "pack.toml", ec)) return {root};
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        if (entry.is_directory() && fs::is_regular_file(entry.path() / "pack.toml", ec)) dirs.push_back(entry.path());
    }
    std::sort(dirs.begin(), dirs.end());
    if (dirs.empty()) diagnostics.error("rules.empty", root.string(), 0, 0, "no rule pack (a folder with pack.toml) here");
    return dirs;
}

}  // namespace

RuleSet load_rules(const std::vector<fs::path>& roots, Diagnostics& diagnostics) {
    RuleSet rules;
    for (const auto& root : roots) {
        for (const auto& dir : find_pack_dirs(root, diagnostics)) {
            if (auto info = read_pack_info(dir, diagnostics)) rules.packs.push_back(std::move(*info));
        }
    }
    // Lexicons first: patterns and conflict rules of any pack may name ids from any pack.
    for (const auto& pack : rules.packs) load_lexicon(pack, rules.lexicon, diagnostics);
    if (!rules.packs.empty()) compile_lexicon(rules.lexicon);  // no pack: no matcher, as extraction expects
    for (const auto& pack : rules.packs) {
        load_layout_rules(pack, rules.layout, diagnostics);
        load_patterns(pack, rules.lexicon, rules.patterns, diagnostics);
        load_conflict_rules(pack, rules.lexicon, rules.conflicts, diagnostics);
    }
    rules.conflicts.parent_of.insert(rules.lexicon.region_parent.begin(), rules.lexicon.region_parent.end());
    return rules;
}

}  // namespace factline
