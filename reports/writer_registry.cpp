// The one table of report writers (--format picks from it), in the order
// `known_formats()` lists them.
#include <array>

#include "reports/html_writer.hpp"
#include "reports/json_writer.hpp"
#include "reports/markdown_writer.hpp"
#include "reports/report_writer.hpp"
#include "reports/sarif_writer.hpp"
#include "reports/text_writer.hpp"

namespace factline {

namespace {

struct WriterEntry {
    std::string_view format;
    std::unique_ptr<ReportWriter> (*make)();
};

constexpr std::array<WriterEntry, 6> writers = {{
    {"md", [] { return std::unique_ptr<ReportWriter>(std::make_unique<MarkdownWriter>()); }},
    {"html", [] { return std::unique_ptr<ReportWriter>(std::make_unique<HtmlWriter>()); }},
    {"json", [] { return std::unique_ptr<ReportWriter>(std::make_unique<JsonWriter>()); }},
    {"sarif", [] { return std::unique_ptr<ReportWriter>(std::make_unique<SarifWriter>()); }},
    {"text", [] { return std::unique_ptr<ReportWriter>(std::make_unique<TextWriter>(false)); }},
    {"github", [] { return std::unique_ptr<ReportWriter>(std::make_unique<TextWriter>(true)); }},
}};

}  // namespace

std::unique_ptr<ReportWriter> make_writer(std::string_view format) {
    for (const auto& entry : writers) {
        if (entry.format == format) return entry.make();
    }
    return nullptr;
}

std::vector<std::string> known_formats() {
    std::vector<std::string> out;
    for (const auto& entry : writers) out.emplace_back(entry.format);
    return out;
}

}  // namespace factline
