// The sharded-run steps: sketch (per shard), cluster (once, over all
// sketches), extract (per shard, with the cluster map) and reduce.
#include "cli/commands.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>
#include <tuple>
#include <spdlog/spdlog.h>

#include "checker/cluster_files.hpp"
#include "checker/cluster_map.hpp"
#include "checker/model_json.hpp"
#include "checker/pipeline.hpp"
#include "checker/shard.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/run_support.hpp"

namespace factline::cli {

namespace fs = std::filesystem;

int run_sketch(const CommonOptions& common, const std::vector<std::string>& paths, const std::string& out) {
    auto setup = prepare(common);
    if (!setup) return 2;
    const Corpus corpus = read_corpus(paths, setup->config);
    print_diagnostics(corpus.diagnostics);
    const auto sketches = sketch_corpus(corpus, setup->rules, analysis_options(setup->config));
    Diagnostics diagnostics;
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) {
        diagnostics.error("output.mkdir", out, 0, 0, "cannot create the shard folder: " + ec.message());
    } else {
        write_json_lines(fs::path(out) / sketches_file_name, sketches, diagnostics);
    }
    print_diagnostics(diagnostics);
    return corpus.diagnostics.has_errors() || diagnostics.has_errors() ? 2 : 0;
}

int run_cluster(const ClusterOptions& options) {
    auto config = resolve_config(options.common);
    if (!config) return 2;
    Diagnostics diagnostics;
    std::vector<DocumentSketch> sketches;
    // A path sketched twice with different texts would get one map line for
    // two documents; catch it here, where the sketch files can be named.
    std::map<std::string, std::pair<std::string, std::string>> seen;  // doc -> (doc_hash, sketch input)
    for (const auto& input : options.inputs) {
        for (auto& sketch : read_sketches(input, diagnostics)) {
            const auto [it, inserted] = seen.emplace(sketch.doc, std::pair{sketch.doc_hash, input});
            if (!inserted && it->second.first != sketch.doc_hash) {
                diagnostics.error("clusters.duplicate", input, 0, 0,
                                  fmt::format("'{}' is also sketched in {} with another text; document paths must "
                                              "be unique across the shards of one run",
                                              sketch.doc, it->second.second));
            }
            sketches.push_back(std::move(sketch));
        }
    }
    if (print_diagnostics(diagnostics)) return 2;
    const std::size_t documents = sketches.size();
    DedupOptions dedup;
    dedup.threshold = config->dedup_threshold;
    dedup.jobs = config->jobs;
    auto assignments = assign_clusters(std::move(sketches), dedup);
    std::sort(assignments.begin(), assignments.end(), [](const auto& a, const auto& b) {
        return std::tie(a.doc, a.doc_hash) < std::tie(b.doc, b.doc_hash);
    });
    std::set<std::string> clusters;
    for (const auto& assignment : assignments) clusters.insert(assignment.cluster.str());
    spdlog::info("{} documents in {} clusters", documents, clusters.size());
    if (options.out.empty()) {
        for (const auto& assignment : assignments) std::cout << to_json_line(assignment) << '\n';
        return 0;
    }
    write_json_lines(options.out, assignments, diagnostics);
    return print_diagnostics(diagnostics) ? 2 : 0;
}

int run_extract(const ExtractOptions& options) {
    auto setup = prepare(options.common);
    if (!setup) return 2;
    std::optional<ClusterMap> clusters;
    if (!options.clusters.empty()) {
        Diagnostics diagnostics;
        clusters = read_cluster_map(options.clusters, diagnostics);
        if (print_diagnostics(diagnostics)) return 2;
    }
    AnalysisOptions analysis = analysis_options(setup->config);
    if (clusters) analysis.clusters = &*clusters;
    RunOutput run = analyse_corpus(read_corpus(options.paths, setup->config), setup->rules, analysis);
    print_diagnostics(run.diagnostics);
    for (const auto& d : run.documents) {
        if (d.status != "ok") std::cerr << fmt::format("{}: warning: skipped: {}\n", d.doc, d.reason);
    }
    if (!options.out.empty()) {
        Diagnostics diagnostics;
        const bool written = write_shard(run, options.out, diagnostics);
        print_diagnostics(diagnostics);
        return input_errors(run) || !written ? 2 : 0;
    }
    for (const auto& assertion : run.assertions) std::cout << to_json_line(assertion) << '\n';
    return input_errors(run) ? 2 : 0;
}

int run_reduce(const CheckOptions& options, const std::vector<std::string>& files) {
    auto setup = prepare(options.common);
    if (!setup) return 2;
    RunOutput run;
    Diagnostics diagnostics;
    for (const auto& file : files) read_shard(file, run, diagnostics);
    if (print_diagnostics(diagnostics)) return 2;
    sort_run_records(run);
    CheckOptions json_only = options;
    if (json_only.formats.empty()) json_only.formats = "json";
    const int code = finish_run(run, json_only, *setup, fs::current_path());
    keep_until_exit(std::move(run));
    return code;
}

}  // namespace factline::cli
