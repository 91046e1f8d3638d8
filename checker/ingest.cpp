// ingest(): paths to Documents. Walks directories in sorted order, reads each
// file with one read (ingest_read.hpp; JSON Lines a block at a time,
// ingest_jsonl_file.cpp), applies sidecar and config metadata, and sends every
// input either to Corpus::documents or to Corpus::skipped with a reason.
#include "checker/ingest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <future>
#include <optional>
#include <set>
#include <spdlog/spdlog.h>

#include "checker/ingest_read.hpp"
#include "checker/manifest_keys.hpp"
#include "checker/parallel.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

constexpr const char* sidecar_name = "sources.toml";

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

/// JSON Lines by name: read a block at a time (stream_json_lines_file).
bool is_json_lines_extension(const std::string& ext) { return ext == ".jsonl" || ext == ".json"; }

bool is_article_extension(const std::string& ext) {
    static const char* const known[] = {"", ".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".json"};
    return std::find(std::begin(known), std::end(known), ext) != std::end(known);
}

/// One file found in a directory walk, relative to the walked directory.
struct WalkEntry {
    std::string relative;  // generic '/' separators; the sort key
    std::string reason;    // non-empty: list as skipped with this reason
    bool error = false;    // the reason is also an input error (an unreadable folder)
};

class Ingester {
public:
    Ingester(const IngestOptions& options, std::istream& stdin_stream) : options_(options), stdin_(stdin_stream) {}

    void add_path(const std::string& given) {
        if (stopped()) return;
        try {
            add_path_unguarded(given);
        } catch (const std::exception& error) {
            internal_error(given, error.what());
        } catch (...) {
            internal_error(given, "unknown exception");
        }
    }

    [[nodiscard]] bool stopped() const { return options_.stop != nullptr && options_.stop->load(); }

    Corpus finish() {
        warn_unused_sidecar_entries();
        return std::move(corpus_);
    }

private:
    void add_path_unguarded(const std::string& given) {
        if (given == "-") {
            ReadResult read = read_input_stream(stdin_, options_.max_file_bytes);
            if (!read.ok) {
                skip(given, read.reason);
                return;
            }
            add_bytes(given, {}, std::move(read.bytes), "", true);
            return;
        }
        const fs::path path(given);
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
            const std::string reason = fmt::format("cannot read: {}", ec.message());
            corpus_.diagnostics.error("input.unreadable", given, 0, 0, reason);
            skip(given, reason);
            return;
        }
        if (given.empty() || !fs::exists(status)) {
            corpus_.diagnostics.error("input.missing", given, 0, 0, "no such file or directory");
            skip(given, "no such file or directory");
            return;
        }
        if (fs::is_directory(status)) {
            walk(given);
            return;
        }
        if (path.filename() == sidecar_name) {
            read_sidecar(path);  // metadata, never an article (SPEC §1)
            return;
        }
        read_sidecar(path.parent_path().empty() ? fs::path(".") / sidecar_name : path.parent_path() / sidecar_name);
        add_file(given, path);
    }

    /// Collects every file under `root` (iteratively, no symlinked folders),
    /// reads its sidecars first, then the files in sorted order.
    void walk(const std::string& given) {
        const fs::path root(given);
        std::vector<WalkEntry> entries;
        std::vector<std::string> sidecars;
        std::vector<std::string> pending{""};
        while (!pending.empty()) {
            const std::string relative_dir = std::move(pending.back());
            pending.pop_back();
            std::error_code ec;
            fs::directory_iterator it(root / relative_dir, ec);
            if (ec) {
                entries.push_back({relative_dir, fmt::format("cannot read folder: {}", ec.message()), true});
                continue;
            }
            for (; it != fs::directory_iterator(); it.increment(ec)) {
                const std::string name = it->path().filename().string();
                const std::string relative = relative_dir.empty() ? name : relative_dir + "/" + name;
                // The entry's type as the folder listing gave it (no stat per file);
                // a link is followed, as status() would.
                std::error_code status_ec;
                if (it->is_directory(status_ec)) {
                    // Dot folders (.git, .cache) hold no articles; linked folders could loop.
                    if (name.front() == '.') continue;
                    if (it->is_symlink(status_ec)) {
                        entries.push_back({relative, "link to a folder (not followed)", false});
                    } else {
                        pending.push_back(relative);
                    }
                    continue;
                }
                if (name == sidecar_name) {
                    sidecars.push_back(relative);
                } else {
                    entries.push_back({relative, {}, false});
                }
            }
            if (ec) entries.push_back({relative_dir, fmt::format("cannot read folder: {}", ec.message()), true});
        }
        // Outer sidecars first, so that a deeper one wins for its own files.
        std::sort(sidecars.begin(), sidecars.end(), [](const std::string& a, const std::string& b) {
            const auto depth_a = std::count(a.begin(), a.end(), '/');
            const auto depth_b = std::count(b.begin(), b.end(), '/');
            return depth_a != depth_b ? depth_a < depth_b : a < b;
        });
        // The sidecars are parsed while the files are read (a 21,577-entry
        // sources.toml takes as long as reading a fifth of its files); their
        // metadata reaches the documents, and their messages their place
        // before the files', once both are done.
        std::vector<fs::path> to_read;
        for (const auto& sidecar : sidecars) {
            std::error_code ec;
            const fs::path file = root / sidecar;
            if (sidecars_read_.insert(keys_.key(file)).second && fs::is_regular_file(file, ec)) {
                to_read.push_back(file);
            }
        }
        const std::size_t messages_before = corpus_.diagnostics.items().size();
        // One thread (--jobs 1) means one: the sidecars are then read when the walk waits for them.
        const auto policy = thread_count(options_.jobs) > 1 ? std::launch::async : std::launch::deferred;
        std::future<SidecarReading> reading =
            std::async(policy, [this, &to_read] { return read_sidecars(to_read, options_.jobs); });
        waiting_for_sidecars_ = true;
        struct FinishSidecars {  // also when the walk stops early or throws
            Ingester& self;
            std::future<SidecarReading>& reading;
            std::size_t messages_before;
            const std::string& given;
            ~FinishSidecars() { self.finish_sidecars(reading, messages_before, given); }
        } finish{*this, reading, messages_before, given};
        std::sort(entries.begin(), entries.end(),
                  [](const WalkEntry& a, const WalkEntry& b) { return a.relative < b.relative; });
        // What each file is, its manifest key and its bytes are found on all
        // threads first, a batch at a time (a folder of small articles is
        // mostly system calls: stat, the canonical path, the read); adding
        // them to the corpus stays in this sorted, single-threaded loop.
        constexpr std::size_t batch = 512;
        std::vector<std::string> not_article(batch);  // why an entry is no article to read ("" = it is)
        std::vector<std::string> keys(batch);
        std::vector<ReadResult> prefetched(batch);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const std::size_t slot = i % batch;
            if (slot == 0 && stopped()) return;
            if (slot == 0) {
                const std::size_t count = std::min(batch, entries.size() - i);
                parallel_for(count, options_.jobs, [&](std::size_t k) {
                    not_article[k].clear();
                    if (!entries[i + k].reason.empty()) return;
                    const fs::path file = root / entries[i + k].relative;
                    not_article[k] = why_not_article(file);
                    if (!not_article[k].empty()) return;
                    keys[k] = keys_.key(file);
                    prefetched[k] = ReadResult{};
                    if (is_json_lines_extension(lower_extension(file))) return;  // streamed by add_file
                    prefetched[k] = read_input_file(file, options_.max_file_bytes);
                    if (prefetched[k].ok && !prefetched[k].bytes.empty()) {
                        prefetched[k].decoded = decode_input(std::move(prefetched[k].bytes), file.generic_string());
                        prefetched[k].bytes = std::string();
                    }
                });
            }
            const WalkEntry& entry = entries[i];
            const fs::path path = entry.relative.empty() ? root : root / entry.relative;
            const std::string shown = entry.relative.empty() ? given : path.generic_string();
            try {
                if (!entry.reason.empty()) {
                    if (entry.error) corpus_.diagnostics.error("input.unreadable", shown, 0, 0, entry.reason);
                    skip(shown, entry.reason);
                } else if (!not_article[slot].empty()) {
                    skip(shown, not_article[slot]);
                } else {
                    add_file(shown, path, &prefetched[slot], std::move(keys[slot]));
                }
            } catch (const std::exception& error) {
                internal_error(shown, error.what());
            }
        }
    }

    /// Why a file found in a walk is not read as an article; "" when it is one.
    static std::string why_not_article(const fs::path& path) {
        const std::string name = path.filename().string();
        const std::string ext = lower_extension(path);
        std::error_code ec;
        if (name.empty() || name.front() == '.') return "hidden file";
        if (!is_article_extension(ext)) return fmt::format("not a text article (extension {})", ext);
        if (!fs::is_regular_file(path, ec)) return "not a regular file";
        return "";
    }

    /// `prefetched` and `key`: the file's bytes and manifest_key() when the walk already has them.
    void add_file(const std::string& shown, const fs::path& path, ReadResult* prefetched = nullptr,
                  std::string key = {}) {
        if (key.empty()) key = keys_.key(path);
        if (!seen_.insert(key).second) {
            spdlog::debug("{}: given more than once; read once", shown);
            return;
        }
        const std::string ext = lower_extension(path);
        if (is_json_lines_extension(ext)) {
            std::string reason;
            switch (stream_json_lines_file(path, shown, corpus_, options_.jobs, options_.max_file_bytes, reason)) {
                case JsonLinesStream::read: return;
                case JsonLinesStream::skipped: skip(shown, reason); return;
                case JsonLinesStream::fall_back: prefetched = nullptr; break;  // the walk did not read it
            }
        }
        ReadResult read = prefetched != nullptr ? std::move(*prefetched) : read_input_file(path, options_.max_file_bytes);
        if (!read.ok) {
            skip(shown, read.reason);
            return;
        }
        if (read.decoded) {
            add_text(shown, std::move(key), std::move(*read.decoded), ext, false);
        } else {
            add_bytes(shown, std::move(key), std::move(read.bytes), ext, false);
        }
    }

    /// Decodes one input, then add_text().
    void add_bytes(const std::string& shown, std::string key, std::string bytes, const std::string& ext,
                   bool from_stdin) {
        if (bytes.empty()) {
            skip(shown, "empty file");
            return;
        }
        DecodedText decoded = decode_input(std::move(bytes), shown);  // valid UTF-8 moves, not copied
        add_text(shown, std::move(key), std::move(decoded), ext, from_stdin);
    }

    /// Dispatches one decoded input by its extension, else by its content.
    void add_text(const std::string& shown, std::string key, DecodedText decoded, const std::string& ext,
                  bool from_stdin) {
        corpus_.diagnostics.append(decoded.messages);
        if (!decoded.is_text) {
            skip(shown, decoded.reason);
            return;
        }
        std::string& text = decoded.text;
        if (is_blank(text)) {
            skip(shown, "empty file");
            return;
        }
        const bool untyped = from_stdin || ext.empty();
        if (is_json_lines_extension(ext) || (untyped && looks_like_json_lines(text))) {
            read_json_lines(text, shown, corpus_, options_.jobs);
            return;
        }
        Document document;
        document.path = shown;
        if (ext == ".html" || ext == ".htm" || looks_like_html(text)) {
            HtmlPage page = read_html_page(text);
            if (is_blank(page.text)) {
                skip(shown, "empty file (no text in the HTML page)");
                return;
            }
            document.text = std::move(page.text);
            document.meta = std::move(page.meta);
            document.format = DocumentFormat::html;
        } else {
            document.text = std::move(text);
        }
        if (waiting_for_sidecars_ && !key.empty() && options_.manifest.count(key) == 0) {
            awaiting_sidecar_.emplace_back(corpus_.documents.size(), std::move(key));
        } else if (const SourceMeta* meta = metadata_for(key)) {
            document.meta = *meta;
        }
        corpus_.documents.push_back(std::move(document));
    }

    /// What the sidecars of one walked folder hold, read on another thread.
    struct SidecarReading {
        std::vector<std::pair<std::string, std::vector<SourceEntry>>> sidecars;  // (file, entries), outer first
        Diagnostics diagnostics;
        std::string failure;  // an exception's message: the walk ends in an internal error, as before
    };

    static SidecarReading read_sidecars(const std::vector<fs::path>& files, int jobs) {
        SidecarReading reading;
        try {
            for (const auto& file : files) {
                reading.sidecars.emplace_back(file.generic_string(),
                                              read_source_entries(file, true, reading.diagnostics, jobs));
            }
        } catch (const std::exception& error) {
            reading.failure = error.what();
        }
        return reading;
    }

    /// Waits for the walk's sidecars, records them as read_sidecar would
    /// have, and gives the documents read meanwhile their metadata.
    void finish_sidecars(std::future<SidecarReading>& reading, std::size_t messages_before, const std::string& given) {
        waiting_for_sidecars_ = false;
        SidecarReading read = reading.get();
        corpus_.diagnostics.insert(messages_before, read.diagnostics);
        for (auto& [file, entries] : read.sidecars) record_sidecar(file, std::move(entries));
        for (const auto& [index, key] : awaiting_sidecar_) {
            if (const SourceMeta* meta = metadata_for(key)) corpus_.documents[index].meta = *meta;
        }
        awaiting_sidecar_.clear();
        if (!read.failure.empty()) internal_error(given, read.failure);
    }

    /// Config entries beat sidecar entries; either beats the page's own tags.
    const SourceMeta* metadata_for(const std::string& key) const {
        if (key.empty()) return nullptr;
        if (auto it = options_.manifest.find(key); it != options_.manifest.end()) return &it->second;
        if (auto it = sidecar_.find(key); it != sidecar_.end()) return &it->second;
        return nullptr;
    }

    void read_sidecar(const fs::path& file) {
        std::error_code ec;
        const std::string key = keys_.key(file);
        if (!sidecars_read_.insert(key).second || !fs::is_regular_file(file, ec)) return;
        record_sidecar(file.generic_string(), read_source_entries(file, true, corpus_.diagnostics, options_.jobs));
    }

    /// A sidecar's entries, in file order: a later entry (or sidecar) for the same file wins.
    void record_sidecar(const std::string& file, std::vector<SourceEntry> entries) {
        for (auto& entry : entries) {
            sidecar_.insert_or_assign(entry.key, entry.meta);
            sidecar_entries_.push_back({file, std::move(entry)});
        }
    }

    /// A sidecar entry naming no existing file is most likely a typo.
    void warn_unused_sidecar_entries() {
        for (const auto& [file, entry] : sidecar_entries_) {
            if (seen_.count(entry.key) > 0) continue;  // a file this run read
            std::error_code ec;
            if (fs::exists(entry.key, ec)) continue;
            corpus_.diagnostics.warning("source.no-file", file, entry.line, entry.col,
                                        fmt::format("[[source]] path '{}' names no file", entry.path));
        }
    }

    void skip(const std::string& shown, std::string reason) {
        spdlog::debug("{}: skipped: {}", shown, reason);
        corpus_.skipped.push_back({shown, std::move(reason)});
    }

    void internal_error(const std::string& shown, const std::string& what) {
        corpus_.diagnostics.error("input.internal", shown, 0, 0, fmt::format("internal error while reading: {}", what));
        skip(shown, fmt::format("internal error while reading: {}", what));
    }

    const IngestOptions& options_;
    std::istream& stdin_;
    Corpus corpus_;
    std::map<std::string, SourceMeta> sidecar_;
    std::vector<std::pair<std::string, SourceEntry>> sidecar_entries_;  // (sidecar file, entry)
    std::set<std::string> sidecars_read_;
    std::set<std::string> seen_;
    ManifestKeys keys_;
    // While a walk's sidecars are read on another thread: the documents that
    // had no config metadata, by index, with their manifest keys.
    bool waiting_for_sidecars_ = false;
    std::vector<std::pair<std::size_t, std::string>> awaiting_sidecar_;
};

}  // namespace

Corpus ingest(const std::vector<std::string>& paths, const IngestOptions& options, std::istream& stdin_stream) {
    Ingester ingester(options, stdin_stream);
    for (const auto& path : paths) ingester.add_path(path);
    return ingester.finish();
}

}  // namespace factline
