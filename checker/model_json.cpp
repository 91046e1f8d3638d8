#include "checker/model_json.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "checker/json_text.hpp"
#include "checker/parallel.hpp"

namespace factline {

using Json = nlohmann::ordered_json;

namespace {

/// `"key":"YYYY-MM-DD"`, or `"key":null` when there is no date.
/// to_iso(date) without making a string, for the dates of four-digit years
/// (a date per assertion and document record; fmt::format cost ~2,300
/// instructions a date). Other years take to_iso().
void date_or_null(JsonObjectText& j, std::string_view key, const std::optional<CivilDate>& date) {
    if (!date) {
        j.null(key);
        return;
    }
    const auto [year, month, day] = *date;
    if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
        j.string(key, to_iso(*date));
        return;
    }
    const auto digit = [](int value, int place) { return static_cast<char>('0' + value / place % 10); };
    const char iso[] = {digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), '-',
                        digit(month, 10),  digit(month, 1),  '-',             digit(day, 10),  digit(day, 1)};
    j.string(key, std::string_view(iso, sizeof iso));
}

std::optional<CivilDate> date_from(const Json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return parse_iso(it->get<std::string>());
}

std::string string_from(const Json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::uint32_t number_from(const Json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_number_unsigned() ? it->get<std::uint32_t>() : 0;
}

bool bool_from(const Json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

DateSource source_from(const Json& object, const char* key) {
    return parse_date_source(string_from(object, key)).value_or(DateSource::unknown);
}

void write_evidence(JsonObjectText&& j, const FindingEvidence& e) {
    j.string("doc", e.doc).number("line", e.line).number("col", e.col);
    date_or_null(j, "stated", e.stated);
    j.string("stated_source", to_string(e.stated_source)).string("holder", e.holder).string("outlet", e.outlet);
    j.string("cluster", e.cluster).string("rule", e.rule).boolean("headline", e.headline);
    j.string("doc_hash", e.doc_hash).string("text", e.text);
    if (!e.subject.empty()) j.string("subject", e.subject);  // a place inside the finding's subject
    j.close();
}

FindingEvidence evidence_from(const Json& j) {
    FindingEvidence e;
    e.doc = string_from(j, "doc");
    e.line = number_from(j, "line");
    e.col = number_from(j, "col");
    e.stated = date_from(j, "stated");
    e.stated_source = source_from(j, "stated_source");
    e.holder = string_from(j, "holder");
    e.outlet = string_from(j, "outlet");
    e.cluster = string_from(j, "cluster");
    e.rule = string_from(j, "rule");
    e.headline = bool_from(j, "headline");
    e.doc_hash = string_from(j, "doc_hash");
    e.text = string_from(j, "text");
    e.subject = string_from(j, "subject");
    return e;
}

template <typename T, typename Parse>
std::vector<T> read_lines(const std::filesystem::path& path, Diagnostics& diagnostics, Parse parse) {
    std::vector<T> out;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error("input.unreadable", path.string(), 0, 0, "cannot open file");
        return out;
    }
    std::string line;
    std::uint32_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            const Json json = Json::parse(line);
            if (!json.is_object()) throw std::runtime_error("expected a JSON object");
            out.push_back(parse(json));
        } catch (const std::exception& error) {
            diagnostics.error("input.json", path.string(), number, 1, fmt::format("not a JSON object: {}", error.what()));
        }
    }
    return out;
}

}  // namespace

void append_json_line(std::string& line, const Assertion& a) {
    JsonObjectText j(line);
    j.string("doc", a.doc).string("holder", a.holder).string("holder_group", a.holder_group);
    j.string("topic", a.topic).string("subject", a.subject).string("value", a.value);
    date_or_null(j, "stated", a.stated);
    j.string("stated_source", to_string(a.stated_source));
    JsonObjectText evidence = j.object("evidence");
    evidence.number("line", a.evidence.line).number("col", a.evidence.col).string("text", a.evidence.text);
    evidence.close();
    j.string("cluster", a.cluster).string("rule", a.rule).boolean("headline", a.headline);
    j.boolean("negated", a.negated).string("outlet", a.outlet).string("doc_hash", a.doc_hash);
    if (!a.subject_alternatives.empty()) j.strings("subject_alternatives", a.subject_alternatives);
    if (a.about) date_or_null(j, "about", a.about);
    j.close();
}

void append_json_line(std::string& line, const Finding& f) { append_json_line(line, f, SIZE_MAX, {}); }

void append_json_line(std::string& line, const Finding& f, std::size_t drain_bytes,
                      const std::function<void(std::string&)>& drain) {
    JsonObjectText j(line);
    j.string("id", f.id).string("kind", f.kind).string("severity", to_string(f.severity));
    j.string("topic", f.topic).string("subject", f.subject);
    JsonArrayText sides = j.array("sides");
    for (const auto& side : f.sides) {
        JsonObjectText s = sides.object();
        s.string("value", side.value).string("holder_group", side.holder_group).number("clusters", side.clusters);
        JsonArrayText evidence = s.array("evidence");
        for (const auto& e : side.evidence) {
            write_evidence(evidence.object(), e);
            if (line.size() > drain_bytes) drain(line);  // the writers append to `line`: they hold no place in it
        }
        evidence.close();
        s.close();
    }
    sides.close();
    j.string("message", f.message).string("rule", f.rule).boolean("undated", f.undated);
    if (!f.baseline.empty()) j.string("baseline", f.baseline);
    j.close();
}

void append_json_line(std::string& line, const DocumentRecord& d) {
    JsonObjectText j(line);
    j.string("doc", d.doc).string("status", d.status);
    if (d.status != "ok") {
        j.string("reason", d.reason).close();
        return;
    }
    date_or_null(j, "published", d.published);
    j.string("published_source", to_string(d.published_source)).string("headline", d.headline);
    j.string("cluster", d.cluster).number("boilerplate_lines", d.boilerplate_lines).number("assertions", d.assertions);
    j.string("url", d.url).string("outlet", d.outlet).string("doc_hash", d.doc_hash);
    j.close();
}

std::string to_json_line(const Assertion& assertion) {
    std::string line;
    append_json_line(line, assertion);
    return line;
}

std::string to_json_line(const Finding& finding) {
    std::string line;
    append_json_line(line, finding);
    return line;
}

std::string to_json_line(const DocumentRecord& record) {
    std::string line;
    append_json_line(line, record);
    return line;
}

std::vector<Assertion> read_assertions(const std::filesystem::path& path, Diagnostics& diagnostics) {
    return read_lines<Assertion>(path, diagnostics, [](const Json& j) {
        Assertion a;
        a.doc = string_from(j, "doc");
        a.holder = string_from(j, "holder");
        a.holder_group = string_from(j, "holder_group");
        a.topic = string_from(j, "topic");
        a.subject = string_from(j, "subject");
        a.value = string_from(j, "value");
        a.stated = date_from(j, "stated");
        a.stated_source = source_from(j, "stated_source");
        a.about = date_from(j, "about");
        if (auto it = j.find("evidence"); it != j.end() && it->is_object()) {
            a.evidence.line = number_from(*it, "line");
            a.evidence.col = number_from(*it, "col");
            a.evidence.text = string_from(*it, "text");
        }
        a.cluster = string_from(j, "cluster");
        a.rule = string_from(j, "rule");
        a.headline = bool_from(j, "headline");
        a.negated = bool_from(j, "negated");
        a.outlet = string_from(j, "outlet");
        a.doc_hash = string_from(j, "doc_hash");
        if (auto it = j.find("subject_alternatives"); it != j.end() && it->is_array()) {
            std::vector<std::string> alternatives;
            for (const auto& id : *it) {
                if (id.is_string()) alternatives.push_back(id.get<std::string>());
            }
            a.subject_alternatives = alternatives;
        }
        return a;
    });
}

std::vector<Finding> read_findings(const std::filesystem::path& path, Diagnostics& diagnostics) {
    return read_lines<Finding>(path, diagnostics, [](const Json& j) {
        Finding f;
        f.id = string_from(j, "id");
        f.kind = string_from(j, "kind");
        const std::string severity = string_from(j, "severity");
        f.severity = severity == "error" ? Severity::error : severity == "info" ? Severity::info : Severity::warning;
        f.topic = string_from(j, "topic");
        f.subject = string_from(j, "subject");
        if (auto it = j.find("sides"); it != j.end() && it->is_array()) {
            for (const auto& s : *it) {
                FindingSide side;
                side.value = string_from(s, "value");
                side.holder_group = string_from(s, "holder_group");
                side.clusters = static_cast<int>(number_from(s, "clusters"));
                if (auto ev = s.find("evidence"); ev != s.end() && ev->is_array()) {
                    for (const auto& e : *ev) side.evidence.push_back(evidence_from(e));
                }
                f.sides.push_back(std::move(side));
            }
        }
        f.message = string_from(j, "message");
        f.rule = string_from(j, "rule");
        f.undated = bool_from(j, "undated");
        f.baseline = string_from(j, "baseline");
        return f;
    });
}

std::vector<DocumentRecord> read_documents(const std::filesystem::path& path, Diagnostics& diagnostics) {
    return read_lines<DocumentRecord>(path, diagnostics, [](const Json& j) {
        DocumentRecord d;
        d.doc = string_from(j, "doc");
        d.status = string_from(j, "status");
        d.reason = string_from(j, "reason");
        d.published = date_from(j, "published");
        d.published_source = source_from(j, "published_source");
        d.headline = string_from(j, "headline");
        d.cluster = string_from(j, "cluster");
        d.boilerplate_lines = number_from(j, "boilerplate_lines");
        d.assertions = number_from(j, "assertions");
        d.url = string_from(j, "url");
        d.outlet = string_from(j, "outlet");
        d.doc_hash = string_from(j, "doc_hash");
        return d;
    });
}

namespace {

/// `path` opened for writing from its start; a diagnostic when it cannot be.
std::ofstream open_output(const std::filesystem::path& path, Diagnostics& diagnostics) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) diagnostics.error("output.unwritable", path.string(), 0, 0, "cannot write file");
    return out;
}

}  // namespace

bool write_findings(const std::filesystem::path& path, const std::vector<Finding>& findings,
                    Diagnostics& diagnostics) {
    std::ofstream out = open_output(path, diagnostics);
    if (!out) return false;
    constexpr std::size_t drain_bytes = std::size_t{4} << 20;
    std::string text;
    const auto drain = [&out](std::string& pending) {
        out << pending;
        pending.clear();
    };
    for (const auto& finding : findings) {
        append_json_line(text, finding, drain_bytes, drain);
        text += '\n';
        if (text.size() > drain_bytes) drain(text);
    }
    drain(text);
    return static_cast<bool>(out);
}

bool write_lines(const std::filesystem::path& path, std::size_t count,
                 const std::function<void(std::size_t, std::string&)>& append_line, Diagnostics& diagnostics, int jobs) {
    std::ofstream out = open_output(path, diagnostics);
    if (!out) return false;
    // Lines are made a round at a time, a block of lines per thread task,
    // and written before the next round. A round holds about `round_bytes`
    // of text, sized from the lines written so far (the first round is one
    // line): lines run from 200 bytes (a document record) to over 100 MB (a
    // finding with hundreds of thousands of pieces of evidence), and a fixed
    // 16,384 lines a round held a 1 M-article run's whole 555 MB findings
    // file in memory at once (issue 7).
    constexpr std::size_t round_bytes = std::size_t{32} << 20;
    constexpr std::size_t most_lines_per_block = 1024;
    constexpr std::size_t most_blocks_at_once = 16;
    std::vector<std::string> texts(most_blocks_at_once);
    std::size_t lines_per_block = 1, blocks_at_once = 1;
    std::size_t written_bytes = 0;
    for (std::size_t first = 0; first < count;) {
        const std::size_t blocks = std::min(blocks_at_once, (count - first + lines_per_block - 1) / lines_per_block);
        parallel_for(blocks, jobs, [&](std::size_t b) {
            std::string& text = texts[b];
            text.clear();
            const std::size_t begin = first + b * lines_per_block;
            const std::size_t end = std::min(count, begin + lines_per_block);
            for (std::size_t i = begin; i < end; ++i) {
                append_line(i, text);
                text += '\n';
            }
        });
        for (std::size_t b = 0; b < blocks; ++b) {
            out << texts[b];
            written_bytes += texts[b].size();
            if (texts[b].capacity() > round_bytes) std::string().swap(texts[b]);  // not kept for small lines
        }
        first = std::min(count, first + blocks * lines_per_block);
        const std::size_t bytes_per_line = std::max<std::size_t>(1, written_bytes / first);
        const std::size_t lines_per_round =
            std::clamp<std::size_t>(round_bytes / bytes_per_line, 1, most_lines_per_block * most_blocks_at_once);
        blocks_at_once = std::min(most_blocks_at_once, lines_per_round);
        lines_per_block = lines_per_round / blocks_at_once;
    }
    return static_cast<bool>(out);
}

}  // namespace factline
