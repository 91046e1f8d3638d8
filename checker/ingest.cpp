// ingest(): paths to Documents. Walks directories in sorted order, reads each
// file with one read (ingest_read.hpp; JSON Lines a block at a time,
// ingest_jsonl_file.cpp), applies sidecar and config metadata, and sends every
// input either to Corpus::documents or to Corpus::skipped with a reason.
#include "checker/ingest.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <future>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <spdlog/spdlog.h>

#include "checker/in_order.hpp"
#include "checker/ingest_read.hpp"
#include "checker/ingest_walk.hpp"
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

/// What the walk's threads find out about one walked file, before the file
/// is added to the corpus in sorted order.
struct PreparedFile {
    std::string key;          // manifest_key()
    std::string ext;          // lower_extension()
    std::string not_article;  // why it is no article to read ("" = it is one)
    std::string failure;      // an exception's message: an internal error for this file
    ReadResult read;          // its bytes, decoded; not for JSON Lines (add_file streams them)
    bool read_ahead = false;  // `read` holds the file
};

/// stream_json_lines_file's read size (its default, given with a hand-over).
constexpr std::size_t json_lines_block_bytes = std::size_t{1} << 20;

/// How many walked files may be read ahead of the one added next: enough to
/// keep every thread busy, few enough that a huge folder is not held twice.
constexpr std::size_t read_ahead_files = 1024;

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
        if (options_.on_documents && !corpus_.documents.empty()) hand_over();
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
            hand_over_if_due();
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
            hand_over_if_due();  // what waited for the walk's sidecars
            return;
        }
        if (path.filename() == sidecar_name) {
            read_sidecar(path);  // metadata, never an article (SPEC §1)
            return;
        }
        read_sidecar(path.parent_path().empty() ? fs::path(".") / sidecar_name : path.parent_path() / sidecar_name);
        add_file(given, given, lower_extension(path));
        hand_over_if_due();
    }

    /// Collects every file under `root` (iteratively, no symlinked folders),
    /// reads its sidecars first, then the files in sorted order.
    void walk(const std::string& given) {
        const fs::path root(given);
        std::vector<WalkEntry> entries;
        std::vector<std::string> sidecars;
        list_walk(root, entries, sidecars);
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
        std::vector<std::pair<fs::path, std::string>> to_read;  // (file, its folder relative to the root)
        for (const auto& sidecar : sidecars) {
            std::error_code ec;
            const fs::path file = root / sidecar;
            if (sidecars_read_.insert(keys_.key(file)).second && fs::is_regular_file(file, ec)) {
                to_read.emplace_back(file, sidecar.substr(0, sidecar.size() - std::strlen(sidecar_name)));
            }
        }
        std::sort(entries.begin(), entries.end(),
                  [](const WalkEntry& a, const WalkEntry& b) { return a.relative < b.relative; });
        const std::optional<std::string> root_key = keys_.walked_folder_key(root);
        const std::size_t messages_before = corpus_.diagnostics.items().size();
        // One thread (--jobs 1) means one: the sidecars are then read when
        // the walk waits for them. Beside the walk, they take one thread, not
        // --jobs more: the walk keeps all of them busy.
        const bool beside = thread_count(options_.jobs) > 1;
        const PlainFiles listed{root_key, entries};
        std::future<SidecarReading> reading =
            std::async(beside ? std::launch::async : std::launch::deferred,
                       [&to_read, &listed, jobs = beside ? 1 : options_.jobs] { return read_sidecars(to_read, listed, jobs); });
        waiting_for_sidecars_ = true;
        sidecar_reading_ = &reading;
        sidecar_messages_before_ = messages_before;
        struct FinishSidecars {  // also when the walk stops early or throws
            Ingester& self;
            const std::string& given;
            ~FinishSidecars() { self.end_walk_sidecars(given); }
        } finish{*this, given};
        read_walked_files(given, root, root_key, entries);
    }

    /// The walk's files in sorted order. What each file is, its manifest key
    /// and its decoded bytes are found on all threads (a folder of small
    /// articles is mostly system calls and allocations); this thread adds
    /// them to the corpus in order as they come, and reads files itself
    /// while the next one is not ready.
    void read_walked_files(const std::string& given, const fs::path& root, const std::optional<std::string>& root_key,
                           const std::vector<WalkEntry>& entries) {
        // Names are joined as strings: a filesystem path per file costs a parse of its components.
        const std::string shown_prefix = prefix_before(root, true);
        const std::string open_prefix = prefix_before(root, false);
        const OpenFolder folder(root.native());
        std::vector<PreparedFile> slots(std::min(entries.size(), read_ahead_files));
        if (!options_.on_documents) {
            corpus_.documents.reserve(corpus_.documents.size() + entries.size());  // not grown (and moved) a file at a time
        }
        const auto prepare = [&](std::size_t i) {
            PreparedFile& file = slots[i % slots.size()];
            file = PreparedFile{};
            const WalkEntry& entry = entries[i];
            if (!entry.reason.empty() || stopped()) return;
            try {
                prepare_walked_file(entry, shown_prefix + entry.relative, open_prefix + entry.relative, folder, root_key,
                                    file);
            } catch (const std::exception& error) {
                file.failure = error.what();
            } catch (...) {
                file.failure = "unknown exception";
            }
        };
        const auto take = [&](std::size_t i) {
            if (stopped()) return false;
            const WalkEntry& entry = entries[i];
            const std::string shown = entry.relative.empty() ? given : shown_prefix + entry.relative;
            add_walked_file(entry, shown, open_prefix + entry.relative, slots[i % slots.size()]);
            return true;
        };
        prepare_in_order(entries.size(), options_.jobs, slots.size(), prepare, take);
    }

    /// What (root / relative).generic_string() (`generic`) or .native() puts
    /// before a relative path: root joined to a name, without the name.
    static std::string prefix_before(const fs::path& root, bool generic) {
        const fs::path joined = root / "x";
        std::string text = generic ? joined.generic_string() : joined.native();
        text.pop_back();
        return text;
    }

    /// The worker's half of one walked file: is it an article, its key, its bytes.
    void prepare_walked_file(const WalkEntry& entry, const std::string& shown, const std::string& path,
                             const OpenFolder& folder, const std::optional<std::string>& root_key,
                             PreparedFile& file) {
        const std::string name = entry.relative.substr(entry.relative.rfind('/') + 1);
        file.ext = lower_extension(fs::path(name));
        file.not_article = why_not_article(name, file.ext, entry.plain, path);
        if (!file.not_article.empty()) return;
        // A plain file's key is its folder's plus its name, without the lstat key() needs to know that.
        file.key = entry.plain && root_key ? ManifestKeys::below(*root_key, entry.relative) : keys_.key(path);
        if (is_json_lines_extension(file.ext)) return;  // streamed by add_file
        file.read = folder.is_open() ? read_input_file(entry.relative, options_.max_file_bytes, folder.fd())
                                     : read_input_file(path, options_.max_file_bytes);
        if (file.read.ok && !file.read.bytes.empty()) {
            file.read.decoded = decode_input(std::move(file.read.bytes), shown);
            file.read.bytes = std::string();
        }
        file.read_ahead = true;
    }

    /// The serial half of one walked file: to the corpus, or skipped with its reason.
    void add_walked_file(const WalkEntry& entry, const std::string& shown, const std::string& path,
                         PreparedFile& file) {
        try {
            if (!entry.reason.empty()) {
                if (entry.error) corpus_.diagnostics.error("input.unreadable", shown, 0, 0, entry.reason);
                skip(shown, entry.reason);
            } else if (!file.failure.empty()) {
                internal_error(shown, file.failure);
            } else if (!file.not_article.empty()) {
                skip(shown, std::move(file.not_article));
            } else {
                add_file(shown, path, file.ext, file.read_ahead ? &file.read : nullptr, std::move(file.key));
            }
        } catch (const std::exception& error) {
            internal_error(shown, error.what());
        }
        file = PreparedFile{};  // its text is the corpus's now; the rest is freed while the slot waits
        hand_over_if_due();
    }

    /// Why a file found in a walk is not read as an article; "" when it is
    /// one. `plain`: the listing said it is a regular file (no stat then).
    static std::string why_not_article(const std::string& name, const std::string& ext, bool plain,
                                       const std::string& path) {
        std::error_code ec;
        if (name.empty() || name.front() == '.') return "hidden file";
        if (!is_article_extension(ext)) return fmt::format("not a text article (extension {})", ext);
        if (!plain && !fs::is_regular_file(path, ec)) return "not a regular file";
        return "";
    }

    /// `ext`: lower_extension(path). `prefetched` and `key`: the file's
    /// bytes and manifest_key() when the walk already has them.
    void add_file(const std::string& shown, const std::string& path, const std::string& ext,
                  ReadResult* prefetched = nullptr, std::string key = {}) {
        if (key.empty()) key = keys_.key(path);
        if (!seen_.insert(key).second) {
            spdlog::debug("{}: given more than once; read once", shown);
            return;
        }
        if (is_json_lines_extension(ext)) {
            std::string reason;
            // Records go on a block at a time only from a file larger than a batch (it is read twice).
            const JsonLinesHandOver hand_over{options_.batch_bytes, [this] {
                                                  hand_over_if_due();
                                                  return !stopped();
                                              }};
            switch (stream_json_lines_file(path, shown, corpus_, options_.jobs, options_.max_file_bytes, reason,
                                           json_lines_block_bytes, options_.on_documents ? &hand_over : nullptr)) {
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
        SidecarRecord record;  // outer sidecars first; recorded there too (a tenth of the walk, else serial after it)
        Diagnostics diagnostics;
        std::string failure;  // an exception's message: the walk ends in an internal error, as before
    };

    /// `files`: (sidecar, its folder relative to the walked root, "" or "sub/").
    static SidecarReading read_sidecars(const std::vector<std::pair<fs::path, std::string>>& files,
                                        const PlainFiles& listed, int jobs) {
        SidecarReading reading;
        try {
            for (const auto& [file, folder] : files) {
                const auto known = [&listed, &folder = folder](const std::string& written) {
                    return listed.key(folder, written);
                };
                reading.record.add(file.generic_string(),
                                   read_source_entries(file, true, reading.diagnostics, jobs, known));
            }
        } catch (const std::exception& error) {
            reading.failure = error.what();
        }
        return reading;
    }

    /// Waits for the walk's sidecars, records them as read_sidecar would
    /// have, and gives the documents read meanwhile their metadata. Their
    /// messages go before the walk's files', wherever the walk is; a
    /// failure is reported at the walk's end (end_walk_sidecars), as before.
    void take_sidecars() {
        if (!waiting_for_sidecars_) return;
        waiting_for_sidecars_ = false;
        SidecarReading read = sidecar_reading_->get();
        sidecar_reading_ = nullptr;
        corpus_.diagnostics.insert(sidecar_messages_before_, read.diagnostics);
        sidecars_.append(std::move(read.record));
        for (const auto& [index, key] : awaiting_sidecar_) {
            if (const SourceMeta* meta = metadata_for(key)) corpus_.documents[index].meta = *meta;
        }
        awaiting_sidecar_.clear();
        sidecar_failure_ = std::move(read.failure);
    }

    void end_walk_sidecars(const std::string& given) {
        take_sidecars();
        if (!sidecar_failure_.empty()) internal_error(given, std::exchange(sidecar_failure_, {}));
    }

    /// Hands the documents read on (IngestOptions::on_documents) once they
    /// hold a batch of text. Not while some wait for a walk's sidecars: they
    /// are taken once read, or waited for once twice a batch is held.
    void hand_over_if_due() {
        if (!options_.on_documents) return;
        for (; counted_ < corpus_.documents.size(); ++counted_) pending_bytes_ += corpus_.documents[counted_].text.size();
        if (pending_bytes_ < options_.batch_bytes) return;
        if (waiting_for_sidecars_) {
            const bool read = sidecar_reading_->wait_for(std::chrono::seconds(0)) == std::future_status::ready;
            if (!read && pending_bytes_ / 2 < options_.batch_bytes) return;
            take_sidecars();
        }
        hand_over();
    }

    void hand_over() {
        std::vector<Document> batch = std::move(corpus_.documents);
        corpus_.documents = {};
        counted_ = 0;
        pending_bytes_ = 0;
        options_.on_documents(std::move(batch));
    }

    /// Config entries beat sidecar entries; either beats the page's own tags.
    const SourceMeta* metadata_for(const std::string& key) const {
        if (key.empty()) return nullptr;
        if (auto it = options_.manifest.find(key); it != options_.manifest.end()) return &it->second;
        if (auto it = sidecars_.metadata.find(key); it != sidecars_.metadata.end()) return &it->second;
        return nullptr;
    }

    void read_sidecar(const fs::path& file) {
        std::error_code ec;
        const std::string key = keys_.key(file);
        if (!sidecars_read_.insert(key).second || !fs::is_regular_file(file, ec)) return;
        sidecars_.add(file.generic_string(), read_source_entries(file, true, corpus_.diagnostics, options_.jobs));
    }

    /// A sidecar entry naming no existing file is most likely a typo.
    void warn_unused_sidecar_entries() {
        for (const auto& [file, entry] : sidecars_.entries) {
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
    SidecarRecord sidecars_;
    std::set<std::string> sidecars_read_;
    std::unordered_set<std::string> seen_;
    ManifestKeys keys_;
    // While a walk's sidecars are read on another thread: the documents that
    // had no config metadata, by index, with their manifest keys.
    bool waiting_for_sidecars_ = false;
    std::future<SidecarReading>* sidecar_reading_ = nullptr;
    std::size_t sidecar_messages_before_ = 0;
    std::string sidecar_failure_;
    std::vector<std::pair<std::size_t, std::string>> awaiting_sidecar_;
    // The documents of corpus_ counted into pending_bytes_, their text's bytes (with on_documents).
    std::size_t counted_ = 0;
    std::size_t pending_bytes_ = 0;
};

}  // namespace

Corpus ingest(const std::vector<std::string>& paths, const IngestOptions& options, std::istream& stdin_stream) {
    Ingester ingester(options, stdin_stream);
    for (const auto& path : paths) ingester.add_path(path);
    return ingester.finish();
}

}  // namespace factline
