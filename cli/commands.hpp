#pragma once
// The subcommands behind cli/main.cpp. Each returns the process exit code:
// 0 no finding at or above --fail-on, 1 findings, 2 usage/config/input error.
#include <string>
#include <vector>

#include "checker/diagnostic.hpp"

namespace factline::cli {

struct CommonOptions {
    std::string config;               // --config
    std::vector<std::string> rules;   // --rules
    int jobs = -1;                    // --jobs (-1: from config)
    bool quiet = false;
};

struct CheckOptions {
    CommonOptions common;
    std::vector<std::string> paths;
    std::string out;                  // --out ("" = from config)
    std::string formats;              // --format ("" = from config)
    std::string baseline;
    std::string write_baseline;
    std::string fail_on;
    bool exit_zero = false;
};

struct ExtractOptions {
    CommonOptions common;
    std::vector<std::string> paths;
    std::string out;                  // --out: a shard folder ("" = assertions on stdout)
    std::string clusters;             // --clusters: a map from `factline cluster` ("" = cluster these files alone)
};

struct ClusterOptions {
    CommonOptions common;             // only --config (dedup threshold) and --quiet are used
    std::vector<std::string> inputs;  // shard folders holding sketches.jsonl, or sketches files
    std::string out;                  // --out: the cluster map ("" = stdout)
};

int run_check(const CheckOptions& options);
/// Sharded runs (shard_commands.cpp): sketch each shard, cluster all sketches
/// once, extract each shard with the cluster map, reduce the shards.
int run_sketch(const CommonOptions& common, const std::vector<std::string>& paths, const std::string& out);
int run_cluster(const ClusterOptions& options);
int run_extract(const ExtractOptions& options);
int run_reduce(const CheckOptions& options, const std::vector<std::string>& files);
int run_report(const CheckOptions& options, const std::string& input);
int run_explain(const std::string& id, const std::string& input);
int run_rules(const CommonOptions& common, const std::string& action, bool verbose);
struct ImportGeonamesOptions {
    std::vector<std::string> files;      // GeoNames dumps (cities500.txt, UA.txt, …)
    std::string countries;               // --country UA,RU ("" = every country of the table)
    std::string admin1;                  // --admin1 05,14 ("" = every code of the table)
    long long min_population = 0;        // --min-population
    std::string output;                  // -o PACK.toml
    std::string table;                   // --table ("" = <rules>/core/lexicon/geonames_admin1.toml)
    std::vector<std::string> known;      // --known pack dirs ("" = <rules>/core)
};

/// `factline rules import-geonames`: writes a region pack from GeoNames dumps.
int run_import_geonames(const ImportGeonamesOptions& options);
int run_time(const std::vector<std::string>& files, const std::string& dct);
int run_config(const CommonOptions& common);

/// Prints diagnostics to stderr; returns true when any is an error.
bool print_diagnostics(const Diagnostics& diagnostics);

}  // namespace factline::cli
