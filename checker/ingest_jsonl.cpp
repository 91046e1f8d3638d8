// JSON Lines records for ingestion: {"id","text","url","published","outlet"}
// per line, as a scraper or a distributed job writes them. One bad line is
// reported and listed as skipped; the other lines go on.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checker/ingest.hpp"
#include "checker/jsonl_record.hpp"
#include "checker/parallel.hpp"

namespace factline {

namespace {

/// 1-based code-point column of byte `offset` in `line` (npos: column 1).
std::uint32_t column_of(std::string_view line, std::size_t offset) {
    if (offset == std::string_view::npos) offset = 0;
    offset = std::min(offset, line.size());
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < offset; ++i) col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    return col;
}

/// Start of the token that ends at `last` (nlohmann reports the token's last
/// byte; users expect the column where the unexpected token begins).
std::size_t token_start(std::string_view line, std::size_t last) {
    if (last >= line.size()) return line.size();
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+'; };
    if (line[last] == '"') {
        for (std::size_t j = last; j-- > 0;) {
            if (line[j] == '"' && (j == 0 || line[j - 1] != '\\')) return j;
        }
        return last;
    }
    std::size_t j = last;
    if (word(line[j])) {
        while (j > 0 && word(line[j - 1])) --j;
    }
    return j;
}

/// nlohmann's message without its "[json.exception…] parse error at line 1, column 9: " prefix.
std::string parse_message(const nlohmann::json::parse_error& error) {
    std::string message = error.what();
    if (auto column = message.find("column "); column != std::string::npos) {
        if (auto colon = message.find(": ", column); colon != std::string::npos) message.erase(0, colon + 2);
    }
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

class RecordReader {
public:
    RecordReader(const std::string& path, Corpus& corpus) : path_(path), corpus_(corpus) {}

    /// The scanner reads ordinary records without a DOM (issue 7); nlohmann
    /// reads every other line, so its errors and columns are what users see.
    void read(std::string_view line, std::uint32_t number) {
        JsonRecord record;
        if (!scan_json_record(line, record) && !parse(line, number, record)) return;
        add(line, number, std::move(record));
    }

    /// A line longer than the size limit is not parsed: a record that large is no article.
    void reject_too_large(std::uint32_t number, std::uint64_t bytes, std::uint64_t limit) {
        reject(number, 1, "", too_large_reason("record", bytes, limit));
    }

private:
    /// The nlohmann path, for every record the scanner is not sure about:
    /// false (and the line rejected) when it is no JSON object.
    bool parse(std::string_view line, std::uint32_t number, JsonRecord& record) {
        nlohmann::json object;
        try {
            object = nlohmann::json::parse(line);
        } catch (const nlohmann::json::parse_error& error) {
            const std::size_t last = error.byte > 0 ? error.byte - 1 : 0;
            reject(number, column_of(line, token_start(line, last)), "", "malformed JSON record: " + parse_message(error));
            return false;
        } catch (const nlohmann::json::exception&) {
            // out_of_range.406 (a number beyond double, e.g. 1e99999) is not a
            // parse_error and carries no offset: reject the whole line.
            reject(number, 1, "", "malformed JSON record: a number is out of range");
            return false;
        }
        if (!object.is_object()) {
            reject(number, 1, "", "a record must be a JSON object");
            return false;
        }
        record = json_record_from_dom(object);
        return true;
    }

    void add(std::string_view line, std::uint32_t number, JsonRecord record) {
        Document document;
        document.format = DocumentFormat::jsonl;
        document.path = record.id.empty() ? fmt::format("{}:{}", path_, number) : std::move(record.id);
        if (record.text.shape != MemberShape::string) {
            reject(number, column_of(line, line.find("\"text\"")), document.path, "a record needs a \"text\" string");
            return;
        }
        document.text = std::move(record.text.value);
        document.meta.url = string_or_warn(line, number, "url", record.url);
        document.meta.outlet = string_or_warn(line, number, "outlet", record.outlet);
        if (const std::string published = string_or_warn(line, number, "published", record.published);
            !published.empty()) {
            document.meta.published = parse_iso(published);
            if (!document.meta.published) {
                warn(line, number, "published",
                     fmt::format("\"published\" must be a date YYYY-MM-DD, \"\" or null, not '{}'; ignored", published));
            }
        }
        if (is_blank(document.text)) {
            corpus_.skipped.push_back({document.path, "empty text"});
            return;
        }
        corpus_.documents.push_back(std::move(document));
    }

    /// A metadata member's string, "" when absent or null; another type is
    /// warned about and ignored.
    std::string string_or_warn(std::string_view line, std::uint32_t number, const char* key, RecordMember& member) {
        if (member.shape == MemberShape::other) {
            warn(line, number, key, fmt::format("\"{}\" must be a string; ignored", key));
            return {};
        }
        return std::move(member.value);
    }

    void reject(std::uint32_t number, std::uint32_t col, std::string shown, const std::string& reason) {
        if (shown.empty()) shown = fmt::format("{}:{}", path_, number);
        corpus_.diagnostics.error("input.jsonl", path_, number, col, reason);
        corpus_.skipped.push_back({std::move(shown), reason});
    }

    void warn(std::string_view line, std::uint32_t number, const char* key, std::string message) {
        const std::size_t at = line.find(fmt::format("\"{}\"", key));
        corpus_.diagnostics.warning("input.jsonl", path_, number, column_of(line, at), std::move(message));
    }

    const std::string& path_;
    Corpus& corpus_;
};

}  // namespace

bool looks_like_json_lines(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t' || text[begin] == '\n' || text[begin] == '\r')) {
        ++begin;
    }
    if (begin >= text.size() || text[begin] != '{') return false;
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    const auto record = nlohmann::json::parse(text.substr(begin, end - begin), nullptr, false);
    return record.is_object() && record.contains("text") && record["text"].is_string();
}

void read_json_lines(std::string_view text, const std::string& path, Corpus& corpus, int jobs) {
    (void)read_json_lines_block(text, 0, path, corpus, jobs, UINT64_MAX);
}

std::uint32_t read_json_lines_block(std::string_view text, std::uint32_t lines_before, const std::string& path,
                                    Corpus& corpus, int jobs, std::uint64_t max_line_bytes) {
    // Lines first (one memchr scan), then records parsed a chunk at a time on
    // `jobs` threads, each chunk into its own corpus; appending the chunks in
    // order gives the same corpus as one pass.
    struct Line {
        std::string_view text;
        std::uint32_t number;
    };
    std::vector<Line> lines;
    std::uint32_t number = lines_before;
    for (std::size_t begin = 0; begin < text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++number;
        if (!is_blank(line)) lines.push_back({line, number});
        begin = end + 1;
    }
    // Chunks of at most 256 lines, and at least four per thread: a block of
    // large articles holds few lines, and every thread should get some.
    const std::size_t chunk =
        std::clamp<std::size_t>(lines.size() / (4 * thread_count(jobs)), 1, 256);
    std::vector<Corpus> parts((lines.size() + chunk - 1) / chunk);
    parallel_for(parts.size(), jobs, [&](std::size_t part) {
        RecordReader reader(path, parts[part]);
        const std::size_t last = std::min(lines.size(), (part + 1) * chunk);
        for (std::size_t k = part * chunk; k < last; ++k) {
            if (lines[k].text.size() > max_line_bytes) {
                reader.reject_too_large(lines[k].number, lines[k].text.size(), max_line_bytes);
            } else {
                reader.read(lines[k].text, lines[k].number);
            }
        }
    });
    for (auto& part : parts) corpus.append(std::move(part));
    return number;
}

void reject_oversized_record(Corpus& corpus, const std::string& path, std::uint32_t number, std::uint64_t bytes,
                             std::uint64_t limit) {
    RecordReader(path, corpus).reject_too_large(number, bytes, limit);
}

}  // namespace factline
