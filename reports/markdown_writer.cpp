#include "reports/markdown_writer.hpp"

#include <fmt/format.h>

#include "reports/report_text.hpp"

namespace factline {

namespace {

using Out = std::string;

void summary_section(Out& out, const RunOutput& run, const ReportSummary& s) {
    out += "## Summary\n\n";
    out += "| Documents processed | Documents skipped | Assertions | Findings |\n|---:|---:|---:|---:|\n";
    out += fmt::format("| {} | {} | {} | {} |\n\n", s.processed, s.skipped, s.assertions, s.findings);
    if (s.by_kind.empty()) {
        out += "No findings.\n\n";
    } else {
        out += "| Kind | error | warning | info | Total |\n|---|---:|---:|---:|---:|\n";
        for (const auto& k : s.by_kind) {
            out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_cell(k.kind), k.by_severity[2],
                               k.by_severity[1], k.by_severity[0], k.total());
        }
        out += '\n';
    }
    if (run.has_baseline) {
        out += fmt::format("Against the baseline: {} new, {} still present, {} resolved.\n\n", s.baseline_new,
                           s.baseline_present, s.resolved);
    }
    if (run.ignored > 0) out += fmt::format("Suppressed by `[[ignore]]` entries: {}.\n\n", run.ignored);
}

std::string side_summary(const FindingSide& side) {
    return fmt::format("{} ({}, {} source{})", escape_markdown(side.value), escape_markdown(side.holder_group),
                       side.clusters, side.clusters == 1 ? "" : "s");
}

void finding_section(Out& out, const Finding& f) {
    out += fmt::format("### {} · {} · {}\n\n", escape_markdown(f.id), escape_markdown(f.kind), to_string(f.severity));
    out += fmt::format("- **Topic / subject:** {} / {}\n", escape_markdown(f.topic), escape_markdown(f.subject));
    if (!f.rule.empty()) out += fmt::format("- **Rule:** {}\n", escape_markdown(f.rule));
    if (!f.baseline.empty()) out += fmt::format("- **Baseline:** {}\n", escape_markdown(f.baseline));
    std::string sides;
    for (const auto& side : f.sides) sides += (sides.empty() ? "" : " ⟷ ") + side_summary(side);
    if (!sides.empty()) out += fmt::format("- **Sides:** {}\n", sides);
    if (f.undated) out += "- Some evidence has no stated date.\n";
    out += fmt::format("\n> {}\n\n", escape_markdown(f.message));
    out += "| Value | Holder group | Quote | Speaker | Outlet | Stated (provenance) | Location |\n";
    out += "|---|---|---|---|---|---|---|\n";
    for (const auto& side : f.sides) {
        for (const auto& e : side.evidence) {
            const std::string quote = truncate_text(e.text) + (e.headline ? " (headline)" : "") +
                                      (e.subject.empty() ? "" : " (about " + e.subject + ")");
            out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(side.value),
                               markdown_cell(side.holder_group), markdown_cell(quote), markdown_cell(e.holder),
                               markdown_cell(e.outlet), markdown_cell(dated_label(e.stated, e.stated_source)),
                               markdown_cell(location_label(e.doc, e.line, e.col)));
        }
    }
    out += '\n';
}

void timeline_line(Out& out, const Assertion& a, const EvidenceIndex& index) {
    const std::string finding = index.finding_for(a);
    out += fmt::format("- {} {}: {} — {}{}\n", dated_label(a.stated, a.stated_source),
                       escape_markdown(holder_label(a.holder_group, a.holder)), escape_markdown(a.value),
                       escape_markdown(location_label(a.doc, a.evidence.line, 0)),
                       finding.empty() ? "" : " ⚑ " + escape_markdown(finding));
}

void timelines_section(Out& out, const RunOutput& run) {
    out += "## Timelines\n\n";
    const auto all = report_timelines(run.assertions);
    if (all.empty()) {
        out += "No assertions.\n\n";
        return;
    }
    const EvidenceIndex index(run.findings);
    std::string subject;
    for (const auto& t : all) {
        if (t.subject != subject || &t == &all.front()) {
            subject = t.subject;
            out += fmt::format("### {}\n\n", escape_markdown(t.subject));
        }
        out += fmt::format("**{}**\n\n", escape_markdown(t.topic));
        for (const Assertion* a : t.dated) timeline_line(out, *a, index);
        for (const Assertion* a : t.undated) timeline_line(out, *a, index);
        out += '\n';
    }
}

void sources_section(Out& out, const RunOutput& run) {
    out += "## Sources\n\n";
    const auto clusters = source_clusters(run.documents);
    if (clusters.empty()) {
        out += "No documents processed.\n\n";
        return;
    }
    out += "| Cluster | Document | Outlet | Published (provenance) | Headline | Assertions |\n";
    out += "|---|---|---|---|---|---:|\n";
    for (const auto& c : clusters) {
        const std::string label = c.cluster.empty()       ? "—"
                                  : c.members.size() == 1 ? markdown_cell(c.cluster)
                                                          : fmt::format("{} ({} copies)", markdown_cell(c.cluster),
                                                                        c.members.size());
        for (const DocumentRecord* d : c.members) {
            out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", label, markdown_cell(d->doc),
                               markdown_cell(d->outlet), markdown_cell(dated_label(d->published, d->published_source)),
                               markdown_cell(truncate_text(d->headline, 120)), d->assertions);
        }
    }
    out += '\n';
}

void skipped_section(Out& out, const RunOutput& run) {
    out += "## Skipped inputs\n\n";
    const auto skipped = skipped_documents(run.documents);
    if (skipped.empty()) {
        out += "None.\n\n";
        return;
    }
    out += "| File | Reason |\n|---|---|\n";
    for (const DocumentRecord* d : skipped) {
        out += fmt::format("| {} | {} |\n", markdown_cell(d->doc), markdown_cell(d->reason));
    }
    out += '\n';
}

void ignores_section(Out& out, const RunOutput& run) {
    out += "## Stale `[[ignore]]` entries\n\n";
    if (run.stale_ignores.empty()) {
        out += "None.\n\n";
        return;
    }
    out += "| Config line | Matches | Reason |\n|---:|---|---|\n";
    for (const auto& entry : run.stale_ignores) {
        const std::string matches = describe_ignore(entry);
        out += fmt::format("| {} | {} | {} |\n", entry.line, markdown_cell(matches), markdown_cell(entry.reason));
    }
    out += '\n';
}

void resolved_section(Out& out, const RunOutput& run) {
    if (!run.has_baseline) return;
    out += "## Resolved since the baseline\n\n";
    if (run.resolved.empty()) out += "None.\n";
    for (const Finding* f : ordered_findings(run.resolved)) {
        out += fmt::format("- {} · {} · {} / {}: {}\n", escape_markdown(f->id), escape_markdown(f->kind),
                           escape_markdown(f->topic), escape_markdown(f->subject), escape_markdown(f->message));
    }
    out += '\n';
}

void warnings_section(Out& out, const RunOutput& run) {
    if (run.diagnostics.items().empty()) return;
    out += "## Input warnings\n\n";
    for (const auto& d : run.diagnostics.items()) {
        out += fmt::format("- {}: {}: {} [{}]\n", escape_markdown(location_label(d.path, d.line, d.col)),
                           to_string(d.severity), escape_markdown(d.message), escape_markdown(d.id));
    }
    out += '\n';
}

}  // namespace

std::string render_markdown(const RunOutput& run, const ReportContext& context) {
    const ReportSummary summary = summarise(run);
    Out out = "# factline report\n\n";
    out += fmt::format("factline {} · {} documents processed, {} skipped · {} assertions · {} findings\n\n",
                       escape_markdown(context.tool_version), summary.processed, summary.skipped, summary.assertions,
                       summary.findings);
    summary_section(out, run, summary);
    out += "## Findings\n\n";
    if (run.findings.empty()) out += "None.\n\n";
    for (const Finding* f : ordered_findings(run.findings)) finding_section(out, *f);
    timelines_section(out, run);
    sources_section(out, run);
    skipped_section(out, run);
    ignores_section(out, run);
    resolved_section(out, run);
    warnings_section(out, run);
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

void MarkdownWriter::write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
                           std::ostream&, Diagnostics& diagnostics) const {
    write_text_file(out_dir / "report.md", render_markdown(run, context), diagnostics);
}

std::vector<std::string> MarkdownWriter::outputs(const std::filesystem::path& out_dir) const {
    return {(out_dir / "report.md").string()};
}

}  // namespace factline
