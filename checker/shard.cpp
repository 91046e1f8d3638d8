#include "checker/shard.hpp"

#include <iterator>
#include <string>
#include <vector>

#include "checker/model_json.hpp"

namespace factline {

namespace {

constexpr const char* assertions_file = "assertions.jsonl";
constexpr const char* documents_file = "documents.jsonl";
constexpr const char* document_findings_file = "document_findings.jsonl";

template <typename T>
void append(std::vector<T>& to, std::vector<T>&& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

bool write_shard(const RunOutput& run, const std::filesystem::path& dir, Diagnostics& diagnostics) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        diagnostics.error("output.mkdir", dir.string(), 0, 0, "cannot create the shard folder: " + ec.message());
        return false;
    }
    bool ok = write_json_lines(dir / assertions_file, run.assertions, diagnostics);
    ok = write_json_lines(dir / documents_file, run.documents, diagnostics) && ok;
    return write_json_lines(dir / document_findings_file, run.date_findings, diagnostics) && ok;
}

void read_shard(const std::filesystem::path& path, RunOutput& into, Diagnostics& diagnostics) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        append(into.assertions, read_assertions(path, diagnostics));
        return;
    }
    // A shard folder: its assertions are required, the rest is read when there.
    append(into.assertions, read_assertions(path / assertions_file, diagnostics));
    if (std::filesystem::exists(path / documents_file, ec)) {
        append(into.documents, read_documents(path / documents_file, diagnostics));
    }
    if (std::filesystem::exists(path / document_findings_file, ec)) {
        append(into.date_findings, read_findings(path / document_findings_file, diagnostics));
    }
}

}  // namespace factline
