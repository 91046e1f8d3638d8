#pragma once
// The corpus-level half of dedup (SPEC §2.3, §2.6): which documents are
// copies of one story, and the date each document settles on once its
// cluster-mates and the rest of the corpus are known. analyse_corpus decides
// this for the corpus it reads; a sharded run decides it once for all shards
// (`factline sketch` per shard, `factline cluster` over all sketches) and
// hands the result to every `extract --clusters`, so that clusters and dates
// do not depend on how the corpus was cut. Reading and writing the files is
// in cluster_files.hpp; this module does no I/O.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "checker/civil_date.hpp"
#include "checker/dedup.hpp"
#include "checker/dedup_index.hpp"
#include "checker/diagnostic.hpp"
#include "checker/shared_text.hpp"
#include "checker/time.hpp"

namespace factline {

/// What cluster and date decisions need from one document once its shingles
/// are in a DedupIndex: its path, its text hash and what it says about its
/// own date. `check` keeps one per document until the clusters are decided,
/// so without an emptied shingle vector (24 MB at 1 M documents).
struct SketchHeader {
    SharedText doc;       // path as given
    SharedText doc_hash;  // text_hash() of the document (the records and assertions share it)
    DocumentDateEvidence date_evidence;  // `evidence` (a span) is not kept in sketch files
};

/// A whole sketch, as sketch files hold it: the header and the body's
/// shingles (which `check` moves into a DedupIndex as soon as they are made).
struct DocumentSketch : SketchHeader {
    std::vector<std::uint64_t> shingles;  // shingle_hashes() of the cleaned body
};

/// One document's cluster and settled date: one line of the cluster map.
struct ClusterAssignment {
    SharedText doc;
    SharedText doc_hash;
    SharedText cluster;   // "c" + the first 8 hex digits of the smallest member doc_hash
    DatedBy date;         // own date, else the cluster's (provenance `cluster`), else weekday-completed
    std::uint32_t line = 0;  // where it stands in the map file, for messages
};

/// Clusters the sketched documents and settles their dates, over exactly the
/// documents given (the whole corpus, for results that match `check`). One
/// assignment per sketch, in the same order. Takes the sketches by value: the
/// shingles are moved into the clustering rather than copied.
[[nodiscard]] std::vector<ClusterAssignment> assign_clusters(std::vector<DocumentSketch> sketches,
                                                             const DedupOptions& options);

/// The same, with the shingles of sketches[i] added to `index` as document i
/// as the sketches were made (the sketches' own shingles are not read), by
/// the options the index was made with. Throws SpillError if the index
/// could not spill.
[[nodiscard]] std::vector<ClusterAssignment> assign_clusters(std::vector<SketchHeader> sketches, DedupIndex index);

/// A cluster map read back, by document path.
struct ClusterMap {
    std::string file;  // as the user gave it
    std::map<std::string, ClusterAssignment, std::less<>> by_doc;
};

/// Indexes `assignments` by document. A path listed twice with another text
/// hash, cluster or date is an error at its line of `file` (paths must be
/// unique across the shards of one run); an exact repeat is accepted.
[[nodiscard]] ClusterMap index_cluster_map(std::vector<ClusterAssignment> assignments, const std::string& file,
                                           Diagnostics& diagnostics);

/// The assignments of the sketched documents, looked up in `map`. A document
/// the map does not list, or whose text hash differs from the map's (it
/// changed since it was sketched), is an error; it then keeps its own date
/// and a cluster of its own, so the run can still report every problem.
[[nodiscard]] std::vector<ClusterAssignment> look_up_clusters(const std::vector<SketchHeader>& sketches,
                                                              const ClusterMap& map, Diagnostics& diagnostics);

}  // namespace factline
