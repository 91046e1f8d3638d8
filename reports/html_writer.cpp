#include "reports/html_writer.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

#include "reports/report_text.hpp"

namespace factline {

namespace {

using Out = std::string;

std::string esc(std::string_view text) { return escape_html(text); }

/// Filter values are joined with '|' in data attributes; a '|' inside one becomes '/'.
std::string filter_key(std::string_view value) {
    std::string out(value);
    for (char& c : out) {
        if (c == '|') c = '/';
    }
    return out;
}

std::string timeline_anchor(std::string_view subject, std::string_view topic) {
    return fmt::format("T-{}-{}", subject, topic);
}

std::set<std::string> outlets_of(const Finding& f) {
    std::set<std::string> outlets;
    for (const auto& side : f.sides) {
        for (const auto& e : side.evidence) {
            if (!e.outlet.empty()) outlets.insert(filter_key(e.outlet));
        }
    }
    return outlets;
}

// --- summary ----------------------------------------------------------------

void summary_section(Out& out, const RunOutput& run, const ReportSummary& s) {
    out += "<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n";
    out += "<tr><th>Documents processed</th><th>Documents skipped</th><th>Assertions</th><th>Findings</th></tr>\n";
    out += fmt::format("<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td></tr>\n</table>\n",
                       s.processed, s.skipped, s.assertions, s.findings);
    if (s.by_kind.empty()) {
        out += "<p>No findings.</p>\n";
    } else {
        out += "<table>\n<tr><th>Kind</th><th class=\"num\">error</th><th class=\"num\">warning</th>"
               "<th class=\"num\">info</th><th class=\"num\">Total</th></tr>\n";
        for (const auto& k : s.by_kind) {
            out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                               "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                               esc(k.kind), k.by_severity[2], k.by_severity[1], k.by_severity[0], k.total());
        }
        out += "</table>\n";
    }
    if (run.has_baseline) {
        out += fmt::format("<p>Against the baseline: {} new, {} still present, {} resolved.</p>\n", s.baseline_new,
                           s.baseline_present, s.resolved);
    }
    if (run.ignored > 0) out += fmt::format("<p>Suppressed by <code>[[ignore]]</code> entries: {}.</p>\n", run.ignored);
    out += "</section>\n";
}

// --- findings ---------------------------------------------------------------

void filter_select(Out& out, std::string_view key, std::string_view label, const std::set<std::string>& values) {
    out += fmt::format("<label>{} <select data-filter=\"{}\"><option value=\"\">all</option>", label, key);
    for (const auto& v : values) out += fmt::format("<option value=\"{0}\">{0}</option>", esc(v));
    out += "</select></label>\n";
}

void filters(Out& out, const RunOutput& run) {
    std::set<std::string> kinds, severities, subjects, outlets;
    for (const auto& f : run.findings) {
        kinds.insert(filter_key(f.kind));
        severities.insert(to_string(f.severity));
        subjects.insert(filter_key(f.subject));
        for (const auto& o : outlets_of(f)) outlets.insert(o);
    }
    out += "<form id=\"filters\" class=\"filters\" hidden>\n";
    filter_select(out, "kind", "Kind", kinds);
    filter_select(out, "severity", "Severity", severities);
    filter_select(out, "subject", "Subject", subjects);
    filter_select(out, "outlet", "Outlet", outlets);
    out += "<button type=\"reset\">Show all</button> <span id=\"filter-count\"></span>\n</form>\n";
}

void evidence_card(Out& out, const FindingEvidence& e) {
    out += "<div class=\"evidence\">\n";
    out += fmt::format("<blockquote>{}</blockquote>\n", esc(truncate_text(e.text, 600)));
    out += "<dl>";
    if (e.headline) out += "<dt>Where</dt><dd>headline</dd>";
    if (!e.subject.empty()) out += fmt::format("<dt>About</dt><dd>{} (inside the subject)</dd>", esc(e.subject));
    out += fmt::format("<dt>Speaker</dt><dd>{}</dd>", esc(e.holder.empty() ? "—" : e.holder));
    out += fmt::format("<dt>Outlet</dt><dd>{}</dd>", esc(e.outlet.empty() ? "—" : e.outlet));
    out += fmt::format("<dt>Stated</dt><dd>{}</dd>", esc(dated_label(e.stated, e.stated_source)));
    out += fmt::format("<dt>Location</dt><dd class=\"loc\">{}</dd>", esc(location_label(e.doc, e.line, e.col)));
    out += "</dl>\n</div>\n";
}

void finding_card(Out& out, const Finding& f) {
    std::string outlets;
    for (const auto& o : outlets_of(f)) outlets += (outlets.empty() ? "" : "|") + o;
    const char* severity = to_string(f.severity);
    out += fmt::format("<section id=\"{0}\" class=\"finding sev-{1}\" data-kind=\"{2}\" data-severity=\"{1}\" "
                       "data-subject=\"{3}\" data-outlet=\"{4}\">\n",
                       esc(f.id), severity, esc(filter_key(f.kind)), esc(filter_key(f.subject)), esc(outlets));
    out += fmt::format("<h3><a href=\"#{0}\">{0}</a><span class=\"badge\">{1}</span>"
                       "<span class=\"badge sev-{2}\">{2}</span>{3}</h3>\n",
                       esc(f.id), esc(f.kind), severity,
                       f.baseline.empty() ? "" : "<span class=\"badge\">" + esc(f.baseline) + "</span>");
    out += fmt::format("<p class=\"muted\">{} / {} · <a href=\"#{}\">timeline</a>{}{}</p>\n", esc(f.topic),
                       esc(f.subject), esc(timeline_anchor(f.subject, f.topic)),
                       f.rule.empty() ? "" : " · rule <code>" + esc(f.rule) + "</code>",
                       f.undated ? " · some evidence is undated" : "");
    out += fmt::format("<p class=\"message\">{}</p>\n<div class=\"sides\">\n", esc(f.message));
    for (const auto& side : f.sides) {
        out += fmt::format("<div class=\"side\">\n<h4>{} <small>{} · {} source{}</small></h4>\n", esc(side.value),
                           esc(side.holder_group), side.clusters, side.clusters == 1 ? "" : "s");
        for (const auto& e : side.evidence) evidence_card(out, e);
        out += "</div>\n";
    }
    out += "</div>\n</section>\n";
}

void findings_section(Out& out, const RunOutput& run) {
    out += "<section id=\"findings\">\n<h2>Findings</h2>\n";
    if (run.findings.empty()) out += "<p>None.</p>\n";
    else filters(out, run);
    for (const Finding* f : ordered_findings(run.findings)) finding_card(out, *f);
    out += "</section>\n";
}

// --- timelines --------------------------------------------------------------

std::string point_label(const Assertion& a) {
    return fmt::format("{} {}: {} — {}", dated_label(a.stated, a.stated_source),
                       holder_label(a.holder_group, a.holder), a.value, location_label(a.doc, a.evidence.line, 0));
}

void point_item(Out& out, const Assertion& a, const EvidenceIndex& index) {
    const std::string finding = index.finding_for(a);
    out += fmt::format("<li{}>{}", finding.empty() ? "" : " class=\"hit\"", esc(point_label(a)));
    if (!finding.empty()) out += fmt::format(" · <a href=\"#{0}\">{0}</a>", esc(finding));
    out += fmt::format("<br><span class=\"muted\">{}</span></li>\n", esc(truncate_text(a.evidence.text)));
}

void timeline_section(Out& out, const ReportTimeline& t, const EvidenceIndex& index) {
    out += fmt::format("<section id=\"{}\" class=\"timeline\" data-subject=\"{}\" data-topic=\"{}\">\n",
                       esc(timeline_anchor(t.subject, t.topic)), esc(filter_key(t.subject)), esc(filter_key(t.topic)));
    out += fmt::format("<h3>{} · {}</h3>\n", esc(t.subject), esc(t.topic));
    if (!t.dated.empty()) out += render_timeline_svg(t, index);
    out += "<ul class=\"legend\">";
    for (std::size_t i = 0; i < t.values.size(); ++i) {
        out += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>{}</li>", value_colour(i),
                           esc(t.values[i]));
    }
    out += "</ul>\n";
    if (!t.dated.empty()) {
        out += fmt::format("<details open><summary>{} dated assertion{}</summary>\n<ol class=\"points\">\n",
                           t.dated.size(), t.dated.size() == 1 ? "" : "s");
        for (const Assertion* a : t.dated) point_item(out, *a, index);
        out += "</ol>\n</details>\n";
    }
    if (!t.undated.empty()) {
        out += "<div class=\"undated\"><h4>Undated</h4>\n<ul class=\"points\">\n";
        for (const Assertion* a : t.undated) point_item(out, *a, index);
        out += "</ul></div>\n";
    }
    out += "</section>\n";
}

void timelines_section(Out& out, const RunOutput& run) {
    out += "<section id=\"timelines\">\n<h2>Timelines</h2>\n";
    const auto all = report_timelines(run.assertions);
    if (all.empty()) out += "<p>No assertions.</p>\n";
    const EvidenceIndex index(run.findings);
    for (const auto& t : all) timeline_section(out, t, index);
    out += "</section>\n";
}

// --- sources, skipped, ignores, resolved, warnings --------------------------

void sources_section(Out& out, const RunOutput& run) {
    out += "<section id=\"sources\">\n<h2>Sources</h2>\n";
    const auto clusters = source_clusters(run.documents);
    if (clusters.empty()) {
        out += "<p>No documents processed.</p>\n</section>\n";
        return;
    }
    out += "<table>\n<tr><th>Cluster</th><th>Document</th><th>Outlet</th><th>Published (provenance)</th>"
           "<th>Headline</th><th class=\"num\">Assertions</th></tr>\n";
    for (const auto& c : clusters) {
        for (std::size_t i = 0; i < c.members.size(); ++i) {
            const DocumentRecord& d = *c.members[i];
            out += "<tr>";
            if (i == 0) {
                const std::string label = c.cluster.empty()       ? "—"
                                          : c.members.size() == 1 ? esc(c.cluster)
                                                                  : fmt::format("{} ({} copies)", esc(c.cluster),
                                                                                c.members.size());
                out += fmt::format("<td rowspan=\"{}\">{}</td>", c.members.size(), label);
            }
            const std::string outlet = d.url.empty() ? esc(d.outlet)
                                                     : fmt::format("{} <small class=\"loc\">{}</small>", esc(d.outlet),
                                                                   esc(d.url));
            out += fmt::format("<td class=\"loc\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
                               "</tr>\n",
                               esc(d.doc), outlet, esc(dated_label(d.published, d.published_source)),
                               esc(truncate_text(d.headline, 160)), d.assertions);
        }
    }
    out += "</table>\n</section>\n";
}

void skipped_section(Out& out, const RunOutput& run) {
    out += "<section id=\"skipped\">\n<h2>Skipped inputs</h2>\n";
    const auto skipped = skipped_documents(run.documents);
    if (skipped.empty()) {
        out += "<p>None.</p>\n</section>\n";
        return;
    }
    out += "<table>\n<tr><th>File</th><th>Reason</th></tr>\n";
    for (const DocumentRecord* d : skipped) {
        out += fmt::format("<tr><td class=\"loc\">{}</td><td>{}</td></tr>\n", esc(d->doc), esc(d->reason));
    }
    out += "</table>\n</section>\n";
}

void ignores_section(Out& out, const RunOutput& run) {
    out += "<section id=\"ignores\">\n<h2>Stale <code>[[ignore]]</code> entries</h2>\n";
    if (run.stale_ignores.empty()) {
        out += "<p>None.</p>\n</section>\n";
        return;
    }
    out += "<table>\n<tr><th class=\"num\">Config line</th><th>Matches</th><th>Reason</th></tr>\n";
    for (const auto& entry : run.stale_ignores) {
        const std::string matches = describe_ignore(entry);
        out += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n", entry.line, esc(matches),
                           esc(entry.reason));
    }
    out += "</table>\n</section>\n";
}

void resolved_section(Out& out, const RunOutput& run) {
    if (!run.has_baseline) return;
    out += "<section id=\"resolved\">\n<h2>Resolved since the baseline</h2>\n";
    if (run.resolved.empty()) out += "<p>None.</p>\n";
    else out += "<ul>\n";
    for (const Finding* f : ordered_findings(run.resolved)) {
        out += fmt::format("<li><code>{}</code> {} · {} / {}: {}</li>\n", esc(f->id), esc(f->kind), esc(f->topic),
                           esc(f->subject), esc(f->message));
    }
    if (!run.resolved.empty()) out += "</ul>\n";
    out += "</section>\n";
}

void warnings_section(Out& out, const RunOutput& run) {
    if (run.diagnostics.items().empty()) return;
    out += "<section id=\"warnings\">\n<h2>Input warnings</h2>\n<ul>\n";
    for (const auto& d : run.diagnostics.items()) {
        out += fmt::format("<li><span class=\"loc\">{}</span>: {}: {} [{}]</li>\n",
                           esc(location_label(d.path, d.line, d.col)), to_string(d.severity), esc(d.message),
                           esc(d.id));
    }
    out += "</ul>\n</section>\n";
}

}  // namespace

std::string render_html(const RunOutput& run, const ReportContext& context) {
    const ReportSummary summary = summarise(run);
    Out out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'; img-src data:\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>factline report</title>\n<style>";
    out += html_stylesheet();
    out += "</style>\n</head>\n<body>\n<header>\n<h1>factline report</h1>\n";
    out += fmt::format("<p class=\"meta\">factline {} · {} documents processed, {} skipped · {} assertions · "
                       "{} findings</p>\n",
                       esc(context.tool_version), summary.processed, summary.skipped, summary.assertions,
                       summary.findings);
    out += "<nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#findings\">Findings</a>"
           "<a href=\"#timelines\">Timelines</a><a href=\"#sources\">Sources</a><a href=\"#skipped\">Skipped</a>"
           "<a href=\"#ignores\">Stale ignores</a></nav>\n</header>\n<main>\n";
    summary_section(out, run, summary);
    findings_section(out, run);
    timelines_section(out, run);
    sources_section(out, run);
    skipped_section(out, run);
    ignores_section(out, run);
    resolved_section(out, run);
    warnings_section(out, run);
    out += "</main>\n<script>";
    out += html_filter_script();
    out += "</script>\n</body>\n</html>\n";
    return out;
}

void HtmlWriter::write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
                       std::ostream&, Diagnostics& diagnostics) const {
    write_text_file(out_dir / "report.html", render_html(run, context), diagnostics);
}

std::vector<std::string> HtmlWriter::outputs(const std::filesystem::path& out_dir) const {
    return {(out_dir / "report.html").string()};
}

}  // namespace factline
