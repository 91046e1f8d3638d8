#pragma once
// report.html: one self-contained page (no network: a Content-Security-Policy
// meta tag allows only inline style and script), with the Markdown report's
// content, an anchor per finding id, an inline SVG timeline per (subject,
// topic) — one row per holder group, a marker per dated assertion coloured by
// value, findings' evidence ringed and linked, undated assertions listed apart —
// and filters by kind, severity, subject and outlet. The filters are a small
// vanilla script that only toggles `hidden`; without script the page shows
// everything. All corpus text is HTML-escaped; the script never writes markup.
#include <string>
#include <string_view>

#include "reports/report_writer.hpp"

namespace factline {

class HtmlWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view format() const override { return "html"; }
    void write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
               std::ostream& stream, Diagnostics& diagnostics) const override;
    [[nodiscard]] std::vector<std::string> outputs(const std::filesystem::path& out_dir) const override;
};

/// The whole report.html text (deterministic: same run, same bytes).
[[nodiscard]] std::string render_html(const RunOutput& run, const ReportContext& context);

/// The inline SVG chart of one timeline (exposed for tests).
struct ReportTimeline;
class EvidenceIndex;
[[nodiscard]] std::string render_timeline_svg(const ReportTimeline& timeline, const EvidenceIndex& index);

// Embedded assets (reports/html_assets.cpp).
/// The page's inline stylesheet, print rules included.
[[nodiscard]] std::string_view html_stylesheet();
/// The filter script: reads data-* attributes, toggles `hidden`, writes only textContent numbers.
[[nodiscard]] std::string_view html_filter_script();
/// The marker colour of a value by its index in the timeline's sorted values.
[[nodiscard]] std::string_view value_colour(std::size_t index);

}  // namespace factline
