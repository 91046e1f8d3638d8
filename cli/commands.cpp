#include "cli/commands.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <sstream>

#include "checker/config.hpp"
#include "checker/geonames_import.hpp"
#include "checker/ingest.hpp"
#include "checker/kinds/registry.hpp"
#include "checker/layout.hpp"
#include "checker/model_json.hpp"
#include "checker/pipeline.hpp"
#include "checker/rule_pack.hpp"
#include "checker/time.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/run_support.hpp"

namespace factline::cli {

namespace fs = std::filesystem;

bool print_diagnostics(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items()) std::cerr << format_diagnostic(d) << '\n';
    return diagnostics.has_errors();
}

int run_check(const CheckOptions& options) {
    auto prepared = prepare_and_analyse(options.common, options.paths);
    if (!prepared) return 2;
    auto& [setup, run] = *prepared;
    print_diagnostics(run.diagnostics);
    const int code = finish_run(run, options, setup, corpus_root(options.paths));
    keep_until_exit(std::move(run));
    keep_until_exit(std::move(setup.rules));
    return code;
}

namespace {
/// Reads an earlier run's output folder (or its findings.jsonl alone).
std::optional<RunOutput> read_run(const std::string& input) {
    RunOutput run;
    Diagnostics diagnostics;
    std::error_code ec;
    const fs::path dir = fs::is_directory(input, ec) ? fs::path(input) : fs::path(input).parent_path();
    const fs::path findings = fs::is_directory(input, ec) ? dir / "findings.jsonl" : fs::path(input);
    run.findings = read_findings(findings, diagnostics);
    if (fs::exists(dir / "documents.jsonl", ec)) run.documents = read_documents(dir / "documents.jsonl", diagnostics);
    if (fs::exists(dir / "assertions.jsonl", ec)) run.assertions = read_assertions(dir / "assertions.jsonl", diagnostics);
    if (print_diagnostics(diagnostics)) return std::nullopt;
    return run;
}
}  // namespace

int run_report(const CheckOptions& options, const std::string& input) {
    auto config = resolve_config(options.common);
    if (!config) return 2;
    auto run = read_run(input);
    if (!run) return 2;
    CheckOptions render = options;
    if (render.formats.empty()) render.formats = "md,html,sarif";
    if (render.out.empty()) render.out = fs::is_directory(input) ? input : fs::path(input).parent_path().string();
    return write_reports(*run, render, *config, fs::current_path()) ? 0 : 2;
}

int run_explain(const std::string& id, const std::string& input) {
    auto run = read_run(input);
    if (!run) return 2;
    std::vector<const Finding*> matches;
    for (const auto& f : run->findings) {
        if (f.id == id) {
            matches = {&f};
            break;
        }
        if (f.id.rfind(id, 0) == 0) matches.push_back(&f);
    }
    if (matches.size() != 1) {
        std::cerr << fmt::format("factline: error: {} finding matches '{}' in {}\n",
                                 matches.empty() ? "no" : "more than one", id, input);
        return 2;
    }
    const Finding& f = *matches.front();
    std::cout << fmt::format("{} [{}] {}: {} / {}\n", f.id, f.kind, to_string(f.severity), f.topic, f.subject);
    std::cout << f.message << "\n";
    for (const auto& side : f.sides) {
        std::cout << fmt::format("\n  {} (said by {}; {} independent source{})\n", side.value, side.holder_group,
                                 side.clusters, side.clusters == 1 ? "" : "s");
        for (const auto& e : side.evidence) {
            std::cout << fmt::format("    {}:{}:{}  {} ({}){}{}\n", e.doc, e.line, e.col,
                                     e.stated ? to_iso(*e.stated) : std::string("undated"), to_string(e.stated_source),
                                     e.holder.empty() ? "" : "  " + e.holder, e.outlet.empty() ? "" : ", " + e.outlet);
            std::cout << "      \"" << e.text << "\"\n";
        }
    }
    return 0;
}

int run_rules(const CommonOptions& common, const std::string& action, bool verbose) {
    auto setup = prepare(common);
    if (!setup) return 2;
    const RuleSet& rules = setup->rules;
    if (action == "list") {
        for (const auto& pack : rules.packs) {
            std::cout << fmt::format("{} {}  {}  ({})\n", pack.name, pack.version, pack.description, pack.dir.string());
        }
        std::cout << fmt::format("{} boilerplate rules, {} patterns, {} conflict topics\n",
                                 rules.layout.boilerplate.size(), rules.patterns.ids.size(), rules.conflicts.topics.size());
        if (verbose) {
            for (const auto& rule : rules.layout.boilerplate) std::cout << "  " << rule.id << '\n';
            for (const auto& id : rules.patterns.ids) std::cout << "  " << id << '\n';
            for (const auto& topic : rules.conflicts.topics) {
                for (const auto& conflict : topic.conflicts) std::cout << "  " << conflict.id << '\n';
            }
            for (const auto& kind : make_kinds(rules.conflicts)) {
                std::cout << "  kind " << kind->name() << '\n';
                std::istringstream options(kind->dump_options());
                for (std::string line; std::getline(options, line);) std::cout << "    " << line << '\n';
            }
        }
        return 0;
    }
    RuleTestReport report;
    test_layout_rules(rules, report);
    test_patterns(rules, report);
    test_conflict_rules(rules, report);
    for (const auto& failure : report.failures) std::cout << "FAIL " << failure << '\n';
    std::cout << fmt::format("{} passed, {} failed\n", report.passed, report.failed);
    return report.failed == 0 ? 0 : 1;
}

int run_import_geonames(const ImportGeonamesOptions& options) {
    const auto list = [](const std::string& text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string item; std::getline(in, item, ',');) {
            if (!item.empty()) out.push_back(item);
        }
        return out;
    };
    if (options.output.empty() || options.files.empty()) {
        std::cerr << "rules import-geonames: error: give dump FILEs and -o PACK.toml [usage.import]\n";
        return 2;
    }
    const fs::path shipped = default_rule_roots().front();
    Diagnostics diagnostics;
    const GeonamesTable table = load_geonames_table(
        options.table.empty() ? shipped / "core" / "lexicon" / "geonames_admin1.toml" : fs::path(options.table), diagnostics);
    std::vector<fs::path> known_roots;
    for (const auto& dir : options.known) known_roots.emplace_back(dir);
    if (known_roots.empty()) known_roots.push_back(shipped / "core");
    const RuleSet known = load_rules(known_roots, diagnostics);
    if (print_diagnostics(diagnostics)) return 2;
    GeonamesFilter filter{list(options.countries), list(options.admin1), options.min_population};
    std::vector<GeonamesRow> rows;
    std::string sources;
    for (const auto& file : options.files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << fmt::format("{}: error: cannot read [io.read]\n", file);
            return 2;
        }
        auto more = read_geonames(in, file, filter, table, diagnostics);
        rows.insert(rows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        sources += (sources.empty() ? "" : ", ") + fs::path(file).filename().string();
    }
    print_diagnostics(diagnostics);
    const auto places = import_places(rows, table, known.lexicon);
    const std::string header = fmt::format(
        "Generated by `factline rules import-geonames` from {} (--country {} --admin1 {} --min-population {}).\n"
        "Data: GeoNames (https://www.geonames.org), CC BY 4.0. Do not edit: regenerate.",
        sources, options.countries.empty() ? "all" : options.countries, options.admin1.empty() ? "all" : options.admin1,
        options.min_population);
    std::ofstream out(options.output, std::ios::binary);
    out << write_places_toml(places, header);
    if (!out) {
        std::cerr << fmt::format("{}: error: cannot write [io.write]\n", options.output);
        return 2;
    }
    std::size_t aliases = 0;
    for (const auto& place : places) aliases += place.region.aliases.size();
    spdlog::info("{}: {} places, {} aliases from {} rows", options.output, places.size(), aliases, rows.size());
    return 0;
}

int run_time(const std::vector<std::string>& files, const std::string& dct_text) {
    std::optional<CivilDate> dct;
    if (!dct_text.empty()) {
        dct = parse_iso(dct_text);
        if (!dct) {
            std::cerr << fmt::format("--dct: error: '{}' is not a date YYYY-MM-DD [usage.dct]\n", dct_text);
            return 2;
        }
    }
    Diagnostics diagnostics;
    RuleSet rules = load_rules(default_rule_roots(), diagnostics);
    if (print_diagnostics(diagnostics)) return 2;
    const Corpus corpus = ingest(files, IngestOptions{}, std::cin);
    print_diagnostics(corpus.diagnostics);
    for (const auto& skipped : corpus.skipped) std::cerr << fmt::format("{}: warning: skipped: {}\n", skipped.path, skipped.reason);
    for (const auto& document : corpus.documents) {
        std::optional<CivilDate> reference = dct;
        std::string_view source = "dct";
        if (!reference) {
            const Layout layout = analyse_layout(document.text, rules.layout);
            const DocumentDateEvidence evidence = read_document_date(document, layout);
            // One file has no corpus: a year-less dateline is completed against today.
            const DatedBy dated = complete_with_weekday(evidence, CivilDate{9999, 12, 31});
            reference = dated.date;
            source = to_string(dated.source);
        }
        const Span all{0, static_cast<std::uint32_t>(document.text.size())};
        for (const auto& t : find_times(document.text, all, reference)) {
            nlohmann::ordered_json j;
            j["doc"] = document.path;
            j["begin"] = t.span.begin;
            j["end"] = t.span.end;
            j["text"] = std::string(t.span.of(document.text));
            j["value"] = t.value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.value);
            j["source"] = t.relative ? std::string(source) : std::string("absolute");
            std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        }
    }
    return corpus.diagnostics.has_errors() ? 2 : 0;
}

int run_config(const CommonOptions& common) {
    auto config = resolve_config(common);
    if (!config) return 2;
    std::cout << describe_config(*config);
    return 0;
}

}  // namespace factline::cli
