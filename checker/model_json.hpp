#pragma once
// JSON Lines form of the run's data (SPEC §5): one object per line, keys in a
// fixed order so output is byte-stable. Readers accept what the writers wrote
// (reduce, report, explain and --baseline read these files back).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/diagnostic.hpp"
#include "checker/finding.hpp"
#include "checker/parallel.hpp"
#include "checker/pipeline.hpp"

namespace factline {

[[nodiscard]] std::string to_json_line(const Assertion& assertion);
[[nodiscard]] std::string to_json_line(const Finding& finding);
[[nodiscard]] std::string to_json_line(const DocumentRecord& record);

/// Reads a JSON Lines file of the given kind; a bad line is reported at file:line:col and skipped.
[[nodiscard]] std::vector<Assertion> read_assertions(const std::filesystem::path& path, Diagnostics& diagnostics);
[[nodiscard]] std::vector<Finding> read_findings(const std::filesystem::path& path, Diagnostics& diagnostics);
[[nodiscard]] std::vector<DocumentRecord> read_documents(const std::filesystem::path& path, Diagnostics& diagnostics);

/// Writes each item's to_json_line() to `path`, one per line, as they are made
/// (no vector of all lines); false (and a diagnostic) when the file cannot be
/// written. Lines are made a block at a time on `jobs` threads (0: all cores)
/// and written in order: the file is the same for any `jobs`.
template <typename T>
bool write_json_lines(const std::filesystem::path& path, const std::vector<T>& items, Diagnostics& diagnostics,
                      int jobs = 1) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        diagnostics.error("output.unwritable", path.string(), 0, 0, "cannot write file");
        return false;
    }
    constexpr std::size_t block = 1024;         // items per block of text
    constexpr std::size_t blocks_at_once = 16;  // blocks made before they are written: bounds the memory
    std::vector<std::string> texts(blocks_at_once);
    for (std::size_t first = 0; first < items.size(); first += block * blocks_at_once) {
        const std::size_t count = std::min(blocks_at_once, (items.size() - first + block - 1) / block);
        parallel_for(count, jobs, [&](std::size_t b) {
            std::string& text = texts[b];
            text.clear();
            const std::size_t begin = first + b * block;
            const std::size_t end = std::min(items.size(), begin + block);
            for (std::size_t i = begin; i < end; ++i) {
                text += to_json_line(items[i]);
                text += '\n';
            }
        });
        for (std::size_t b = 0; b < count; ++b) out << texts[b];
    }
    return static_cast<bool>(out);
}

}  // namespace factline
