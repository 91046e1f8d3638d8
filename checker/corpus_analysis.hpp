#pragma once
// analyse_corpus() over a corpus that arrives in batches (issue 7): `check`
// analyses the documents ingest() hands over as it reads, so that only a
// batch or two of unanalysed text is held, not the whole corpus. Pass 1
// (layout, sketch, dedup index, and extraction of the documents that carry
// their own date) runs batch by batch; the clusters and pass 2 wait for the
// last batch. The output is the same for any cut into batches, and a corpus
// given as one batch is analysed exactly as analyse_corpus() analyses it.
#include <memory>
#include <vector>

#include "checker/document.hpp"
#include "checker/pipeline.hpp"

namespace factline {

class CorpusAnalysis {
public:
    /// An analysis by `rules` (kept by reference: they must outlive it) and `options`.
    CorpusAnalysis(const RuleSet& rules, const AnalysisOptions& options);
    ~CorpusAnalysis();
    CorpusAnalysis(const CorpusAnalysis&) = delete;
    CorpusAnalysis& operator=(const CorpusAnalysis&) = delete;

    /// The next documents in corpus order. Runs pass 1 over the batch added
    /// before and keeps this one: the last batch is held back in part, for
    /// the other threads to extract while clusters are decided, and which
    /// batch is the last is known only at finish(). An empty batch is ignored.
    void add(std::vector<Document>&& documents);

    /// Pass 1 over the last batch, the clusters, pass 2 and the records, as
    /// analyse_corpus() makes them: `skipped` become skipped records and
    /// `diagnostics` (the reading's) come first in run.diagnostics. Once.
    [[nodiscard]] RunOutput finish(std::vector<Skipped> skipped, const Diagnostics& diagnostics);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace factline
