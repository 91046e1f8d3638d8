// factline: command-line entry point. Parses arguments and dispatches to the
// subcommands in commands.cpp; all work happens in the libraries.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <spdlog/cfg/env.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#ifdef FACTLINE_MIMALLOC
#include <mimalloc.h>
#endif

#include "checker/free_memory.hpp"
#include "checker/spill_file.hpp"
#include "cli/commands.hpp"

namespace {

void setup_logging(const std::string& level, bool quiet) {
    // Colour only on a terminal, and never with NO_COLOR set.
    const bool colour = std::getenv("NO_COLOR") == nullptr && isatty(STDERR_FILENO) != 0;
    auto logger = spdlog::stderr_color_mt("factline", colour ? spdlog::color_mode::automatic : spdlog::color_mode::never);
    logger->set_pattern("factline: %l: %v");
    spdlog::set_default_logger(logger);
    spdlog::set_level(spdlog::level::warn);
    spdlog::cfg::load_env_levels();  // SPDLOG_LEVEL
    if (!level.empty()) spdlog::set_level(spdlog::level::from_str(level));
    if (quiet) spdlog::set_level(spdlog::level::err);
#ifdef FACTLINE_MIMALLOC
    // Also keeps the link to mimalloc under --as-needed: nothing else names it.
    spdlog::debug("allocator: mimalloc {}", mi_version());
#endif
}

void add_common(CLI::App* app, factline::cli::CommonOptions& common) {
    app->add_option("--config", common.config, "config file (default: $FACTLINE_CONFIG, else nearest factline.toml)");
    app->add_option("--rules", common.rules, "rule pack folder (repeatable; default: the shipped rules/)");
    app->add_option("--jobs,-j", common.jobs, "worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
    app->add_flag("--quiet,-q", common.quiet, "only errors on stderr");
}

void add_report_options(CLI::App* app, factline::cli::CheckOptions& options) {
    app->add_option("--out,-o", options.out, "output folder (default: factline-out)");
    app->add_option("--format,-f", options.formats, "comma-separated: md,html,json,sarif,text,github");
    app->add_option("--fail-on", options.fail_on, "lowest severity that fails: info|warning|error")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    app->add_flag("--exit-zero", options.exit_zero, "exit 0 even with findings (2 still means an error)");
}

}  // namespace

int main(int argc, char** argv) {
#ifdef FACTLINE_MIMALLOC
    // From the clusters on, freed pages go back at once, not after
    // mimalloc's delay: the last stages free large blocks and make others,
    // which would stack on them. Pass 1's per-document churn keeps the delay
    // (prompt decommits cost it system time).
    factline::set_free_memory_hook([] {
        mi_option_set(mi_option_decommit_delay, 0);
        mi_collect(true);
    });
#endif
    CLI::App app{"factline: a batch fact-consistency checker for news corpora", "factline"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "factline 0.1.0");
    std::string log_level;
    app.add_option("--log-level", log_level, "trace|debug|info|warn|error|off (also SPDLOG_LEVEL)")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));

    factline::cli::CheckOptions check;
    auto* check_cmd = app.add_subcommand("check", "run the whole pipeline and write reports");
    check_cmd->add_option("paths", check.paths, "files, folders or - (stdin)")->required();
    add_common(check_cmd, check.common);
    add_report_options(check_cmd, check);
    check_cmd->add_option("--baseline", check.baseline, "earlier findings.jsonl: only new findings fail");
    check_cmd->add_option("--write-baseline", check.write_baseline, "write this run's findings as a baseline file");

    factline::cli::CommonOptions sketch;
    std::vector<std::string> sketch_paths;
    std::string sketch_out;
    auto* sketch_cmd = app.add_subcommand(
        "sketch", "sharded run, step 1 per shard: what clustering and document dates need, into SHARD/sketches.jsonl");
    sketch_cmd->add_option("paths", sketch_paths, "files, folders or - (stdin): the shard, as extract will be given it")
        ->required();
    sketch_cmd->add_option("--out", sketch_out, "shard folder to write sketches.jsonl into")->required();
    add_common(sketch_cmd, sketch);

    factline::cli::ClusterOptions cluster;
    auto* cluster_cmd = app.add_subcommand(
        "cluster", "sharded run, step 2 once: syndication clusters and settled dates over every shard's sketches");
    cluster_cmd->add_option("inputs", cluster.inputs, "shard folders (sketch --out) or sketches.jsonl files")
        ->required();
    cluster_cmd->add_option("--out", cluster.out, "cluster map to write for extract --clusters (default: stdout)");
    cluster_cmd->add_option("--config", cluster.common.config, "config file ([dedup] threshold)");
    cluster_cmd->add_flag("--quiet,-q", cluster.common.quiet, "only errors on stderr");

    factline::cli::ExtractOptions extract;
    auto* extract_cmd = app.add_subcommand("extract", "assertions as JSON Lines on stdout, or a shard folder (the map step)");
    extract_cmd->add_option("paths", extract.paths, "files, folders or - (stdin)")->required();
    extract_cmd->add_option("--out", extract.out,
                            "write a shard folder for reduce instead (assertions, documents, per-document findings)");
    extract_cmd->add_option("--clusters", extract.clusters,
                            "cluster map from `factline cluster`: clusters and dates of the whole sharded corpus "
                            "(default: cluster these files alone)");
    add_common(extract_cmd, extract.common);

    factline::cli::CheckOptions reduce;
    std::vector<std::string> reduce_files;
    auto* reduce_cmd = app.add_subcommand("reduce", "shard folders or assertion files from extract -> findings (the reduce step)");
    reduce_cmd->add_option("files", reduce_files, "shard folders (extract --out) or assertions JSON Lines files")
        ->required();
    add_common(reduce_cmd, reduce.common);
    add_report_options(reduce_cmd, reduce);
    reduce_cmd->add_option("--baseline", reduce.baseline, "earlier findings.jsonl: only new findings fail");
    reduce_cmd->add_option("--write-baseline", reduce.write_baseline, "write this run's findings as a baseline file");

    factline::cli::CheckOptions report;
    std::string report_input;
    auto* report_cmd = app.add_subcommand("report", "re-render reports from an output folder or findings file");
    report_cmd->add_option("input", report_input, "output folder of an earlier run (or its findings.jsonl)")
        ->required();
    add_common(report_cmd, report.common);
    add_report_options(report_cmd, report);

    std::string explain_id;
    std::string explain_input = "factline-out";
    auto* explain_cmd = app.add_subcommand("explain", "one finding with its evidence");
    explain_cmd->add_option("id", explain_id, "finding id (F-…), or a unique prefix")->required();
    explain_cmd->add_option("--out,-o", explain_input, "output folder to read (default: factline-out)");

    factline::cli::CommonOptions rules;
    std::string rules_action;
    bool rules_verbose = false;
    auto* rules_cmd = app.add_subcommand("rules", "list the rule packs, or run their own examples");
    rules_cmd->add_option("action", rules_action, "list | test | import-geonames")
        ->required()
        ->check(CLI::IsMember({"list", "test", "import-geonames"}));
    rules_cmd->add_flag("--verbose,-v", rules_verbose, "show every rule");
    factline::cli::ImportGeonamesOptions geonames;
    rules_cmd->add_option("files", geonames.files, "import-geonames: GeoNames dump files (cities500.txt, UA.txt)");
    rules_cmd->add_option("--country", geonames.countries, "import-geonames: country codes, e.g. UA,RU");
    rules_cmd->add_option("--admin1", geonames.admin1, "import-geonames: admin1 codes, e.g. 05,14");
    rules_cmd->add_option("--min-population", geonames.min_population, "import-geonames: smallest place kept");
    rules_cmd->add_option("--output,-o", geonames.output, "import-geonames: the region pack file to write");
    rules_cmd->add_option("--table", geonames.table, "import-geonames: admin1 table (default: rules/core/lexicon/geonames_admin1.toml)");
    rules_cmd->add_option("--known", geonames.known, "import-geonames: packs whose places are not repeated (default: rules/core)");
    add_common(rules_cmd, rules);

    std::vector<std::string> time_files;
    std::string time_dct;
    auto* time_cmd = app.add_subcommand("time", "temporal expressions as JSON Lines");
    time_cmd->add_option("files", time_files, "text files")->required();
    time_cmd->add_option("--dct", time_dct, "document creation time YYYY-MM-DD (default: inferred)");

    factline::cli::CommonOptions config;
    auto* config_cmd = app.add_subcommand("config", "print the effective configuration");
    add_common(config_cmd, config);

    const std::string sharded_runs =
        "Sharded runs (output equal to `check` on the whole corpus, however it is cut):\n"
        "  factline sketch FILES_i --out S_i                        each shard\n"
        "  factline cluster S_1 ... S_n --out clusters.jsonl        once\n"
        "  factline extract FILES_i --clusters clusters.jsonl --out S_i   each shard\n"
        "  factline reduce S_1 ... S_n --out DIR\n"
        "Give sketch and extract the same paths and config.";
    for (auto* command : {&app, sketch_cmd, cluster_cmd, extract_cmd, reduce_cmd}) command->footer(sharded_runs);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    bool quiet = false;
    for (const auto* common :
         {&check.common, &sketch, &cluster.common, &extract.common, &reduce.common, &report.common, &rules, &config}) {
        quiet = quiet || common->quiet;
    }
    setup_logging(log_level, quiet);

    try {
        if (*check_cmd) return factline::cli::run_check(check);
        if (*sketch_cmd) return factline::cli::run_sketch(sketch, sketch_paths, sketch_out);
        if (*cluster_cmd) return factline::cli::run_cluster(cluster);
        if (*extract_cmd) return factline::cli::run_extract(extract);
        if (*reduce_cmd) return factline::cli::run_reduce(reduce, reduce_files);
        if (*report_cmd) return factline::cli::run_report(report, report_input);
        if (*explain_cmd) return factline::cli::run_explain(explain_id, explain_input);
        if (*rules_cmd && rules_action == "import-geonames") return factline::cli::run_import_geonames(geonames);
        if (*rules_cmd) return factline::cli::run_rules(rules, rules_action, rules_verbose);
        if (*time_cmd) return factline::cli::run_time(time_files, time_dct);
        if (*config_cmd) return factline::cli::run_config(config);
    } catch (const factline::SpillError& error) {
        // Not a bug: the machine has no room (or no folder) for dedup's temporary files.
        std::fprintf(stderr, "factline: error: %s\n", error.what());
        return 2;
    } catch (const std::exception& error) {
        // An internal error is a bug: say so, and which stage/input if known.
        std::fprintf(stderr, "factline: internal error: %s\n", error.what());
        return 3;
    }
    return 2;
}
