#pragma once
// JSON Lines form of the run's data (SPEC §5): one object per line, keys in a
// fixed order so output is byte-stable. Readers accept what the writers wrote
// (reduce, report, explain and --baseline read these files back).
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/diagnostic.hpp"
#include "checker/finding.hpp"
#include "checker/pipeline.hpp"

namespace factline {

[[nodiscard]] std::string to_json_line(const Assertion& assertion);
[[nodiscard]] std::string to_json_line(const Finding& finding);
[[nodiscard]] std::string to_json_line(const DocumentRecord& record);

/// One line per item, in order.
template <typename T>
[[nodiscard]] std::vector<std::string> to_json_lines(const std::vector<T>& items) {
    std::vector<std::string> lines;
    lines.reserve(items.size());
    for (const auto& item : items) lines.push_back(to_json_line(item));
    return lines;
}

/// Reads a JSON Lines file of the given kind; a bad line is reported at file:line:col and skipped.
[[nodiscard]] std::vector<Assertion> read_assertions(const std::filesystem::path& path, Diagnostics& diagnostics);
[[nodiscard]] std::vector<Finding> read_findings(const std::filesystem::path& path, Diagnostics& diagnostics);
[[nodiscard]] std::vector<DocumentRecord> read_documents(const std::filesystem::path& path, Diagnostics& diagnostics);

/// Writes one line per item to `path`; false (and a diagnostic) when the file cannot be written.
bool write_json_lines(const std::filesystem::path& path, const std::vector<std::string>& lines,
                      Diagnostics& diagnostics);

/// The same with each item's to_json_line(), written as it is made (no vector of all lines).
template <typename T>
bool write_json_lines(const std::filesystem::path& path, const std::vector<T>& items, Diagnostics& diagnostics) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        diagnostics.error("output.unwritable", path.string(), 0, 0, "cannot write file");
        return false;
    }
    for (const auto& item : items) out << to_json_line(item) << '\n';
    return static_cast<bool>(out);
}

}  // namespace factline
