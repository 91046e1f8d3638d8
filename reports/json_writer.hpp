#pragma once
// documents.jsonl, assertions.jsonl and findings.jsonl (SPEC §5).
#include "reports/report_writer.hpp"

namespace factline {

class JsonWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view format() const override { return "json"; }
    void write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
               std::ostream& stream, Diagnostics& diagnostics) const override;
    [[nodiscard]] std::vector<std::string> outputs(const std::filesystem::path& out_dir) const override;
};

}  // namespace factline
