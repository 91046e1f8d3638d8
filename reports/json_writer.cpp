#include "reports/json_writer.hpp"

#include "checker/model_json.hpp"

namespace factline {

namespace {
template <typename T>
std::vector<std::string> lines_of(const std::vector<T>& items) {
    std::vector<std::string> lines;
    lines.reserve(items.size());
    for (const auto& item : items) lines.push_back(to_json_line(item));
    return lines;
}
}  // namespace

void JsonWriter::write(const RunOutput& run, const ReportContext&, const std::filesystem::path& out_dir,
                       std::ostream&, Diagnostics& diagnostics) const {
    write_json_lines(out_dir / "documents.jsonl", lines_of(run.documents), diagnostics);
    write_json_lines(out_dir / "assertions.jsonl", lines_of(run.assertions), diagnostics);
    write_json_lines(out_dir / "findings.jsonl", lines_of(run.findings), diagnostics);
}

std::vector<std::string> JsonWriter::outputs(const std::filesystem::path& out_dir) const {
    return {(out_dir / "documents.jsonl").string(), (out_dir / "assertions.jsonl").string(),
            (out_dir / "findings.jsonl").string()};
}

}  // namespace factline
