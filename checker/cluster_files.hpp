#pragma once
// The files of a sharded run's clustering, as JSON Lines with keys in a fixed
// order (byte-stable, like model_json.hpp):
//   sketches.jsonl  in a shard folder, written by `factline sketch`: one
//                   DocumentSketch per line ({"doc","doc_hash","date",
//                   "date_source","partial_month","partial_day","weekdays",
//                   "shingles"}; shingles as 16 hex digits)
//   the cluster map written by `factline cluster`, read by `extract
//                   --clusters`: one ClusterAssignment per line ({"doc",
//                   "doc_hash","cluster","published","published_source"})
// Readers check every field: a bad line is an error at file:line, never a
// silently defaulted value, since a wrong cluster or date changes findings.
#include <filesystem>
#include <string>
#include <vector>

#include "checker/cluster_map.hpp"
#include "checker/diagnostic.hpp"

namespace factline {

/// The sketch file's name inside a shard folder.
inline constexpr const char* sketches_file_name = "sketches.jsonl";

[[nodiscard]] std::string to_json_line(const DocumentSketch& sketch);
[[nodiscard]] std::string to_json_line(const ClusterAssignment& assignment);

/// Sketches from a shard folder (its sketches.jsonl) or a sketches file.
[[nodiscard]] std::vector<DocumentSketch> read_sketches(const std::filesystem::path& path, Diagnostics& diagnostics);

/// A cluster map file, indexed by document (see index_cluster_map).
[[nodiscard]] ClusterMap read_cluster_map(const std::filesystem::path& path, Diagnostics& diagnostics);

}  // namespace factline
