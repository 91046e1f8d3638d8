// `[[source]]` tables (SPEC §1): per-file url, outlet and published date, from
// factline.toml or a sources.toml sidecar. Paths are relative to the TOML file
// that holds them and are keyed by manifest_key().
#include <fmt/format.h>

#include "checker/ingest.hpp"
#include "checker/ingest_read.hpp"
#include "checker/manifest_keys.hpp"
#include "checker/parallel.hpp"
#include "checker/source_lines.hpp"
#include "checker/toml_source.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

/// "YYYY-MM-DD", "" (unknown) or a TOML date; anything else is an error at the value.
std::optional<CivilDate> read_published(const fs::path& file, const toml::node& node, Diagnostics& diagnostics) {
    if (const auto* date = node.as_date()) {
        const CivilDate civil{static_cast<int>(date->get().year), static_cast<int>(date->get().month),
                              static_cast<int>(date->get().day)};
        if (is_valid(civil)) return civil;
    } else if (auto text = node.value<std::string>()) {
        if (text->empty()) return std::nullopt;
        if (auto parsed = parse_iso(*text)) return parsed;
        error_at(diagnostics, file, node, "source.published",
                 fmt::format("'published' must be a date YYYY-MM-DD or \"\" (unknown), not '{}'", *text));
        return std::nullopt;
    }
    error_at(diagnostics, file, node, "source.published", "'published' must be a date YYYY-MM-DD or \"\" (unknown)");
    return std::nullopt;
}

/// The entries of a TOML file as toml++ reads it, with its messages; keys not made yet.
std::vector<SourceEntry> entries_from_tree(const fs::path& toml_file, bool sidecar, Diagnostics& diagnostics) {
    std::vector<SourceEntry> entries;
    const auto parsed = parse_toml_file(toml_file, diagnostics);
    if (!parsed) return entries;
    const toml::table& root = *parsed;
    if (sidecar) check_known_keys(diagnostics, toml_file, root, {"source"}, "sources.toml");
    const toml::node* node = root.get("source");
    if (node == nullptr) return entries;
    const auto* array = node->as_array();
    if (array == nullptr) {
        error_at(diagnostics, toml_file, *node, "source.type", "'source' must be an array of tables ([[source]])");
        return entries;
    }
    for (const auto& item : *array) {
        const auto* table = item.as_table();
        if (table == nullptr) {
            error_at(diagnostics, toml_file, item, "source.type", "each [[source]] entry must be a table");
            continue;
        }
        check_known_keys(diagnostics, toml_file, *table, {"path", "url", "outlet", "published"}, "[[source]]");
        SourceEntry entry;
        entry.line = static_cast<std::uint32_t>(table->source().begin.line);
        entry.col = static_cast<std::uint32_t>(table->source().begin.column);
        entry.path = string_or(diagnostics, toml_file, *table, "path");
        entry.meta.url = string_or(diagnostics, toml_file, *table, "url");
        entry.meta.outlet = string_or(diagnostics, toml_file, *table, "outlet");
        if (const toml::node* published = table->get("published")) {
            entry.meta.published = read_published(toml_file, *published, diagnostics);
        }
        if (entry.path.empty()) {
            if (const toml::node* path = table->get("path"); path && !path->is_string()) continue;  // reported
            diagnostics.error("source.path", toml_file.string(), entry.line, entry.col,
                              "a [[source]] entry needs a 'path'");
            continue;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

/// A sidecar's entries read without toml++, when it is in the plain form (source_lines.hpp).
std::optional<std::vector<SourceEntry>> read_plain_sidecar(const fs::path& toml_file) {
    constexpr std::uint64_t no_limit = ~std::uint64_t{0};
    ReadResult read = read_input_file(toml_file.native(), no_limit);
    if (!read.ok) return std::nullopt;  // the parser says why
    return read_plain_source_entries(read.bytes);
}

}  // namespace

std::string manifest_key(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) return path.lexically_normal().generic_string();
    fs::path canonical = fs::weakly_canonical(absolute, ec);
    return (ec ? absolute.lexically_normal() : canonical).generic_string();
}

std::vector<SourceEntry> read_source_entries(const fs::path& toml_file, bool sidecar, Diagnostics& diagnostics,
                                             int jobs, const KnownKeys& known) {
    std::optional<std::vector<SourceEntry>> plain;
    if (sidecar) plain = read_plain_sidecar(toml_file);
    std::vector<SourceEntry> entries = plain ? std::move(*plain) : entries_from_tree(toml_file, sidecar, diagnostics);
    const fs::path base = toml_file.parent_path();
    // Each key is a canonical path (system calls, fewer for files of a folder already seen): on the threads.
    ManifestKeys keys;
    parallel_for(entries.size(), jobs, [&](std::size_t i) {
        std::optional<std::string> key = known ? known(entries[i].path) : std::nullopt;
        entries[i].key = key ? std::move(*key) : keys.key(base / entries[i].path);
    });
    return entries;
}

void read_source_tables(const fs::path& toml_file, std::map<std::string, SourceMeta>& manifest,
                        Diagnostics& diagnostics) {
    // A later entry for the same file wins, as a later key would in a table.
    for (auto& entry : read_source_entries(toml_file, false, diagnostics)) {
        manifest.insert_or_assign(entry.key, std::move(entry.meta));
    }
}

}  // namespace factline
