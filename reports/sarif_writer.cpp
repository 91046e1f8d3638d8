#include "reports/sarif_writer.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "reports/report_text.hpp"

namespace factline {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* schema_uri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* root_base_id = "CORPUSROOT";

/// What SARIF viewers show for a finding kind: the closed set of SPEC §3, so
/// the texts live here; a kind this table does not know still gets a rule.
struct KindText {
    const char* kind;
    const char* short_text;
    const char* full_text;
    const char* help;
    Severity default_severity;
};

constexpr KindText kind_texts[] = {
    {"cross_source", "Outlets' own reporting disagrees",
     "Two outlets, speaking in their own voice, report a fact or a date differently within the rule's time window.",
     "Compare the quoted passages and their stated dates; correct the outlet that is wrong or attribute the claim.",
     Severity::warning},
    {"date_mismatch", "A date does not fit its weekday or is dated differently elsewhere",
     "A weekday named in the text does not fall on the date it accompanies, or one event carries different dates.",
     "Check the dateline, the header date and the weekday; one of them is a typo or belongs to another event.",
     Severity::warning},
    {"dispute", "Holder groups disagree",
     "Different holder groups make incompatible claims about the same subject (for example whose territory it is).",
     "A dispute is usually the news itself; make sure the report attributes each side's claim.", Severity::info},
    {"headline_body", "The headline contradicts or overstates the body",
     "The headline states a value that the article body does not support or contradicts.",
     "Align the headline with what the body reports, or add the missing attribution.", Severity::warning},
    {"position_shift", "A holder group changed its stance",
     "The same holder group took incompatible stances on a topic at different stated dates.",
     "Check the stated dates and their provenance; a real shift should be reported as a change, not as a constant.",
     Severity::warning},
    {"self_contradiction", "A holder contradicts itself",
     "The same holder made incompatible statements on the same day or in the same statement.",
     "Read both passages in context; one may be a paraphrase error or a misattributed quote.", Severity::warning},
};

const KindText* kind_text(std::string_view kind) {
    for (const auto& k : kind_texts) {
        if (kind == k.kind) return &k;
    }
    return nullptr;
}

Json rule_json(const std::string& kind) {
    const KindText* text = kind_text(kind);
    const std::string short_text = text ? text->short_text : "Finding of kind " + kind;
    const std::string full_text = text ? text->full_text : "Findings of kind " + kind + " from the rule packs.";
    const std::string help = text ? text->help : "See the finding's evidence in report.md.";
    Json rule;
    rule["id"] = kind;
    rule["name"] = kind;
    rule["shortDescription"] = {{"text", short_text}};
    rule["fullDescription"] = {{"text", full_text}};
    rule["help"] = {{"text", help}};
    rule["defaultConfiguration"] = {{"level", sarif_level(text ? text->default_severity : Severity::warning)}};
    return rule;
}

Json physical_location(const FindingEvidence& e, const ReportContext& context) {
    const ArtifactUri uri = artifact_uri(e.doc, context.corpus_root);
    Json artifact = {{"uri", uri.uri}};
    if (uri.relative_to_root) artifact["uriBaseId"] = root_base_id;
    Json region = {{"startLine", std::max<std::uint32_t>(e.line, 1)}};
    if (e.col > 0) region["startColumn"] = e.col;
    return {{"artifactLocation", std::move(artifact)}, {"region", std::move(region)}};
}

std::string evidence_message(const FindingSide& side, const FindingEvidence& e) {
    return fmt::format("{} — {}, {}{}: {}", side.value, holder_label(side.holder_group, e.holder),
                       dated_label(e.stated, e.stated_source), e.outlet.empty() ? "" : ", " + e.outlet,
                       truncate_text(e.text));
}

Json result_json(const Finding& f, std::size_t rule_index, const ReportContext& context, bool has_baseline) {
    Json result;
    result["ruleId"] = f.kind;
    result["ruleIndex"] = rule_index;
    result["level"] = sarif_level(f.severity);
    result["message"] = {{"text", f.message.empty() ? f.kind + " on " + f.topic + "/" + f.subject : f.message}};
    Json locations = Json::array();
    Json related = Json::array();
    const FindingEvidence* primary = primary_evidence(f);
    int next_id = 1;
    for (const auto& side : f.sides) {
        for (const auto& e : side.evidence) {
            Json location = {{"physicalLocation", physical_location(e, context)},
                             {"message", {{"text", evidence_message(side, e)}}}};
            if (&e == primary) {
                locations.push_back(std::move(location));
            } else {
                location["id"] = next_id++;
                related.push_back(std::move(location));
            }
        }
    }
    result["locations"] = std::move(locations);
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    result["partialFingerprints"] = {{"factlineFindingId/v1", f.id}};
    if (has_baseline && !f.baseline.empty()) result["baselineState"] = f.baseline == "new" ? "new" : "unchanged";
    result["properties"] = {{"findingId", f.id}, {"topic", f.topic}, {"subject", f.subject}, {"rule", f.rule},
                            {"severity", to_string(f.severity)}};
    return result;
}

Json notification(std::string_view level, const std::string& text, const std::string& doc,
                  const ReportContext& context) {
    Json n = {{"level", level}, {"message", {{"text", text}}}};
    if (!doc.empty()) {
        FindingEvidence place;
        place.doc = doc;
        Json location = {{"physicalLocation", physical_location(place, context)}};
        location["physicalLocation"].erase("region");
        n["locations"] = Json::array({std::move(location)});
    }
    return n;
}

Json invocation_json(const RunOutput& run, const ReportContext& context) {
    Json notifications = Json::array();
    for (const DocumentRecord* d : skipped_documents(run.documents)) {
        notifications.push_back(notification("warning", "skipped input: " + d->reason, d->doc.str(), context));
    }
    for (const auto& entry : run.stale_ignores) {
        const std::string what = !entry.id.empty() ? "id " + entry.id : "kind " + entry.kind;
        notifications.push_back(notification(
            "note", fmt::format("stale [[ignore]] entry at config line {} ({}) matched no finding", entry.line, what),
            "", context));
    }
    Json invocation = {{"executionSuccessful", true}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
    return invocation;
}

}  // namespace

std::string_view sarif_level(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "note";
    }
    return "warning";
}

std::string render_sarif(const RunOutput& run, const ReportContext& context) {
    std::set<std::string> kinds;
    for (const auto& k : kind_texts) kinds.insert(k.kind);
    for (const auto& f : run.findings) kinds.insert(f.kind);
    std::map<std::string, std::size_t> rule_index;
    Json rules = Json::array();
    for (const auto& kind : kinds) {
        rule_index[kind] = rules.size();
        rules.push_back(rule_json(kind));
    }
    Json driver = {{"name", "factline"}, {"version", context.tool_version}};
    if (!context.tool_version.empty()) driver["semanticVersion"] = context.tool_version;
    driver["rules"] = std::move(rules);

    Json results = Json::array();
    for (const Finding* f : ordered_findings(run.findings)) {
        results.push_back(result_json(*f, rule_index[f->kind], context, run.has_baseline));
    }
    Json sarif_run;
    sarif_run["tool"] = {{"driver", std::move(driver)}};
    sarif_run["invocations"] = Json::array({invocation_json(run, context)});
    // The root's absolute path would make the file differ per machine; viewers
    // resolve CORPUSROOT to the folder the corpus was checked from.
    sarif_run["originalUriBaseIds"] = {
        {root_base_id, {{"description", {{"text", "The corpus folder given to factline check."}}}}}};
    sarif_run["results"] = std::move(results);
    sarif_run["columnKind"] = "unicodeCodePoints";

    Json sarif;
    sarif["$schema"] = schema_uri;
    sarif["version"] = "2.1.0";
    sarif["runs"] = Json::array({std::move(sarif_run)});
    return sarif.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void SarifWriter::write(const RunOutput& run, const ReportContext& context, const std::filesystem::path& out_dir,
                        std::ostream&, Diagnostics& diagnostics) const {
    write_text_file(out_dir / "report.sarif", render_sarif(run, context), diagnostics);
}

std::vector<std::string> SarifWriter::outputs(const std::filesystem::path& out_dir) const {
    return {(out_dir / "report.sarif").string()};
}

}  // namespace factline
