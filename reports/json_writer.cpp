#include "reports/json_writer.hpp"

#include "checker/model_json.hpp"

namespace factline {

void JsonWriter::write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
                       std::ostream&, Diagnostics& diagnostics) const {
    write_json_lines(out_dir / "documents.jsonl", run.documents, diagnostics, context.jobs);
    write_json_lines(out_dir / "assertions.jsonl", run.assertions, diagnostics, context.jobs);
    write_json_lines(out_dir / "findings.jsonl", run.findings, diagnostics, context.jobs);
}

std::vector<std::string> JsonWriter::outputs(const std::filesystem::path& out_dir) const {
    return {(out_dir / "documents.jsonl").string(), (out_dir / "assertions.jsonl").string(),
            (out_dir / "findings.jsonl").string()};
}

}  // namespace factline
