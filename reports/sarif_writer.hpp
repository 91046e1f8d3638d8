#pragma once
// report.sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
// One rule per finding kind (with help text), one result per finding located
// at its primary evidence (artifact URI relative to the corpus root, uriBaseId
// CORPUSROOT, 1-based line and code-point column), related locations for the
// other evidence, and partialFingerprints from the stable finding id. Skipped
// inputs and stale [[ignore]] entries become tool execution notifications.
// No absolute path of the corpus root is written, so the file is portable.
#include <string>

#include "reports/report_writer.hpp"

namespace factline {

class SarifWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view format() const override { return "sarif"; }
    void write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
               std::ostream& stream, Diagnostics& diagnostics) const override;
    [[nodiscard]] std::vector<std::string> outputs(const std::filesystem::path& out_dir) const override;
};

/// The whole report.sarif text (pretty-printed JSON, deterministic).
[[nodiscard]] std::string render_sarif(const RunOutput& run, const ReportContext& context);

/// "error" | "warning" | "note": the SARIF level of a finding severity.
[[nodiscard]] std::string_view sarif_level(Severity severity);

}  // namespace factline
