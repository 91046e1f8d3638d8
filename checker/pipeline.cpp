#include "checker/pipeline.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <map>
#include <memory>
#include <spdlog/spdlog.h>

#include "checker/analysis_steps.hpp"
#include "checker/cluster_map.hpp"
#include "checker/corpus_analysis.hpp"
#include "checker/consistency.hpp"
#include "checker/parallel.hpp"
#include "checker/phase_clock.hpp"
#include "checker/date_checks.hpp"
#include "checker/date_scan.hpp"
#include "checker/dedup.hpp"
#include "checker/dedup_index.hpp"
#include "checker/extract.hpp"
#include "checker/finding_sink.hpp"
#include "checker/layout.hpp"
#include "checker/sentences.hpp"
#include "checker/time.hpp"

namespace factline {

using namespace analysis_steps;

namespace {

/// The body blocks, whose text joined by line breaks is what dedup compares.
std::vector<Span> body_spans(const Layout& layout) {
    std::vector<Span> body;
    for (const auto& block : layout.blocks) {
        if (block.kind == BlockKind::body) body.push_back(block.span);
    }
    return body;
}

// The order of assertions.jsonl: by document, then place in it, then content.
bool assertion_order(const Assertion& a, const Assertion& b) {
    if (a.doc != b.doc) return a.doc < b.doc;
    return assertion_order_in_document(a, b);
}

/// The outlet: the source's metadata, else the dateline's agency.
const SharedText& outlet_of(const KeptDocument& document, const DocumentDraft& draft) {
    return document.outlet.empty() ? draft.agency : document.outlet;
}

}  // namespace

namespace analysis_steps {

DocumentSketch sketch_document(const Document& document, const Layout& layout, NumericOrder numeric_order,
                               DateScan* dates) {
    DocumentSketch sketch;
    sketch.doc = document.path;
    sketch.doc_hash = text_hash(document.text);
    sketch.date_evidence = read_document_date(document, layout, numeric_order, dates);
    sketch.shingles = shingle_hashes(document.text, body_spans(layout));
    return sketch;
}

/// The layout, with the headline kept in the draft.
Layout lay_out(const Document& document, const RuleSet& rules, DocumentDraft& draft) {
    Layout layout = analyse_layout(document.text, rules.layout);
    if (layout.headline) draft.headline = SharedText(layout.headline->of(document.text));
    return layout;
}

bool assertion_order_in_document(const Assertion& a, const Assertion& b) {
    return std::tie(a.evidence.line, a.evidence.col, a.topic, a.subject, a.holder, a.value) <
           std::tie(b.evidence.line, b.evidence.col, b.topic, b.subject, b.holder, b.value);
}

void sort_documents_and_date_findings(RunOutput& run) {
    // A stable sort of the records after the first one out of order, merged
    // into those before it: what a stable sort of all of them gives, in any
    // order (sort_run_records passes shards' records), and nearly free for
    // analysis, which appends only the skipped inputs after its documents,
    // already in order (a full sort of 20,000 paths cost as much as making
    // the records).
    const auto by_doc = [](const DocumentRecord& a, const DocumentRecord& b) { return a.doc < b.doc; };
    const auto unsorted = std::is_sorted_until(run.documents.begin(), run.documents.end(), by_doc);
    std::stable_sort(unsorted, run.documents.end(), by_doc);
    std::inplace_merge(run.documents.begin(), unsorted, run.documents.end(), by_doc);
    sort_findings(run.date_findings);
}

/// The weekday findings, which quote the text: freed once they are made.
void add_date_findings(RunOutput& run, std::vector<KeptDocument>& documents, const std::vector<DocumentDraft>& drafts,
                       const std::vector<ClusterAssignment>& clusters,
                       const std::vector<DocumentDateConflicts>& date_conflicts) {
    for (const auto& [i, conflicts] : date_conflicts) {
        for (const auto& conflict : conflicts) {
            run.date_findings.push_back(date_conflict_finding(
                conflict, documents[i].whole->text,
                {clusters[i].doc, clusters[i].doc_hash, outlet_of(documents[i], drafts[i]), clusters[i].cluster}));
        }
        documents[i].whole.reset();
    }
}

/// The document records and the assertions, in path order, so that the
/// assertions land in their final order: each document's were sorted as it
/// was extracted. Documents of one path (JSON Lines records sharing an id)
/// are merged as one sort of the whole run would merge them. Takes the
/// documents' paths and metadata, the drafts' headlines and the clusters'
/// names and hashes rather than copying them (a copy per document of a
/// large corpus), and frees all four vectors.
void put_in_path_order(RunOutput& run, std::vector<KeptDocument>& documents, std::vector<DocumentDraft>& drafts,
                       std::vector<ClusterAssignment>& clusters, std::vector<std::vector<Assertion>>& per_document,
                       int jobs) {
    std::vector<std::size_t> order(documents.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return clusters[a].doc < clusters[b].doc; });
    // The records, and the copies of their fields each assertion carries, are
    // made on every thread (a dozen strings per document); this one only
    // moves the assertions into place.
    run.documents.resize(documents.size());
    parallel_for(order.size(), jobs, [&](std::size_t k) {
        const std::size_t i = order[k];
        KeptDocument& document = documents[i];
        DocumentRecord& record = run.documents[k];
        record.doc = std::move(clusters[i].doc);  // the document's path, one copy since it was sketched
        record.published = clusters[i].date.date;
        record.published_source = clusters[i].date.source;
        record.headline = std::move(drafts[i].headline);
        record.cluster = std::move(clusters[i].cluster);  // one copy per cluster (assign_clusters)
        record.boilerplate_lines = drafts[i].boilerplate_lines;
        record.assertions = static_cast<std::uint32_t>(per_document[i].size());
        record.url = std::move(document.url);
        record.outlet = outlet_of(document, drafts[i]);  // pooled, as is the agency: one copy per outlet
        record.doc_hash = std::move(clusters[i].doc_hash);
        for (auto& assertion : per_document[i]) {
            assertion.doc = record.doc;
            assertion.cluster = record.cluster;
            assertion.doc_hash = record.doc_hash;
            assertion.outlet = record.outlet;
        }
    });
    // The records have what they need of the documents, drafts and clusters:
    // those are freed before the assertions' one array is made, the run's
    // peak (issue 7: at 1 M articles, ~280 MB of arrays, each one allocation
    // the allocator gives back whole).
    std::vector<KeptDocument>().swap(documents);
    std::vector<DocumentDraft>().swap(drafts);
    std::vector<ClusterAssignment>().swap(clusters);
    std::size_t total = 0;
    for (const auto& assertions : per_document) total += assertions.size();
    run.assertions.reserve(total);  // one allocation, not a doubling copy of the largest vector
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        const SharedText& path = run.documents[k].doc;
        const std::size_t first = run.assertions.size();
        for (auto& assertion : per_document[i]) run.assertions.push_back(std::move(assertion));
        std::vector<Assertion>().swap(per_document[i]);  // moved-from shells
        const bool shares_path = k > 0 && run.documents[k - 1].doc == path;
        if (shares_path) {
            // Back to where this path's first document began, then one stable sort over them all.
            std::size_t begin = first;
            while (begin > 0 && run.assertions[begin - 1].doc == path) --begin;
            std::stable_sort(run.assertions.begin() + static_cast<std::ptrdiff_t>(begin), run.assertions.end(),
                             assertion_order_in_document);
        }
    }
    std::vector<std::vector<Assertion>>().swap(per_document);
}

DedupOptions dedup_options(const AnalysisOptions& options) {
    DedupOptions dedup;
    dedup.threshold = options.dedup_threshold;
    dedup.jobs = options.jobs;
    return dedup;
}

NumericOrder numeric_order_of(const AnalysisOptions& options) {
    return parse_numeric_order(options.numeric_date_order).value_or(NumericOrder::month_first);
}

}  // namespace analysis_steps

RunOutput analyse_corpus(Corpus corpus, const RuleSet& rules, const AnalysisOptions& options) {
    CorpusAnalysis analysis(rules, options);
    analysis.add(std::move(corpus.documents));
    return analysis.finish(std::move(corpus.skipped), corpus.diagnostics);
}

std::vector<DocumentSketch> sketch_corpus(const Corpus& corpus, const RuleSet& rules, const AnalysisOptions& options) {
    const auto& documents = corpus.documents;
    std::vector<DocumentSketch> sketches(documents.size());
    parallel_for(documents.size(), options.jobs, [&](std::size_t i) {
        const Layout layout = analyse_layout(documents[i].text, rules.layout);
        DateScan dates(documents[i].text, layout);
        sketches[i] = sketch_document(documents[i], layout, numeric_order_of(options), &dates);
    });
    spdlog::info("sketched {} documents ({} skipped)", documents.size(), corpus.skipped.size());
    return sketches;
}

void sort_run_records(RunOutput& run) {
    std::stable_sort(run.assertions.begin(), run.assertions.end(), assertion_order);
    sort_documents_and_date_findings(run);
}

void add_findings(RunOutput& run, const RuleSet& rules, const std::vector<IgnoreEntry>& ignores) {
    auto findings = find_conflicts(run.assertions, rules);
    if (const RuleSpec spec = rules.conflicts.spec("date_mismatch"); spec.enabled) {
        for (Finding finding : run.date_findings) {
            finding.severity = spec.severity.value_or(finding.severity);
            findings.push_back(std::move(finding));
        }
        sort_findings(findings);
    }
    std::vector<bool> used(ignores.size(), false);
    for (auto& finding : findings) {
        bool ignored = false;
        for (std::size_t i = 0; i < ignores.size(); ++i) {
            const auto& entry = ignores[i];
            const bool by_id = !entry.id.empty() && entry.id == finding.id;
            const bool by_kind = entry.id.empty() && entry.kind == finding.kind &&
                                 (entry.subject.empty() || entry.subject == finding.subject);
            if (by_id || by_kind) {
                used[i] = true;
                ignored = true;
            }
        }
        if (ignored) {
            ++run.ignored;
        } else {
            run.findings.push_back(std::move(finding));
        }
    }
    for (std::size_t i = 0; i < ignores.size(); ++i) {
        if (!used[i]) run.stale_ignores.push_back(ignores[i]);
    }
}

void apply_baseline(RunOutput& run, const std::vector<Finding>& baseline) {
    run.has_baseline = true;
    std::map<std::string, const Finding*> before;
    for (const auto& finding : baseline) before.emplace(finding.id, &finding);
    for (auto& finding : run.findings) {
        const bool present = before.erase(finding.id) > 0;
        finding.baseline = present ? "present" : "new";
    }
    for (const auto& [id, finding] : before) run.resolved.push_back(*finding);
}

}  // namespace factline
