#pragma once
// Report writers (spdlog-sink style): each formats a RunOutput into one output
// file; they never compute findings. --format picks writers from one table.
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "checker/diagnostic.hpp"
#include "checker/pipeline.hpp"

namespace factline {

/// What writers need besides the run: where the corpus is (for relative URIs).
struct ReportContext {
    std::filesystem::path corpus_root;  // SARIF artifact URIs are relative to it
    std::string tool_version;
    int jobs = 1;                       // threads a writer may use (--jobs; 0: all cores)
};

class ReportWriter {
public:
    virtual ~ReportWriter() = default;
    /// The --format name ("md", "html", "json", "sarif", "text", "github").
    [[nodiscard]] virtual std::string_view format() const = 0;
    /// Writes into `out_dir` (file formats) or `stream` (text/github formats).
    virtual void write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
                       std::ostream& stream, Diagnostics& diagnostics) const = 0;
    /// Paths written by the last write(), for "reports:" lines.
    [[nodiscard]] virtual std::vector<std::string> outputs(const std::filesystem::path& out_dir) const = 0;
};

/// The writer for a --format name, or nullptr when unknown.
[[nodiscard]] std::unique_ptr<ReportWriter> make_writer(std::string_view format);
[[nodiscard]] std::vector<std::string> known_formats();

}  // namespace factline
