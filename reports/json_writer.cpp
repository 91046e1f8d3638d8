#include "reports/json_writer.hpp"

#include <array>
#include <functional>

#include "checker/model_json.hpp"
#include "checker/parallel.hpp"

namespace factline {

void JsonWriter::write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
                       std::ostream&, Diagnostics& diagnostics) const {
    // The three files side by side, the records' each with all the threads:
    // their sizes differ by orders of magnitude (documents.jsonl is nearly
    // all of a run with few claims), so a share of the threads per file left
    // cores idle. The threads briefly outnumber the cores; the lines are made
    // in blocks, so none waits long. The findings are written on one thread a
    // few MiB at a time (write_findings): a few huge findings are a few huge
    // lines, which only another file's work can run beside.
    const int per_file = static_cast<int>(thread_count(context.jobs));
    std::array<Diagnostics, 3> messages;
    const std::array<std::function<void()>, 3> files = {
        [&] { write_json_lines(out_dir / "documents.jsonl", run.documents, messages[0], per_file); },
        [&] { write_json_lines(out_dir / "assertions.jsonl", run.assertions, messages[1], per_file); },
        [&] { write_findings(out_dir / "findings.jsonl", run.findings, messages[2]); },
    };
    parallel_for(files.size(), context.jobs, [&](std::size_t file) { files[file](); });
    for (const auto& m : messages) diagnostics.append(m);
}

std::vector<std::string> JsonWriter::outputs(const std::filesystem::path& out_dir) const {
    return {(out_dir / "documents.jsonl").string(), (out_dir / "assertions.jsonl").string(),
            (out_dir / "findings.jsonl").string()};
}

}  // namespace factline
