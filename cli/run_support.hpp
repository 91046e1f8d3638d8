#pragma once
// What the subcommands share: config and rules for a run, reading the corpus,
// writing reports and the exit code. Used by commands.cpp (check, report, …)
// and shard_commands.cpp (the sharded-run steps); no subcommand lives here.
#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checker/config.hpp"
#include "checker/document.hpp"
#include "checker/pipeline.hpp"
#include "checker/rule_pack.hpp"
#include "cli/commands.hpp"

namespace factline::cli {

/// Config and rules for a run.
struct Setup {
    Config config;
    RuleSet rules;
};

/// The effective config (--config, $FACTLINE_CONFIG, discovery, then the
/// command line's --rules and --jobs), or nothing after printing its errors.
[[nodiscard]] std::optional<Config> resolve_config(const CommonOptions& common);

/// Config and rules, or nothing when either has an error (already printed).
[[nodiscard]] std::optional<Setup> prepare(const CommonOptions& common);

/// The input files, folders or stdin as a corpus, with the config's limits and [[source]] metadata.
/// `stop`, when given and set by another thread, ends the reading early;
/// `on_documents`, when set, takes the documents as they are read (IngestOptions).
[[nodiscard]] Corpus read_corpus(const std::vector<std::string>& paths, const Config& config,
                                 const std::atomic<bool>* stop = nullptr,
                                 std::function<void(std::vector<Document>&&)> on_documents = {});

/// prepare(), then the corpus analysed as it is read (`check`): each batch
/// of documents read goes through pass 1 while the next is read, so that
/// only a batch or two of unanalysed text is held (issue 7). With more than
/// one thread the reading starts while the rules load, and its first batch
/// waits for them. Nothing when the config or the rules have errors
/// (printed; the reading then stops early).
[[nodiscard]] std::optional<std::pair<Setup, RunOutput>> prepare_and_analyse(const CommonOptions& common,
                                                                             const std::vector<std::string>& paths);

/// The analysis settings the config gives (threads, dedup threshold, numeric date order).
[[nodiscard]] AnalysisOptions analysis_options(const Config& config);

/// The common corpus root of the inputs, for relative SARIF URIs.
[[nodiscard]] std::filesystem::path corpus_root(const std::vector<std::string>& paths);

/// 2 on input errors, else 1 when a (new, with a baseline) finding reaches `fail_on`, else 0.
[[nodiscard]] int exit_code(const RunOutput& run, Severity fail_on, bool exit_zero, bool input_errors);

/// Writes the selected formats; false when a writer failed or a format is unknown.
bool write_reports(const RunOutput& run, const CheckOptions& options, const Config& config,
                   const std::filesystem::path& root);

/// Applies the baseline file when one is given; false after printing its errors.
bool load_baseline(RunOutput& run, const std::string& file);

/// One summary line on stderr (unless quiet), and the stale [[ignore]] entries.
void log_summary(const RunOutput& run, bool quiet);

[[nodiscard]] bool input_errors(const RunOutput& run);

/// The end `check` and `reduce` share: findings over the run's assertions (with
/// the config's [[ignore]]), the baseline, the reports, --write-baseline and the
/// summary line. Returns the exit code.
[[nodiscard]] int finish_run(RunOutput& run, const CheckOptions& options, const Setup& setup,
                             const std::filesystem::path& root);

}  // namespace factline::cli
