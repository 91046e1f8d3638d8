#pragma once
// The stages in order, as plain calls over plain data:
//   ingest → layout → sentences → time → lexicon → extract → dedup → consistency → report
// analyse_corpus() runs layout, time, extraction and dedup per document (in
// parallel, deterministic output); find_conflicts() then turns assertions into
// findings. Writers in reports/ format the RunOutput; nothing here prints.
// `check` runs the same analysis batch by batch as ingest reads the corpus
// (CorpusAnalysis, corpus_analysis.hpp).
// A sharded run moves the corpus-level part of dedup (clusters, and the dates
// they settle) out: sketch_corpus() per shard, assign_clusters() over all
// sketches (cluster_map.hpp), then analyse_corpus() with the map per shard.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker/assertion.hpp"
#include "checker/cluster_map.hpp"
#include "checker/config.hpp"
#include "checker/document.hpp"
#include "checker/finding.hpp"
#include "checker/rule_pack.hpp"
#include "checker/shared_text.hpp"
#include "checker/text_hash.hpp"

namespace factline {

/// "ok", the status of a processed document: made once, not interned (a
/// locked look-up) each time a record is made.
inline const Interned& document_ok() {
    static const Interned ok("ok");
    return ok;
}

/// One line of documents.jsonl: one per document of the corpus, so handles,
/// not strings (a 1 M-article run holds a million). Its doc, cluster, outlet
/// and hash are the copies its assertions share.
struct DocumentRecord {
    SharedText doc;
    Interned status = document_ok();  // ok | skipped
    SharedText reason;          // why skipped
    std::optional<CivilDate> published;
    DateSource published_source = DateSource::unknown;
    SharedText headline;
    SharedText cluster;
    std::uint32_t boilerplate_lines = 0;
    std::uint32_t assertions = 0;
    SharedText url;
    SharedText outlet;
    SharedText doc_hash;        // hash of the text; finding ids use it
};

struct RunSummary {
    std::size_t documents = 0;
    std::size_t skipped = 0;
    std::size_t assertions = 0;
    std::size_t findings = 0;
};

/// Everything a run produced; the writers' input.
struct RunOutput {
    std::vector<DocumentRecord> documents;  // processed and skipped, sorted by doc
    std::vector<Assertion> assertions;      // sorted by doc, line, col, topic, subject
    std::vector<Finding> findings;          // sorted by severity, kind, topic, subject, id
    std::vector<Finding> date_findings;     // per-document date_mismatch (weekday vs date); add_findings merges them
    std::vector<Finding> resolved;          // baseline findings no longer present
    std::vector<IgnoreEntry> stale_ignores; // [[ignore]] entries that matched nothing
    std::size_t ignored = 0;                // findings suppressed by [[ignore]]
    bool has_baseline = false;
    Diagnostics diagnostics;                // input warnings
};

struct AnalysisOptions {
    int jobs = 0;                 // 0: all cores
    double dedup_threshold = 0.6;
    std::string numeric_date_order = "mdy";  // reads "12/8/2022" when nothing else decides: mdy | dmy
    // Clusters and settled dates decided over a whole sharded corpus
    // (`extract --clusters`); null: decided over this corpus alone.
    const ClusterMap* clusters = nullptr;
};

/// Layout, time, extraction and dedup over a whole corpus (the map step).
/// Fills documents and assertions; findings stay empty. With
/// options.clusters, a document the map lacks is an error in run.diagnostics.
/// Takes the corpus by value and frees each document's text once it is
/// extracted: move a corpus in when it is not needed afterwards.
[[nodiscard]] RunOutput analyse_corpus(Corpus corpus, const RuleSet& rules, const AnalysisOptions& options);

/// Layout, date evidence and shingles per document, in corpus order: what
/// assign_clusters needs (`factline sketch`, the first map step of a sharded run).
[[nodiscard]] std::vector<DocumentSketch> sketch_corpus(const Corpus& corpus, const RuleSet& rules,
                                                        const AnalysisOptions& options);

/// Documents by path, assertions by (doc, line, col, topic, subject, holder,
/// value), per-document findings in finding order: the order of every output,
/// whatever order the documents were analysed or the shards were read in.
void sort_run_records(RunOutput& run);

/// Consistency over the assertions (the reduce step), then [[ignore]] entries.
void add_findings(RunOutput& run, const RuleSet& rules, const std::vector<IgnoreEntry>& ignores);

/// Marks findings new/present against a baseline and lists resolved ones.
void apply_baseline(RunOutput& run, const std::vector<Finding>& baseline);

}  // namespace factline
