#pragma once
// What `factline extract --out DIR` leaves for `factline reduce`: everything
// the map step knows per document, so that reduce over shards reports what
// `check` reports over the whole corpus. A shard folder holds
//   assertions.jsonl         the assertions (the same lines extract prints)
//   documents.jsonl          one record per input file, processed or skipped
//   document_findings.jsonl  findings about one document alone (a weekday
//                            that does not fit the date), made while the
//                            text was at hand
// A plain assertions file (extract's stdout) is a shard with assertions only.
#include <filesystem>

#include "checker/diagnostic.hpp"
#include "checker/pipeline.hpp"

namespace factline {

/// Writes `run`'s documents, assertions and per-document findings into `dir`.
bool write_shard(const RunOutput& run, const std::filesystem::path& dir, Diagnostics& diagnostics);

/// Adds the shard at `path` (a folder written by write_shard, or an assertions
/// JSON Lines file) to `into`. Call sort_run_records once all are read.
void read_shard(const std::filesystem::path& path, RunOutput& into, Diagnostics& diagnostics);

}  // namespace factline
