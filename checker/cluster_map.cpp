#include "checker/cluster_map.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <tuple>

#include "checker/free_memory.hpp"
#include "checker/parallel.hpp"
#include "checker/phase_clock.hpp"

namespace factline {

namespace {

/// Document dates after corpus-level completion: weekday-year, then cluster
/// propagation. cluster_of[i] < `clusters`, the clusters numbered from 0.
std::vector<DatedBy> settle_document_dates(const std::vector<SketchHeader>& sketches,
                                           const std::vector<std::size_t>& cluster_of, std::size_t clusters) {
    std::vector<DatedBy> dates(sketches.size());
    std::optional<CivilDate> newest;
    for (std::size_t i = 0; i < sketches.size(); ++i) {
        dates[i] = sketches[i].date_evidence.date;
        if (dates[i].date && (!newest || *dates[i].date > *newest)) newest = dates[i].date;
    }
    // A year-less dateline is completed by its weekdays, with the newest date
    // the corpus knows as the reference ("the most recent such year").
    const CivilDate reference = newest ? *newest : CivilDate{9999, 12, 31};
    for (std::size_t i = 0; i < sketches.size(); ++i) {
        if (!dates[i].date) dates[i] = complete_with_weekday(sketches[i].date_evidence, reference);
    }
    // Syndicated copies share the date of a dated member (the best-sourced,
    // earliest): a vector by cluster number, not a std::map of a node per
    // cluster (half a million at 1 M documents).
    std::vector<DatedBy> cluster_date(clusters);  // no date: no dated member
    for (std::size_t i = 0; i < sketches.size(); ++i) {
        if (!dates[i].date) continue;
        DatedBy& best = cluster_date[cluster_of[i]];
        if (!best.date || dates[i].source < best.source ||
            (dates[i].source == best.source && *dates[i].date < *best.date)) {
            best = dates[i];
        }
    }
    for (std::size_t i = 0; i < sketches.size(); ++i) {
        if (dates[i].date) continue;
        if (const DatedBy& best = cluster_date[cluster_of[i]]; best.date) dates[i] = {best.date, DateSource::cluster};
    }
    return dates;
}

std::string cluster_name(std::string_view smallest_doc_hash) { return "c" + std::string(smallest_doc_hash.substr(0, 8)); }

bool same_assignment(const ClusterAssignment& a, const ClusterAssignment& b) {
    return std::tie(a.doc_hash, a.cluster, a.date.date, a.date.source) ==
           std::tie(b.doc_hash, b.cluster, b.date.date, b.date.source);
}

}  // namespace

std::vector<ClusterAssignment> assign_clusters(std::vector<DocumentSketch> sketches, const DedupOptions& options) {
    DedupIndex index(sketches.size(), options);
    // Each sketch's shingles leave it as they are added: held once, not twice.
    std::vector<SketchHeader> headers(sketches.size());
    parallel_for(sketches.size(), options.jobs, [&](std::size_t i) {
        index.add(i, std::move(sketches[i].shingles));
        headers[i] = std::move(static_cast<SketchHeader&>(sketches[i]));
    });
    std::vector<DocumentSketch>().swap(sketches);
    return assign_clusters(std::move(headers), std::move(index));
}

std::vector<ClusterAssignment> assign_clusters(std::vector<SketchHeader> sketches, DedupIndex index) {
    PhaseClock clock;
    const auto cluster_of = cluster_documents(std::move(index));
    return_free_memory();  // the pairs' bounds, before the assignments are made
    clock.lap("clusters: candidate pairs checked");
    // cluster_documents() numbers the clusters from 0 in input order.
    const std::size_t clusters = cluster_of.empty() ? 0 : *std::max_element(cluster_of.begin(), cluster_of.end()) + 1;
    const auto dates = settle_document_dates(sketches, cluster_of, clusters);

    // Cluster ids come from the members' text hashes, not from input order, so
    // that they are the same for any order, any --jobs and any sharding.
    // Indexed by cluster number: a std::map of one node per document was
    // 80 MB at 1 M documents, nearly all of them alone.
    std::vector<SharedText> smallest_hash(clusters);
    for (std::size_t i = 0; i < sketches.size(); ++i) {
        SharedText& smallest = smallest_hash[cluster_of[i]];
        if (smallest.empty() || sketches[i].doc_hash < smallest) smallest = sketches[i].doc_hash;
    }
    std::vector<SharedText> names(clusters);  // one copy per cluster, shared by its members
    std::vector<ClusterAssignment> assignments(sketches.size());
    for (std::size_t i = 0; i < sketches.size(); ++i) {
        SharedText& name = names[cluster_of[i]];
        if (name.empty()) name = cluster_name(smallest_hash[cluster_of[i]]);
        assignments[i].doc = std::move(sketches[i].doc);
        assignments[i].doc_hash = std::move(sketches[i].doc_hash);
        assignments[i].cluster = name;
        assignments[i].date = dates[i];
    }
    return assignments;
}

ClusterMap index_cluster_map(std::vector<ClusterAssignment> assignments, const std::string& file,
                             Diagnostics& diagnostics) {
    ClusterMap map{file, {}};
    for (auto& assignment : assignments) {
        const auto [it, inserted] = map.by_doc.emplace(assignment.doc.str(), assignment);
        if (inserted || same_assignment(it->second, assignment)) continue;
        diagnostics.error("clusters.duplicate", file, assignment.line, 1,
                          fmt::format("'{}' is listed again (first at line {}) with another text, cluster or date; "
                                      "document paths must be unique across the shards of one run",
                                      assignment.doc, it->second.line));
    }
    return map;
}

std::vector<ClusterAssignment> look_up_clusters(const std::vector<SketchHeader>& sketches, const ClusterMap& map,
                                                Diagnostics& diagnostics) {
    std::vector<ClusterAssignment> assignments;
    assignments.reserve(sketches.size());
    for (const auto& sketch : sketches) {
        const auto it = map.by_doc.find(sketch.doc.view());
        if (it != map.by_doc.end() && it->second.doc_hash == sketch.doc_hash) {
            assignments.push_back(it->second);
            continue;
        }
        if (it == map.by_doc.end()) {
            diagnostics.error("clusters.missing", sketch.doc.str(), 0, 0,
                              fmt::format("not in the cluster map {}; run `factline cluster` over the sketches of "
                                          "every shard, with the paths given to `extract`",
                                          map.file));
        } else {
            diagnostics.error("clusters.stale", map.file, it->second.line, 1,
                              fmt::format("'{}' has changed since it was sketched (text hash {}, the map has {}); "
                                          "sketch and cluster again",
                                          sketch.doc, sketch.doc_hash, it->second.doc_hash));
        }
        assignments.push_back({sketch.doc, sketch.doc_hash, cluster_name(sketch.doc_hash), sketch.date_evidence.date, 0});
    }
    return assignments;
}

}  // namespace factline
