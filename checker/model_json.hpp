#pragma once
// JSON Lines form of the run's data (SPEC §5): one object per line, keys in a
// fixed order so output is byte-stable. Readers accept what the writers wrote
// (reduce, report, explain and --baseline read these files back).
#include <filesystem>
#include <functional>
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

/// to_json_line() appended to `line` (no newline): the writers fill a block
/// of lines in one string, with no string made per line.
void append_json_line(std::string& line, const Assertion& assertion);
void append_json_line(std::string& line, const Finding& finding);
/// The same, handing `line` to `drain` (which writes it out and empties it)
/// whenever it holds more than `drain_bytes` after a piece of evidence.
void append_json_line(std::string& line, const Finding& finding, std::size_t drain_bytes,
                      const std::function<void(std::string&)>& drain);
void append_json_line(std::string& line, const DocumentRecord& record);

/// Reads a JSON Lines file of the given kind; a bad line is reported at file:line:col and skipped.
[[nodiscard]] std::vector<Assertion> read_assertions(const std::filesystem::path& path, Diagnostics& diagnostics);
[[nodiscard]] std::vector<Finding> read_findings(const std::filesystem::path& path, Diagnostics& diagnostics);
[[nodiscard]] std::vector<DocumentRecord> read_documents(const std::filesystem::path& path, Diagnostics& diagnostics);

/// Writes findings.jsonl a few MiB at a time, on this thread: a finding that
/// cites a whole corpus's assertions is a line of hundreds of MB (a 1 M-article
/// run's largest is over 100 MB), never held whole. False (and a diagnostic)
/// when the file cannot be written.
bool write_findings(const std::filesystem::path& path, const std::vector<Finding>& findings,
                    Diagnostics& diagnostics);

/// Writes line(i) for i < count to `path`, one per line; false (and a
/// diagnostic) when the file cannot be written. Lines are made a block at a
/// time on `jobs` threads (0: all cores) and written in order as they are
/// made (no vector of all lines): the file is the same for any `jobs`.
bool write_lines(const std::filesystem::path& path, std::size_t count,
                 const std::function<void(std::size_t, std::string&)>& append_line, Diagnostics& diagnostics, int jobs);

/// Writes each item's to_json_line() to `path`, one per line (write_lines),
/// appended in place where the type has append_json_line().
template <typename T>
bool write_json_lines(const std::filesystem::path& path, const std::vector<T>& items, Diagnostics& diagnostics,
                      int jobs = 1) {
    const auto append_line = [&](std::size_t i, std::string& text) {
        if constexpr (requires { append_json_line(text, items[i]); }) {
            append_json_line(text, items[i]);
        } else {
            text += to_json_line(items[i]);
        }
    };
    return write_lines(path, items.size(), append_line, diagnostics, jobs);
}

}  // namespace factline
