#pragma once
// A corpus document as the pipeline sees it after ingestion: decoded UTF-8 text
// whose lines and code-point columns equal the original file's (so evidence
// line:col points into the user's file), plus its source metadata.
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "checker/civil_date.hpp"
#include "checker/diagnostic.hpp"

namespace factline {

/// Per-document metadata from a `[[source]]` table, a JSON Lines record or the
/// command line. Metadata beats inference (SPEC §1).
struct SourceMeta {
    std::string url;
    std::string outlet;
    std::optional<CivilDate> published;  // set only when the manifest gives a date
};

/// What an input was read as (a byte, not a string: there is one per document).
enum class DocumentFormat : std::uint8_t { text, html, jsonl };

struct Document {
    std::string path;  // as the user gave it; "-" for stdin; "file.jsonl:N" (or the record's id) for JSONL
    std::string text;  // UTF-8; BOM removed; invalid bytes replaced one-for-one by U+FFFD
    SourceMeta meta;
    DocumentFormat format = DocumentFormat::text;
};

/// An input that could not be processed, with the reason shown in reports.
struct Skipped {
    std::string path;
    std::string reason;
};

struct Corpus {
    std::vector<Document> documents;  // in deterministic (sorted path) order
    std::vector<Skipped> skipped;
    Diagnostics diagnostics;          // warnings about inputs (invalid bytes, malformed JSONL lines, …)

    /// Moves `part`'s documents, skipped inputs and messages to the end of this corpus.
    void append(Corpus&& part) {
        documents.insert(documents.end(), std::make_move_iterator(part.documents.begin()),
                         std::make_move_iterator(part.documents.end()));
        skipped.insert(skipped.end(), std::make_move_iterator(part.skipped.begin()),
                       std::make_move_iterator(part.skipped.end()));
        diagnostics.append(part.diagnostics);
    }
};

}  // namespace factline
