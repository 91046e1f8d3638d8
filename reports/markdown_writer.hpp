#pragma once
// report.md: the report an editor reads in a terminal or on GitHub. A summary,
// each finding with its sides side by side (quote, speaker, outlet, stated date
// and its provenance, file:line), per-subject timelines, the sources table,
// skipped inputs, stale [[ignore]] entries and, with a baseline, resolved
// findings. It formats the RunOutput only; ordering and escaping come from
// report_text.hpp.
#include <string>

#include "reports/report_writer.hpp"

namespace factline {

class MarkdownWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view format() const override { return "md"; }
    void write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
               std::ostream& stream, Diagnostics& diagnostics) const override;
    [[nodiscard]] std::vector<std::string> outputs(const std::filesystem::path& out_dir) const override;
};

/// The whole report.md text (deterministic: same run, same bytes).
[[nodiscard]] std::string render_markdown(const RunOutput& run, const ReportContext& context);

}  // namespace factline
