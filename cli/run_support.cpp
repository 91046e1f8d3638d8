#include "cli/run_support.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <fmt/format.h>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "checker/corpus_analysis.hpp"
#include "checker/free_memory.hpp"
#include "checker/ingest.hpp"
#include "checker/model_json.hpp"
#include "checker/parallel.hpp"
#include "checker/phase_clock.hpp"
#include "reports/report_writer.hpp"

namespace factline::cli {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_formats(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

}  // namespace

std::optional<Config> resolve_config(const CommonOptions& common) {
    Diagnostics diagnostics;
    Config config;
    std::optional<fs::path> file = common.config.empty() ? discover_config(fs::current_path()) : fs::path(common.config);
    if (file) {
        std::error_code ec;
        if (!fs::is_regular_file(*file, ec)) {
            diagnostics.error("config.missing", file->string(), 0, 0, "config file not found");
        } else {
            config = load_config(*file, diagnostics);
        }
    }
    if (print_diagnostics(diagnostics)) return std::nullopt;
    if (!common.rules.empty()) {
        config.rules.clear();
        for (const auto& r : common.rules) config.rules.emplace_back(r);
    }
    if (common.jobs >= 0) config.jobs = common.jobs;
    return config;
}

namespace {

/// The config's rule packs, or nothing after printing their errors.
std::optional<RuleSet> load_configured_rules(const Config& config) {
    Diagnostics diagnostics;
    const auto roots = config.rules.empty() ? default_rule_roots() : config.rules;
    RuleSet rules = load_rules(roots, diagnostics);
    if (print_diagnostics(diagnostics)) return std::nullopt;
    return rules;
}

}  // namespace

std::optional<Setup> prepare(const CommonOptions& common) {
    auto config = resolve_config(common);
    if (!config) return std::nullopt;
    auto rules = load_configured_rules(*config);
    if (!rules) return std::nullopt;
    return Setup{std::move(*config), std::move(*rules)};
}

std::optional<std::pair<Setup, RunOutput>> prepare_and_analyse(const CommonOptions& common,
                                                               const std::vector<std::string>& paths) {
    auto config = resolve_config(common);
    if (!config) return std::nullopt;
    std::optional<RuleSet> rules;
    std::optional<CorpusAnalysis> analysis;  // once the rules are loaded
    std::exception_ptr analysis_failure;     // thrown by a batch: rethrown here, not taken for a reading error
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable rules_ready;
    bool rules_done = false;
    const auto analyse = [&](std::vector<Document>&& batch) {
        {
            std::unique_lock lock(mutex);
            rules_ready.wait(lock, [&] { return rules_done; });
        }
        if (!analysis || analysis_failure) return;  // the run is abandoned: `stop` ends the reading
        try {
            analysis->add(std::move(batch));
        } catch (...) {
            analysis_failure = std::current_exception();
            stop = true;
        }
    };
    const auto load_rules = [&] {
        PhaseClock clock;
        rules = load_configured_rules(*config);
        clock.lap("rules loaded");
        if (rules) {
            analysis.emplace(*rules, analysis_options(*config));
        } else {
            stop = true;  // bad rules still fail fast: the reading ends at its next file or batch
        }
        {
            const std::lock_guard lock(mutex);
            rules_done = true;
        }
        rules_ready.notify_all();
    };
    Corpus corpus;  // with no documents: they went to the analysis
    if (thread_count(config->jobs) > 1) {
        std::thread reader([&] {
            PhaseClock clock;
            corpus = read_corpus(paths, *config, &stop, analyse);
            clock.lap("input read, and pass 1 of all but the last batch (beside the rules)");
        });
        load_rules();
        reader.join();
    } else {
        load_rules();
        PhaseClock clock;
        if (rules) corpus = read_corpus(paths, *config, &stop, analyse);
        clock.lap("input read, and pass 1 of all but the last batch");
    }
    if (!rules) return std::nullopt;
    if (analysis_failure) std::rethrow_exception(analysis_failure);
    RunOutput run = analysis->finish(std::move(corpus.skipped), corpus.diagnostics);
    return std::pair<Setup, RunOutput>{Setup{std::move(*config), std::move(*rules)}, std::move(run)};
}

AnalysisOptions analysis_options(const Config& config) {
    AnalysisOptions analysis{config.jobs, config.dedup_threshold};
    analysis.numeric_date_order = config.numeric_date_order;
    return analysis;
}

Corpus read_corpus(const std::vector<std::string>& paths, const Config& config, const std::atomic<bool>* stop,
                   std::function<void(std::vector<Document>&&)> on_documents) {
    IngestOptions options;
    options.stop = stop;
    options.on_documents = std::move(on_documents);
    options.max_file_bytes = config.max_file_bytes;
    options.manifest = config.manifest;
    options.jobs = config.jobs;
    return ingest(paths, options, std::cin);
}

fs::path corpus_root(const std::vector<std::string>& paths) {
    if (paths.empty()) return fs::current_path();
    std::error_code ec;
    fs::path first = fs::absolute(paths.front(), ec);
    return fs::is_directory(first, ec) ? first : first.parent_path();
}

int exit_code(const RunOutput& run, Severity fail_on, bool exit_zero, bool input_errors) {
    if (input_errors) return 2;
    if (exit_zero) return 0;
    for (const auto& finding : run.findings) {
        if (run.has_baseline && finding.baseline != "new") continue;
        if (finding.severity >= fail_on) return 1;
    }
    return 0;
}

bool write_reports(const RunOutput& run, const CheckOptions& options, const Config& config, const fs::path& root) {
    const fs::path out_dir = options.out.empty() ? fs::path(config.out_dir) : fs::path(options.out);
    const auto formats = options.formats.empty() ? config.formats : split_formats(options.formats);
    Diagnostics diagnostics;
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) {
        diagnostics.error("output.mkdir", out_dir.string(), 0, 0, fmt::format("cannot create folder: {}", ec.message()));
        print_diagnostics(diagnostics);
        return false;
    }
    ReportContext context{root, "0.1.0", 1};
    std::vector<std::unique_ptr<ReportWriter>> writers;
    for (const auto& format : formats) {
        auto writer = make_writer(format);
        if (!writer) {
            std::string known;
            for (const auto& f : known_formats()) known += (known.empty() ? "" : ", ") + f;
            diagnostics.error("usage.format", "--format", 0, 0, fmt::format("unknown format '{}' (known: {})", format, known));
            continue;
        }
        writers.push_back(std::move(writer));
    }
    // Each writer reads the run and writes its own files (only the text format
    // writes to stdout): they run side by side on the --jobs threads, and their
    // messages are reported in format order.
    std::vector<Diagnostics> messages(writers.size());
    if (writers.size() == 1) context.jobs = config.jobs;  // a lone writer may use the threads itself
    parallel_for(writers.size(), config.jobs,
                 [&](std::size_t i) { writers[i]->write(run, context, out_dir, std::cout, messages[i]); });
    std::vector<std::string> written;
    for (std::size_t i = 0; i < writers.size(); ++i) {
        diagnostics.append(messages[i]);
        for (auto& path : writers[i]->outputs(out_dir)) written.push_back(std::move(path));
    }
    if (!options.common.quiet && !written.empty()) {
        std::cerr << "factline: wrote";
        for (const auto& path : written) std::cerr << ' ' << path;
        std::cerr << '\n';
    }
    return !print_diagnostics(diagnostics);
}

bool load_baseline(RunOutput& run, const std::string& file) {
    if (file.empty()) return true;
    Diagnostics diagnostics;
    auto baseline = read_findings(file, diagnostics);
    if (print_diagnostics(diagnostics)) return false;
    apply_baseline(run, baseline);
    return true;
}

void log_summary(const RunOutput& run, bool quiet) {
    if (quiet) return;
    std::size_t skipped = 0;
    for (const auto& d : run.documents) skipped += d.status != "ok";
    std::cerr << fmt::format("factline: {} documents ({} skipped), {} assertions, {} findings", run.documents.size(),
                             skipped, run.assertions.size(), run.findings.size());
    if (run.has_baseline) {
        const auto fresh = std::count_if(run.findings.begin(), run.findings.end(),
                                         [](const Finding& f) { return f.baseline == "new"; });
        std::cerr << fmt::format(" ({} new, {} resolved)", fresh, run.resolved.size());
    }
    std::cerr << '\n';
    for (const auto& entry : run.stale_ignores) {
        std::cerr << fmt::format("factline: warning: [[ignore]] entry at line {} matched no finding (stale)\n",
                                 entry.line);
    }
}

bool input_errors(const RunOutput& run) { return run.diagnostics.has_errors(); }

int finish_run(RunOutput& run, const CheckOptions& options, const Setup& setup, const fs::path& root) {
    PhaseClock clock;
    add_findings(run, setup.rules, setup.config.ignores);
    return_free_memory();
    clock.lap("consistency");
    if (!load_baseline(run, options.baseline)) return 2;
    const bool written = write_reports(run, options, setup.config, root);
    clock.lap("reports written");
    if (!options.write_baseline.empty()) {
        Diagnostics diagnostics;
        write_json_lines(options.write_baseline, run.findings, diagnostics);
        if (print_diagnostics(diagnostics)) return 2;
    }
    log_summary(run, options.common.quiet);
    const Severity fail_on = options.fail_on.empty() ? setup.config.fail_on : *parse_severity(options.fail_on);
    return exit_code(run, fail_on, options.exit_zero, input_errors(run) || !written);
}

}  // namespace factline::cli
