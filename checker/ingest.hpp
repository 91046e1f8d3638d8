#pragma once
// Stage 1 of the pipeline: turns paths (files, directories, "-" for stdin) into
// Documents. Decodes UTF-8 (with BOM), UTF-16 (with BOM), HTML (text extracted)
// and JSON Lines records; reads `sources.toml` sidecars and `[[source]]`
// manifests. Never throws on bad input: such input is listed in Corpus::skipped
// with a reason, or processed with a warning. Does not analyse the text.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checker/document.hpp"

namespace factline {

struct IngestOptions {
    std::uint64_t max_file_bytes = 256ull * 1024 * 1024;  // larger files are skipped with a reason
    /// Manifest entries from the config, keyed by normalised absolute path.
    std::map<std::string, SourceMeta> manifest;
    int jobs = 1;  // threads reading a folder's files (0: all cores); the corpus is the same for any value
    /// Set by another thread when the run is abandoned (its rules failed to
    /// load): no further file or folder batch is read. Null: never.
    const std::atomic<bool>* stop = nullptr;
    /// Where the documents go as they are read, when set (`check` analyses
    /// them while the rest is read: issue 7's 1 M-article corpus held 1.4 GB
    /// of text when it was read whole first). In corpus order: a batch
    /// whenever the documents read hold `batch_bytes` of text, the rest
    /// before ingest() returns, whose Corpus then holds no documents (its
    /// skipped inputs and messages as without). Unset: all in the Corpus.
    std::function<void(std::vector<Document>&&)> on_documents;
    std::size_t batch_bytes = std::size_t{32} << 20;
};

/// Reads every path. Directories are walked recursively in sorted order
/// (dot folders and linked folders are not entered); only article extensions
/// (.txt .text .md .html .htm .jsonl .json, or none) are read there, other
/// files are listed as skipped. A file given by name is read whatever its
/// extension. A `sources.toml` (in a walked folder, or beside a file given by
/// name) is metadata, never an article. Metadata precedence: config manifest,
/// then sidecar, then an HTML page's own <meta> tags; JSONL records carry their own.
/// `stdin_stream` is read when a path is "-". Never throws; every input ends
/// in Corpus::documents or Corpus::skipped.
[[nodiscard]] Corpus ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                            std::istream& stdin_stream);

/// Parses `[[source]]` tables of a TOML file into `manifest` (paths relative
/// to the TOML file's folder). Errors name file:line:col.
void read_source_tables(const std::filesystem::path& toml_file, std::map<std::string, SourceMeta>& manifest,
                        Diagnostics& diagnostics);

/// Key used in IngestOptions::manifest for a file path.
[[nodiscard]] std::string manifest_key(const std::filesystem::path& path);

/// Decodes raw bytes to UTF-8 text preserving lines and code-point columns.
/// Returns false (and sets `reason`) for bytes that are not text (binary).
/// Invalid UTF-8 sequences become U+FFFD and are reported in `diagnostics`.
/// Takes the bytes by value: valid UTF-8 (most input) becomes the text
/// without a copy, which halves the peak of reading a large JSON Lines file.
[[nodiscard]] bool decode_text(std::string bytes, const std::string& path, std::string& text,
                               std::string& reason, Diagnostics& diagnostics);

/// True when decode_text() would return `bytes` as they are (but a UTF-8
/// BOM): no UTF-16/32 BOM, no NUL, not binary, valid UTF-8. `file_start`:
/// `bytes` begin the file (BOMs and the binary sniff look there); a file read
/// a block at a time decodes to itself when every block does.
[[nodiscard]] bool decodes_to_itself(std::string_view bytes, bool file_start);

/// Extracts readable text from HTML: tags stripped, script/style dropped,
/// entities decoded, block elements become line breaks.
[[nodiscard]] std::string html_to_text(std::string_view html);

// ---- additions used by ingest() and its tests -------------------------------

/// Text and page metadata of one HTML page. `text` starts with the <title>
/// (the headline), then one paragraph per block element, separated by blank
/// lines. `meta` holds what the page itself declares: <link rel=canonical> or
/// og:url, og:site_name, article:published_time (date part).
struct HtmlPage {
    std::string text;
    SourceMeta meta;
};

/// html_to_text() plus the page's own metadata. Iterative: nesting depth and
/// malformed markup cost nothing.
[[nodiscard]] HtmlPage read_html_page(std::string_view html);

/// True when `text` starts (after whitespace) with "<!doctype html" or "<html",
/// case-insensitive.
[[nodiscard]] bool looks_like_html(std::string_view text);

/// True when the first non-blank line of `text` is a JSON object with a
/// string "text" member (for stdin and files without an extension).
[[nodiscard]] bool looks_like_json_lines(std::string_view text);

/// Reads JSON Lines records from the decoded `text` of the file shown as
/// `path`: each good record becomes a Document (path = its "id", else
/// "path:line"); a malformed one is an error at path:line:col (id
/// input.jsonl) and is listed in corpus.skipped. Blank lines are ignored.
/// `jobs` threads parse the records; the corpus is the same for any value.
void read_json_lines(std::string_view text, const std::string& path, Corpus& corpus, int jobs = 1);

/// read_json_lines() over part of a file: `text` holds whole lines, the first
/// of which is line `lines_before` + 1. A line longer than `max_line_bytes` is
/// rejected unread (the size limit of a record). Returns the number of the
/// last line read (`lines_before` + the lines of `text`).
std::uint32_t read_json_lines_block(std::string_view text, std::uint32_t lines_before, const std::string& path,
                                    Corpus& corpus, int jobs, std::uint64_t max_line_bytes);

/// The error and skipped entry of line `number`, a record of `bytes` over `limit`,
/// as read_json_lines_block() makes them (for a line too long to be held).
void reject_oversized_record(Corpus& corpus, const std::string& path, std::uint32_t number, std::uint64_t bytes,
                             std::uint64_t limit);

/// How stream_json_lines_file() ended.
enum class JsonLinesStream {
    read,       // records (and rejected lines) are in the corpus
    skipped,    // `reason` says why the file was not read (unreadable, empty)
    fall_back,  // not plain UTF-8 (UTF-16, NULs, invalid bytes): decode the whole file instead; corpus untouched
};

/// How stream_json_lines_file() may pass a large file's records on before
/// its end (IngestOptions::on_documents).
struct JsonLinesHandOver {
    /// Files up to this size are read whole first, as without a hand-over.
    std::uint64_t above_bytes = 0;
    /// Called after each block's records joined the corpus; false: stop reading the file.
    std::function<bool()> after_block;
};

/// Reads the regular JSON Lines file `file` (shown as `path`) a block of
/// lines at a time, so that the raw file is never held whole and its size
/// has no limit; `max_line_bytes` limits each record instead. The corpus is
/// the same as read_json_lines() over the decoded file, for any `block_bytes`
/// (the size of one read; tests make it small). One MiB: a larger buffer is
/// only more fresh pages to fault in (16 MiB cost ~4,000 faults on Reuters);
/// read_json_lines_block cuts a block's lines into at least four chunks per
/// thread, so its records are still decoded on all threads.
/// Records join the corpus once the whole file has read as plain UTF-8, since
/// a later block may send it back (fall_back). With `hand_over`, a file
/// larger than its `above_bytes` is first checked whole (one more sequential
/// read), and if it is plain its records join the corpus block by block; it
/// is then never sent back, and a read error ends it with the records read so far.
[[nodiscard]] JsonLinesStream stream_json_lines_file(const std::filesystem::path& file, const std::string& path,
                                                     Corpus& corpus, int jobs, std::uint64_t max_line_bytes,
                                                     std::string& reason,
                                                     std::size_t block_bytes = std::size_t{1} << 20,
                                                     const JsonLinesHandOver* hand_over = nullptr);

/// One `[[source]]` entry with where it stands in its TOML file.
struct SourceEntry {
    std::string key;   // manifest_key() of the file it describes
    std::string path;  // as written in the TOML file
    SourceMeta meta;
    std::uint32_t line = 0;
    std::uint32_t col = 0;
};

/// manifest_key() of an entry's path (as written in its TOML file) when the
/// caller knows it without a system call (a walk's plain files); nullopt:
/// resolve it as usual.
using KnownKeys = std::function<std::optional<std::string>(const std::string& written)>;

/// The `[[source]]` entries of a TOML file (errors at file:line:col). A
/// `sidecar` (sources.toml) may hold nothing else, so other top-level keys are
/// errors there; in factline.toml they belong to the config. The entries'
/// keys are made on `jobs` threads (0: all cores), those `known` knows by it.
[[nodiscard]] std::vector<SourceEntry> read_source_entries(const std::filesystem::path& toml_file, bool sidecar,
                                                           Diagnostics& diagnostics, int jobs = 1,
                                                           const KnownKeys& known = {});

/// "file too large (3 MiB > limit 1 MiB; raise [input] max_file_mb)", for `what` = "file".
[[nodiscard]] std::string too_large_reason(std::string_view what, std::uint64_t bytes, std::uint64_t limit);

/// True when `text` holds only whitespace (nothing to analyse).
[[nodiscard]] bool is_blank(std::string_view text);

}  // namespace factline
