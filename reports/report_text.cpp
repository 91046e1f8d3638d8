#include "reports/report_text.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <fstream>
#include <set>

namespace factline {

namespace fs = std::filesystem;

namespace {

/// Appends the control picture for a C0 control or DEL (UTF-8 of U+2400 + c, or U+2421).
void append_control_picture(std::string& out, unsigned char c) {
    const unsigned code = c == 0x7f ? 0x2421u : 0x2400u + c;
    out += static_cast<char>(0xe0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code & 0x3f));
}

/// Handles the characters visible_controls() rewrites; false when `c` is ordinary.
bool append_visible_control(std::string& out, unsigned char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
        out += ' ';
        return true;
    }
    if (c < 0x20 || c == 0x7f) {
        append_control_picture(out, c);
        return true;
    }
    return false;
}

int severity_rank(Severity severity) { return -static_cast<int>(severity); }

bool is_utf8_continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

}  // namespace

std::string visible_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (!append_visible_control(out, static_cast<unsigned char>(c))) out += c;
    }
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (!append_visible_control(out, static_cast<unsigned char>(c))) out += c;
        }
    }
    return out;
}

std::string escape_markdown(std::string_view text) {
    // These start emphasis, code, links, headings-in-cells or raw HTML on GitHub;
    // a backslash before ASCII punctuation is always a literal in CommonMark.
    static constexpr std::string_view special = "\\`*<>[]#";
    const auto word = [&](std::size_t i) {
        if (i >= text.size()) return false;
        const auto c = static_cast<unsigned char>(text[i]);
        return std::isalnum(c) != 0 || c >= 0x80;
    };
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // An underscore inside a word (kherson_city) never starts emphasis in GFM.
        const bool flanking_underscore = c == '_' && !(i > 0 && word(i - 1) && word(i + 1));
        if (special.find(c) != std::string_view::npos || flanking_underscore) {
            out += '\\';
            out += c;
        } else if (!append_visible_control(out, static_cast<unsigned char>(c))) {
            out += c;
        }
    }
    return out;
}

std::string markdown_cell(std::string_view text) {
    std::string out;
    for (const char c : escape_markdown(text)) {
        if (c == '|') out += "\\|";
        else out += c;
    }
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return "—";
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::string truncate_text(std::string_view text, std::size_t max_code_points) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_utf8_continuation(static_cast<unsigned char>(text[i]))) continue;
        if (count == max_code_points) {
            std::string out(text.substr(0, i));
            out.erase(out.find_last_not_of(' ') + 1);
            return out + "…";
        }
        ++count;
    }
    return std::string(text);
}

std::string percent_encode_path(std::string_view path) {
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) out += ch;
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

ArtifactUri artifact_uri(std::string_view doc, const fs::path& root) {
    const fs::path given{std::string(doc)};
    std::error_code ec;
    const fs::path absolute = fs::absolute(given, ec).lexically_normal();
    fs::path base = fs::absolute(root, ec).lexically_normal();
    if (!base.has_filename()) base = base.parent_path();  // "dir/" → "dir"
    const fs::path relative = absolute.lexically_relative(base);
    if (!relative.empty() && *relative.begin() != ".." && relative != ".") {
        return {percent_encode_path(relative.generic_string()), true};
    }
    if (given.is_absolute()) return {"file://" + percent_encode_path(absolute.generic_string()), false};
    return {percent_encode_path(given.lexically_normal().generic_string()), false};
}

std::string location_label(std::string_view doc, std::uint32_t line, std::uint32_t col) {
    if (col == 0) return fmt::format("{}:{}", doc, line);
    return fmt::format("{}:{}:{}", doc, line, col);
}

std::string dated_label(const std::optional<CivilDate>& date, DateSource source) {
    if (!date) return "undated";
    return fmt::format("{} ({})", to_iso(*date), to_string(source));
}

std::vector<const Finding*> ordered_findings(const std::vector<Finding>& findings) {
    std::vector<const Finding*> out;
    out.reserve(findings.size());
    for (const auto& f : findings) out.push_back(&f);
    std::stable_sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) {
        return std::tuple(severity_rank(a->severity), a->kind, a->topic, a->subject, a->id) <
               std::tuple(severity_rank(b->severity), b->kind, b->topic, b->subject, b->id);
    });
    return out;
}

std::string holder_label(std::string_view holder_group, std::string_view holder) {
    if (holder.empty() || holder == holder_group) return std::string(holder_group.empty() ? "—" : holder_group);
    if (holder_group.empty()) return std::string(holder);
    return fmt::format("{}/{}", holder_group, holder);
}

ReportSummary summarise(const RunOutput& run) {
    ReportSummary summary;
    for (const auto& d : run.documents) (d.status == "ok" ? summary.processed : summary.skipped) += 1;
    summary.assertions = run.assertions.size();
    summary.findings = run.findings.size();
    std::map<std::string, KindCounts> kinds;
    for (const auto& f : run.findings) {
        auto& counts = kinds[f.kind];
        counts.kind = f.kind;
        counts.by_severity[static_cast<std::size_t>(f.severity)] += 1;
        if (f.baseline == "new") ++summary.baseline_new;
        if (f.baseline == "present") ++summary.baseline_present;
    }
    for (auto& [kind, counts] : kinds) summary.by_kind.push_back(std::move(counts));
    summary.resolved = run.resolved.size();
    return summary;
}

namespace {
auto place_of(const Assertion* a) {
    return std::tie(a->doc, a->evidence.line, a->evidence.col, a->holder_group, a->holder, a->value);
}
}  // namespace

std::vector<ReportTimeline> report_timelines(const std::vector<Assertion>& assertions) {
    std::map<std::pair<std::string, std::string>, ReportTimeline> by_key;
    std::map<std::pair<std::string, std::string>, std::pair<std::set<std::string>, std::set<std::string>>> labels;
    for (const auto& a : assertions) {
        const auto key = std::make_pair(a.subject, a.topic);
        auto& timeline = by_key[key];
        timeline.subject = a.subject;
        timeline.topic = a.topic;
        (a.stated ? timeline.dated : timeline.undated).push_back(&a);
        labels[key].first.insert(a.holder_group);
        labels[key].second.insert(a.value);
    }
    std::vector<ReportTimeline> out;
    for (auto& [key, timeline] : by_key) {
        std::stable_sort(timeline.dated.begin(), timeline.dated.end(), [](const Assertion* a, const Assertion* b) {
            if (*a->stated != *b->stated) return *a->stated < *b->stated;
            return place_of(a) < place_of(b);
        });
        std::stable_sort(timeline.undated.begin(), timeline.undated.end(),
                         [](const Assertion* a, const Assertion* b) { return place_of(a) < place_of(b); });
        timeline.holder_groups.assign(labels[key].first.begin(), labels[key].first.end());
        timeline.values.assign(labels[key].second.begin(), labels[key].second.end());
        out.push_back(std::move(timeline));
    }
    return out;
}

EvidenceIndex::EvidenceIndex(const std::vector<Finding>& findings) {
    for (const Finding* f : ordered_findings(findings)) {
        for (const auto& side : f->sides) {
            for (const auto& e : side.evidence) ids_.emplace(Key{f->topic, f->subject, e.doc, e.line, e.col}, f->id);
        }
    }
}

std::string EvidenceIndex::finding_for(const Assertion& a) const {
    const auto it = ids_.find(Key{a.topic, a.subject, a.doc, a.evidence.line, a.evidence.col});
    return it == ids_.end() ? std::string{} : it->second;
}

std::vector<SourceCluster> source_clusters(const std::vector<DocumentRecord>& documents) {
    std::vector<SourceCluster> out;
    std::map<std::string, std::size_t> index;
    std::vector<const DocumentRecord*> sorted;
    for (const auto& d : documents) {
        if (d.status == "ok") sorted.push_back(&d);
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const DocumentRecord* a, const DocumentRecord* b) { return a->doc < b->doc; });
    for (const DocumentRecord* d : sorted) {
        if (d->cluster.empty()) {
            out.push_back({"", {d}});
            continue;
        }
        auto [it, inserted] = index.emplace(d->cluster, out.size());
        if (inserted) out.push_back({d->cluster.str(), {}});
        out[it->second].members.push_back(d);
    }
    // Members are sorted, so `out` is already in order of each cluster's first
    // document: the table reads in file order with copies grouped together.
    return out;
}

std::string describe_ignore(const IgnoreEntry& entry) {
    if (!entry.id.empty()) return "id " + entry.id;
    if (entry.subject.empty()) return "kind " + entry.kind;
    return "kind " + entry.kind + ", subject " + entry.subject;
}

std::vector<const DocumentRecord*> skipped_documents(const std::vector<DocumentRecord>& documents) {
    std::vector<const DocumentRecord*> out;
    for (const auto& d : documents) {
        if (d.status != "ok") out.push_back(&d);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DocumentRecord* a, const DocumentRecord* b) { return a->doc < b->doc; });
    return out;
}

const FindingEvidence* primary_evidence(const Finding& finding) {
    for (const auto& side : finding.sides) {
        if (!side.evidence.empty()) return &side.evidence.front();
    }
    return nullptr;
}

bool write_text_file(const fs::path& path, std::string_view content, Diagnostics& diagnostics) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) {
        diagnostics.error("output.unwritable", path.string(), 0, 0, "cannot write file");
        return false;
    }
    return true;
}

}  // namespace factline
