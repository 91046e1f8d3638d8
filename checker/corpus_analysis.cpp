#include "checker/corpus_analysis.hpp"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <mutex>
#include <optional>
#include <spdlog/spdlog.h>

#include "checker/analysis_steps.hpp"
#include "checker/date_scan.hpp"
#include "checker/dedup_index.hpp"
#include "checker/extract.hpp"
#include "checker/free_memory.hpp"
#include "checker/parallel.hpp"
#include "checker/phase_clock.hpp"
#include "checker/sentences.hpp"

namespace factline {

using namespace analysis_steps;

struct CorpusAnalysis::State {
    State(const RuleSet& rules, const AnalysisOptions& options)
        : rules(rules), options(options), dedup_index(0, dedup_options(options)) {}

    void pass_one(std::vector<Document>&& batch, bool last);
    void extract_document(std::size_t i, Document& document, const Layout& layout, const DatedBy& date,
                          DateScan* scan = nullptr);
    [[nodiscard]] bool extract_at_once(std::size_t i) const {
        return options.clusters == nullptr && i < held_from && sketches[i].date_evidence.date.date.has_value();
    }

    const RuleSet& rules;
    const AnalysisOptions options;
    // One entry per document of every batch analysed so far, in corpus order.
    std::vector<KeptDocument> documents;
    std::vector<DocumentDraft> drafts;
    std::vector<SketchHeader> sketches;  // the shingles are in dedup_index
    std::vector<std::vector<Assertion>> per_document;
    std::mutex date_conflicts_lock;
    std::vector<DocumentDateConflicts> date_conflicts;  // of the documents with any, in the order found
    // Each document's band keys are made, and its shingles stored (spilled
    // to a file on a large corpus), as it is sketched: clustering never needs
    // the whole corpus's shingles in memory. A map has decided the clusters.
    DedupIndex dedup_index;
    // Syndicated copies quote the same sentences: their assertions share one
    // copy. Outlets and agencies are one copy each from it too.
    TextPool shared_texts;
    std::vector<Document> pending;            // the batch added last, not through pass 1 yet
    std::size_t held_from = SIZE_MAX;         // the first document held back from pass 1's extraction
    PhaseClock pass_one_clock;                // from the analysis's start to the end of pass 1 of the last batch
};

// `scan`: pass 1's scan of the document's dates, when it is extracted
// right after pass 1; one scan serves the lead, extraction and the weekday
// checks. It views the layout, which is freed here: it is not used after.
void CorpusAnalysis::State::extract_document(std::size_t i, Document& document, const Layout& layout,
                                             const DatedBy& date, DateScan* scan) {
    assert(scan == nullptr || &scan->layout() == &layout);
    const auto sentences = split_sentences(document.text, layout);
    std::optional<DateScan> own;
    DateScan& dates = scan != nullptr ? *scan : own.emplace(document.text, layout);
    per_document[i] = extract_assertions({document, layout, sentences, date, &dates}, rules);
    for (auto& assertion : per_document[i]) assertion.evidence.text = shared_texts.share(assertion.evidence.text);
    std::stable_sort(per_document[i].begin(), per_document[i].end(), assertion_order_in_document);
    auto conflicts = find_date_conflicts(dates, date);
    // Only two facts of the layout outlive extraction; the caller frees the rest.
    drafts[i].boilerplate_lines = layout.boilerplate_lines;
    if (layout.dateline) drafts[i].agency = shared_texts.share(layout.dateline->agency);
    // The text is not needed after extraction (the assertions carry their
    // sentences): on a large corpus it is most of the memory. A date
    // finding quotes it, once the clusters are known.
    if (conflicts.empty()) {
        std::string().swap(document.text);
    } else {
        const std::lock_guard<std::mutex> hold(date_conflicts_lock);
        date_conflicts.push_back({i, std::move(conflicts)});
    }
}

// A document that carries its own date keeps it whatever the clusters
// say (cluster_map.cpp settles only the undated), so it can be extracted
// as soon as its layout is known, while its text is still in the cache,
// and its text and layout freed at once instead of held for the whole
// corpus (issue 7: they were a third of the peak memory). The last
// documents are held back all the same, for the other threads to extract
// while this one decides the clusters, mostly serial work (a sixth to a
// third of the extraction's on Reuters and the synthetic corpora): a
// quarter of the last batch per other thread, and never more than half of
// it, so that a machine with many cores still gains the memory. A map has
// the last word on every date, so with one every document waits.
void CorpusAnalysis::State::pass_one(std::vector<Document>&& batch, bool last) {
    const std::size_t begin = documents.size();
    const std::size_t end = begin + batch.size();
    documents.resize(end);
    drafts.resize(end);
    sketches.resize(end);
    per_document.resize(end);
    if (options.clusters == nullptr) dedup_index.grow(end);
    if (last) {
        constexpr std::size_t shares = 4;  // the batch in quarters: one held back per other thread
        const std::size_t threads = thread_count(options.jobs);
        const std::size_t size = end - begin;
        held_from = end - std::min(size / 2, size * (threads - 1) / shares);
    }
    parallel_for(end - begin, options.jobs, [&](std::size_t k) {
        const std::size_t i = begin + k;
        Document& document = batch[k];
        Layout layout = lay_out(document, rules, drafts[i]);
        DateScan dates(document.text, layout);  // views the layout: made once the layout is in place
        DocumentSketch sketch = sketch_document(document, layout, numeric_order_of(options), &dates);
        if (options.clusters == nullptr) dedup_index.add(i, std::move(sketch.shingles));
        sketches[i] = std::move(static_cast<SketchHeader&>(sketch));
        if (extract_at_once(i)) {
            extract_document(i, document, layout, sketches[i].date_evidence.date, &dates);
        } else {
            layout.blocks.shrink_to_fit();  // held until the document is extracted
            drafts[i].layout = std::make_unique<Layout>(std::move(layout));
        }
        documents[i].keep(std::move(document), shared_texts);  // last: `dates` viewed its text
    });
    std::vector<Document>().swap(batch);
}

CorpusAnalysis::CorpusAnalysis(const RuleSet& rules, const AnalysisOptions& options)
    : state_(std::make_unique<State>(rules, options)) {}

CorpusAnalysis::~CorpusAnalysis() = default;

void CorpusAnalysis::add(std::vector<Document>&& documents) {
    if (documents.empty()) return;
    if (!state_->pending.empty()) state_->pass_one(std::move(state_->pending), false);
    state_->pending = std::move(documents);
}

RunOutput CorpusAnalysis::finish(std::vector<Skipped> skipped, const Diagnostics& diagnostics) {
    State& state = *state_;
    const AnalysisOptions& options = state.options;
    RunOutput run;
    run.diagnostics.append(diagnostics);
    state.pass_one(std::move(state.pending), true);
    state.pass_one_clock.lap("layout, sketches and most dated documents (pass 1; with batches, since the first)");
    auto& documents = state.documents;
    auto& drafts = state.drafts;

    PhaseClock clock;
    // Those not extracted yet: the dated first, while the clusters are
    // decided; those that wait for a cluster's date last.
    std::vector<std::optional<DatedBy>> own_date(documents.size());
    std::vector<std::size_t> remaining;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (state.sketches[i].date_evidence.date.date) own_date[i] = state.sketches[i].date_evidence.date;
        if (!state.extract_at_once(i)) remaining.push_back(i);
    }
    const auto waits = [&](std::size_t i) { return options.clusters != nullptr || !own_date[i]; };
    std::stable_partition(remaining.begin(), remaining.end(), [&](std::size_t i) { return !waits(i); });
    // With a map, clusters and dates were decided over the whole corpus of a
    // sharded run; without one, over this corpus (the same thing for `check`).
    std::vector<ClusterAssignment> clusters;
    const auto decide_clusters = [&] {
        PhaseClock clusters_clock;
        clusters = options.clusters != nullptr
                       ? look_up_clusters(state.sketches, *options.clusters, run.diagnostics)
                       : assign_clusters(std::move(state.sketches), std::move(state.dedup_index));
        clusters_clock.lap("clusters (beside extraction)");
    };
    parallel_for_beside(
        remaining.size(), options.jobs, decide_clusters, [&](std::size_t k) { return waits(remaining[k]); },
        [&](std::size_t k) {
            const std::size_t i = remaining[k];
            Document& document = *documents[i].whole;
            state.extract_document(i, document, *drafts[i].layout, waits(i) ? clusters[i].date : *own_date[i]);
            drafts[i].layout.reset();
            if (document.text.empty()) documents[i].whole.reset();  // kept only for a date finding
        });
    return_free_memory();
    clock.lap("clusters beside the other documents (pass 2)");

    std::sort(state.date_conflicts.begin(), state.date_conflicts.end(),
              [](const auto& a, const auto& b) { return a.document < b.document; });
    add_date_findings(run, documents, drafts, clusters, state.date_conflicts);
    std::vector<DocumentDateConflicts>().swap(state.date_conflicts);
    std::vector<std::optional<DatedBy>>().swap(own_date);
    const std::size_t analysed = documents.size();
    put_in_path_order(run, documents, drafts, clusters, state.per_document, options.jobs);
    for (auto& entry : skipped) {
        DocumentRecord record;
        record.doc = std::move(entry.path);
        record.status = "skipped";
        record.reason = std::move(entry.reason);
        run.documents.push_back(std::move(record));
    }
    sort_documents_and_date_findings(run);  // the assertions are in order already
    return_free_memory();
    clock.lap("records in order");
    spdlog::info("analysed {} documents ({} skipped), {} assertions", analysed, skipped.size(),
                 run.assertions.size());
    return run;
}

}  // namespace factline
