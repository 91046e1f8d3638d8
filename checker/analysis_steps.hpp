#pragma once
// The per-document steps of the analysis and the making of its records,
// shared by CorpusAnalysis (corpus_analysis.hpp), which runs them over a
// corpus in batches, and the rest of the pipeline (pipeline.cpp defines
// them). Not a stage of its own: nothing outside those two includes this.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "checker/cluster_map.hpp"
#include "checker/date_checks.hpp"
#include "checker/dedup_options.hpp"
#include "checker/document.hpp"
#include "checker/layout.hpp"
#include "checker/pipeline.hpp"
#include "checker/text_pool.hpp"
#include "checker/time.hpp"

namespace factline {

class DateScan;

namespace analysis_steps {

/// What the first pass keeps of a document for its record (its sketch is
/// kept apart, for the clusters). Small, since there is one per document of
/// the corpus for the whole run (issue 7: a 1 M-article corpus held 352 MB
/// of drafts when each carried a whole Layout and the sketch).
struct DocumentDraft {
    std::unique_ptr<Layout> layout;       // only while the document waits to be extracted after pass 1
    SharedText headline;
    SharedText agency;                    // the dateline's agency, if any (the outlet without metadata); pooled
    std::uint32_t boilerplate_lines = 0;  // kept from the layout for the document record
};

/// What the analysis keeps of a document once pass 1 has seen it: what its
/// record takes, and the whole document only while its text is needed (to
/// extract it after pass 1, or for a date finding to quote). One per
/// document for the whole analysis: a 1 M-article corpus held 152 MB of
/// Documents whose texts were long gone.
struct KeptDocument {
    SharedText url;
    SharedText outlet;              // the source's metadata ("" if none), one copy per outlet from the pool
    std::unique_ptr<Document> whole;

    /// Keeps `document` whole while its text is left (extraction frees it).
    void keep(Document&& document, TextPool& pool) {
        url = SharedText(document.meta.url);
        outlet = pool.share(document.meta.outlet);
        if (!document.text.empty()) whole = std::make_unique<Document>(std::move(document));
    }
};

/// The document's text hash, date evidence and shingles; `dates`, when
/// given, is the scan of its dates over `layout` (else one is made).
[[nodiscard]] DocumentSketch sketch_document(const Document& document, const Layout& layout,
                                             NumericOrder numeric_order, DateScan* dates = nullptr);

/// The layout, with the headline kept in the draft.
[[nodiscard]] Layout lay_out(const Document& document, const RuleSet& rules, DocumentDraft& draft);

/// The order of one document's assertions in assertions.jsonl: place in it, then content.
[[nodiscard]] bool assertion_order_in_document(const Assertion& a, const Assertion& b);

/// Documents by path (stably), date findings in finding order.
void sort_documents_and_date_findings(RunOutput& run);

/// A document's weekday conflicts. Few documents have any: the analysis
/// lists those, not an empty vector for every document (24 MB at 1 M).
struct DocumentDateConflicts {
    std::size_t document;  // its index in the analysis
    std::vector<DateConflict> conflicts;
};

/// The weekday findings, which quote the text: freed once they are made.
/// `date_conflicts` in document order.
void add_date_findings(RunOutput& run, std::vector<KeptDocument>& documents, const std::vector<DocumentDraft>& drafts,
                       const std::vector<ClusterAssignment>& clusters,
                       const std::vector<DocumentDateConflicts>& date_conflicts);

/// The document records and the assertions, in path order (moved, not
/// copied); frees the documents, drafts, clusters and per-document vectors.
void put_in_path_order(RunOutput& run, std::vector<KeptDocument>& documents, std::vector<DocumentDraft>& drafts,
                       std::vector<ClusterAssignment>& clusters, std::vector<std::vector<Assertion>>& per_document,
                       int jobs);

[[nodiscard]] DedupOptions dedup_options(const AnalysisOptions& options);
[[nodiscard]] NumericOrder numeric_order_of(const AnalysisOptions& options);

}  // namespace analysis_steps
}  // namespace factline
