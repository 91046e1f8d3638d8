#pragma once
// Stage 1 of the pipeline: turns paths (files, directories, "-" for stdin) into
// Documents. Decodes UTF-8 (with BOM), UTF-16 (with BOM), HTML (text extracted)
// and JSON Lines records; reads `sources.toml` sidecars and `[[source]]`
// manifests. Never throws on bad input: such input is listed in Corpus::skipped
// with a reason, or processed with a warning. Does not analyse the text.
#include <cstdint>
#include <filesystem>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "checker/document.hpp"

namespace factline {

struct IngestOptions {
    std::uint64_t max_file_bytes = 256ull * 1024 * 1024;  // larger files are skipped with a reason
    /// Manifest entries from the config, keyed by normalised absolute path.
    std::map<std::string, SourceMeta> manifest;
};

/// Reads every path. Directories are walked recursively in sorted order;
/// a `sources.toml` at a directory's root is metadata, never an article.
/// `stdin_stream` is read when a path is "-".
[[nodiscard]] Corpus ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                            std::istream& stdin_stream);

/// Parses `[[source]]` tables of a TOML file into `manifest` (paths relative
/// to the TOML file's folder). Errors name file:line:col.
void read_source_tables(const std::filesystem::path& toml_file, std::map<std::string, SourceMeta>& manifest,
                        Diagnostics& diagnostics);

/// Key used in IngestOptions::manifest for a file path.
[[nodiscard]] std::string manifest_key(const std::filesystem::path& path);

/// Decodes raw bytes to UTF-8 text preserving lines and code-point columns.
/// Returns false (and sets `reason`) for bytes that are not text (binary).
/// Invalid UTF-8 sequences become U+FFFD and are reported in `diagnostics`.
[[nodiscard]] bool decode_text(const std::string& bytes, const std::string& path, std::string& text,
                               std::string& reason, Diagnostics& diagnostics);

/// Extracts readable text from HTML: tags stripped, script/style dropped,
/// entities decoded, block elements become line breaks.
[[nodiscard]] std::string html_to_text(std::string_view html);

}  // namespace factline
