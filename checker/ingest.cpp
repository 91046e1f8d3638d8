// PLACEHOLDER (to be replaced by the ingestion work): reads plain files only.
#include "checker/ingest.hpp"

#include <fstream>
#include <sstream>

namespace factline {

std::string manifest_key(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::weakly_canonical(path, ec).string();
}

void read_source_tables(const std::filesystem::path&, std::map<std::string, SourceMeta>&, Diagnostics&) {}

bool decode_text(const std::string& bytes, const std::string&, std::string& text, std::string&, Diagnostics&) {
    text = bytes;
    return true;
}

std::string html_to_text(std::string_view html) { return std::string(html); }

Corpus ingest(const std::vector<std::string>& paths, const IngestOptions&, std::istream&) {
    Corpus corpus;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        corpus.documents.push_back({path, buffer.str(), {}, "text"});
    }
    return corpus;
}

}  // namespace factline
