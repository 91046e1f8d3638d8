#include "reports/text_writer.hpp"

#include <fmt/format.h>

namespace factline {

namespace {
/// GitHub annotation values may not hold raw newlines, '%' or (in properties) ',' and ':'.
std::string github_escape(std::string_view text, bool property) {
    std::string out;
    for (char c : text) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else if (property && c == ':') out += "%3A";
        else if (property && c == ',') out += "%2C";
        else out += c;
    }
    return out;
}
}  // namespace

void TextWriter::write(const RunOutput& run, const ReportContext&, const std::filesystem::path&, std::ostream& stream,
                       Diagnostics&) const {
    for (const auto& finding : run.findings) {
        const FindingEvidence* primary = nullptr;
        for (const auto& side : finding.sides) {
            if (!side.evidence.empty()) {
                primary = &side.evidence.front();
                break;
            }
        }
        const std::string doc = primary ? primary->doc.str() : std::string("-");
        const std::uint32_t line = primary ? primary->line : 1;
        const std::uint32_t col = primary ? primary->col : 1;
        if (github_) {
            const char* level = finding.severity == Severity::error     ? "error"
                                : finding.severity == Severity::warning ? "warning"
                                                                        : "notice";
            stream << fmt::format("::{} file={},line={},col={},title={}::{}\n", level, github_escape(doc, true), line,
                                  col, github_escape(finding.kind + " " + finding.id, true),
                                  github_escape(finding.message, false));
        } else {
            stream << fmt::format("{}:{}:{}: {}: {} [{}]\n", doc, line, col, to_string(finding.severity),
                                  finding.message, finding.kind);
        }
    }
}

}  // namespace factline
