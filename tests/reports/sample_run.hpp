#pragma once
// A hand-built RunOutput for the writer tests: two clustered documents, one
// document in a folder with a space, one skipped input, dated and undated
// assertions, a position_shift (warning), a dispute (info) whose evidence holds
// markup, control characters, a pipe and a newline, and an error-level
// headline_body. Writers must format it; nothing here runs the pipeline.
#include <string>

#include "checker/pipeline.hpp"
#include "reports/report_writer.hpp"

namespace factline::testing {

inline constexpr const char* sample_root = "/srv/corpus";
inline constexpr const char* hostile_text =
    "Kherson <script>alert(1)</script> is ours\"><img src=x onerror=alert(1)> \x07\x1b | pipe\nnext line";

inline DocumentRecord sample_document(std::string doc, std::string cluster, std::string outlet, CivilDate published,
                                      DateSource source, std::uint32_t assertions) {
    DocumentRecord d;
    d.doc = std::move(doc);
    d.cluster = std::move(cluster);
    d.outlet = std::move(outlet);
    d.published = published;
    d.published_source = source;
    d.headline = "Kremlin says Kherson status unchanged";
    d.assertions = assertions;
    return d;
}

inline Assertion sample_assertion(std::string doc, std::uint32_t line, std::string holder, std::string group,
                                  std::string topic, std::string subject, std::string value,
                                  std::optional<CivilDate> stated, DateSource source, std::string text) {
    Assertion a;
    a.doc = std::move(doc);
    a.holder = std::move(holder);
    a.holder_group = std::move(group);
    a.topic = std::move(topic);
    a.subject = std::move(subject);
    a.value = std::move(value);
    a.stated = stated;
    a.stated_source = source;
    a.evidence.line = line;
    a.evidence.col = 1;
    a.evidence.text = std::move(text);
    return a;
}

inline FindingEvidence evidence_of(const Assertion& a, std::string outlet) {
    FindingEvidence e;
    e.doc = a.doc;
    e.line = a.evidence.line;
    e.col = a.evidence.col;
    e.stated = a.stated;
    e.stated_source = a.stated_source;
    e.text = a.evidence.text;
    e.holder = a.holder;
    e.outlet = std::move(outlet);
    return e;
}

inline FindingSide side_of(std::string value, std::string group, std::vector<FindingEvidence> evidence) {
    FindingSide side;
    side.value = std::move(value);
    side.holder_group = std::move(group);
    side.evidence = std::move(evidence);
    side.clusters = static_cast<int>(side.evidence.size());
    return side;
}

inline Finding sample_finding(std::string id, std::string kind, Severity severity, std::string topic,
                              std::string subject, std::vector<FindingSide> sides, std::string message) {
    Finding f;
    f.id = std::move(id);
    f.kind = std::move(kind);
    f.severity = severity;
    f.topic = std::move(topic);
    f.subject = std::move(subject);
    f.sides = std::move(sides);
    f.message = std::move(message);
    f.rule = "core." + f.kind;
    return f;
}

/// The run described at the top of this file.
inline RunOutput sample_run() {
    RunOutput run;
    const std::string a = std::string(sample_root) + "/a.txt";
    const std::string b = std::string(sample_root) + "/b.txt";
    const std::string c = std::string(sample_root) + "/sub dir/c d.txt";
    run.documents = {
        sample_document(a, "c1", "Wire", {2022, 11, 11}, DateSource::dateline, 3),
        sample_document(b, "c1", "Blog", {2022, 11, 11}, DateSource::cluster, 1),
        sample_document(c, "c2", "Herald", {2023, 3, 3}, DateSource::header, 2),
    };
    DocumentRecord skipped;
    skipped.doc = std::string(sample_root) + "/bin.dat";
    skipped.status = "skipped";
    skipped.reason = "binary file";
    run.documents.push_back(skipped);

    const Assertion impossible = sample_assertion(a, 26, "peskov", "russia", "negotiation", "russia", "impossible",
                                                  CivilDate{2022, 11, 11}, DateSource::dateline,
                                                  "“However, peace talks are impossible,” he added.");
    const Assertion conditional = sample_assertion(c, 11, "peskov", "russia", "negotiation", "russia", "conditional",
                                                   CivilDate{2023, 3, 3}, DateSource::header,
                                                   "Peskov said Russia was open to negotiations if Kyiv accepted.");
    const Assertion open_undated = sample_assertion(b, 4, "peskov", "russia", "negotiation", "russia", "open",
                                                    std::nullopt, DateSource::unknown, "Russia is open to talks.");
    const Assertion claim = sample_assertion(a, 9, "peskov", "russia", "status", "kherson", "russia",
                                             CivilDate{2022, 11, 11}, DateSource::dateline, hostile_text);
    const Assertion denial = sample_assertion(c, 5, "ukraine", "ukraine", "status", "kherson", "ukraine",
                                              CivilDate{2023, 3, 3}, DateSource::header, "Kherson is Ukraine.");
    const Assertion headline = sample_assertion(c, 1, "narrator", "narrator", "control", "zaporizhzhia",
                                                "russia_full", CivilDate{2023, 3, 3}, DateSource::header,
                                                "Russia Takes Full Control of Zaporizhzhia");
    run.assertions = {claim, impossible, open_undated, headline, denial, conditional};

    Finding shift = sample_finding("F-shift01", "position_shift", Severity::warning, "negotiation", "russia",
                                   {side_of("impossible", "russia", {evidence_of(impossible, "Wire")}),
                                    side_of("conditional", "russia", {evidence_of(conditional, "Herald")})},
                                   "Russia's stance on talks changed from impossible to conditional.");
    Finding dispute = sample_finding("F-dispute01", "dispute", Severity::info, "status", "kherson",
                                     {side_of("russia", "russia", {evidence_of(claim, "Wire|Wire2")}),
                                      side_of("ukraine", "ukraine", {evidence_of(denial, "Herald")})},
                                     "Russia and Ukraine disagree about Kherson's status.");
    Finding overstated = sample_finding("F-headline01", "headline_body", Severity::error, "control", "zaporizhzhia",
                                        {side_of("russia_full", "narrator", {evidence_of(headline, "Herald")})},
                                        "The headline claims full control; the body says part.");
    overstated.sides.front().evidence.front().headline = true;
    // Deliberately not in report order: writers sort.
    run.findings = {dispute, shift, overstated};
    return run;
}

inline ReportContext sample_context() { return ReportContext{sample_root, "0.1.0"}; }

}  // namespace factline::testing
