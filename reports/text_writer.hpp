#pragma once
// One line per finding on stdout: `file:line:col: severity: message [kind]`
// (--format text), or GitHub workflow annotations (--format github).
#include "reports/report_writer.hpp"

namespace factline {

class TextWriter final : public ReportWriter {
public:
    explicit TextWriter(bool github) : github_(github) {}
    [[nodiscard]] std::string_view format() const override { return github_ ? "github" : "text"; }
    void write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
               std::ostream& stream, Diagnostics& diagnostics) const override;
    [[nodiscard]] std::vector<std::string> outputs(const std::filesystem::path&) const override { return {}; }

private:
    bool github_;
};

}  // namespace factline
