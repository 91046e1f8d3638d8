// Reads rules/<pack>/conflicts/*.toml into ConflictRules and runs their cases
// (`factline rules test`). Every topic and value is checked against the
// lexicon's topic values when the lexicon declares the topic, else against the
// values the file itself declares; unknown ids are errors at file:line:col
// with "did you mean".
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <set>

#include "checker/config.hpp"
#include "checker/consistency.hpp"
#include "checker/kinds/registry.hpp"
#include "checker/rule_pack.hpp"
#include "checker/toml_source.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

struct FileContext {
    const fs::path& path;
    Diagnostics& diagnostics;
};

/// Errors when `id` is not in `known`; the message names `what` and suggests the closest.
bool check_id(const FileContext& ctx, const toml::node& at, const std::string& id,
              const std::vector<std::string>& known, std::string_view what) {
    if (std::find(known.begin(), known.end(), id) != known.end()) return true;
    std::string message = fmt::format("unknown {} '{}'", what, id);
    if (auto hint = closest_match(id, known); !hint.empty()) {
        message += fmt::format("; did you mean '{}'?", hint);
    } else if (!known.empty() && known.size() <= 12) {
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        message += fmt::format(" (known: {})", list);
    }
    error_at(ctx.diagnostics, ctx.path, at, "rules.unknown-id", message);
    return false;
}

/// `values = ["a", "b"]` of a [[conflict]] / [[compatible]] entry.
std::optional<std::pair<std::string, std::string>> read_pair(const FileContext& ctx, const toml::table& entry,
                                                             const std::vector<std::string>& known) {
    const toml::array* values = entry["values"].as_array();
    if (values == nullptr || values->size() != 2 || !(*values)[0].is_string() || !(*values)[1].is_string()) {
        const toml::node& at = values != nullptr ? static_cast<const toml::node&>(*values)
                                                 : static_cast<const toml::node&>(entry);
        error_at(ctx.diagnostics, ctx.path, at, "rules.conflict-values", "'values' must be two value ids");
        return std::nullopt;
    }
    std::pair<std::string, std::string> pair{*(*values)[0].value<std::string>(), *(*values)[1].value<std::string>()};
    bool ok = check_id(ctx, (*values)[0], pair.first, known, "value");
    ok = check_id(ctx, (*values)[1], pair.second, known, "value") && ok;
    if (pair.first == pair.second) {
        error_at(ctx.diagnostics, ctx.path, *values, "rules.conflict-values", "a value cannot conflict with itself");
        ok = false;
    }
    return ok ? std::optional(pair) : std::nullopt;
}

CaseAssertion read_case_side(const FileContext& ctx, const toml::node* node, const std::vector<std::string>& known,
                             const std::vector<std::string>& groups) {
    CaseAssertion side;
    const toml::table* table = node != nullptr ? node->as_table() : nullptr;
    if (table == nullptr) return side;
    check_known_keys(ctx.diagnostics, ctx.path, *table, {"holder", "group", "value", "stated", "doc", "cluster", "headline", "subject"},
                     "a case assertion");
    side.group = string_or(ctx.diagnostics, ctx.path, *table, "group");
    side.holder = string_or(ctx.diagnostics, ctx.path, *table, "holder", side.group);
    side.value = string_or(ctx.diagnostics, ctx.path, *table, "value");
    side.stated = string_or(ctx.diagnostics, ctx.path, *table, "stated");
    side.doc = string_or(ctx.diagnostics, ctx.path, *table, "doc", side.doc);
    side.cluster = string_or(ctx.diagnostics, ctx.path, *table, "cluster");
    side.headline = (*table)["headline"].value_or(false);
    side.subject = string_or(ctx.diagnostics, ctx.path, *table, "subject");
    if (const toml::node* v = table->get("value")) check_id(ctx, *v, side.value, known, "value");
    if (const toml::node* g = table->get("group"); g != nullptr && !groups.empty()) {
        check_id(ctx, *g, side.group, groups, "holder group");
    }
    if (!side.stated.empty() && !parse_iso(side.stated)) {
        error_at(ctx.diagnostics, ctx.path, *table->get("stated"), "rules.case-date", "'stated' must be YYYY-MM-DD or \"\"");
    }
    return side;
}

void read_cases(const FileContext& ctx, const toml::table& file, TopicRules& topic,
                const std::vector<std::string>& known, const std::vector<std::string>& groups) {
    const toml::array* cases = file["case"].as_array();
    if (cases == nullptr) return;
    std::vector<std::string> expectations = kind_names();
    expectations.push_back("none");
    for (const auto& node : *cases) {
        const toml::table* entry = node.as_table();
        if (entry == nullptr) continue;
        check_known_keys(ctx.diagnostics, ctx.path, *entry, {"subject", "a", "b", "expect", "why"}, "a [[case]]");
        ConflictCase c;
        c.file = ctx.path.string();
        c.line = static_cast<std::uint32_t>(entry->source().begin.line);
        c.subject = string_or(ctx.diagnostics, ctx.path, *entry, "subject", c.subject);
        c.a = read_case_side(ctx, entry->get("a"), known, groups);
        c.b = read_case_side(ctx, entry->get("b"), known, groups);
        c.expect = string_or(ctx.diagnostics, ctx.path, *entry, "expect");
        if (const toml::node* e = entry->get("expect")) {
            check_id(ctx, *e, c.expect, expectations, "expected kind");
        } else {
            error_at(ctx.diagnostics, ctx.path, *entry, "rules.case-expect", "a [[case]] needs 'expect' (a kind or \"none\")");
        }
        topic.cases.push_back(std::move(c));
    }
}

void load_topic_file(const FileContext& ctx, const toml::table& file, const Lexicon& lexicon, const std::string& pack,
                     ConflictRules& into) {
    check_known_keys(ctx.diagnostics, ctx.path, file,
                     {"topic", "description", "kinds", "values", "subjects", "conflict", "compatible", "window", "containment",
                      "case"},
                     "a conflict file");
    const toml::node* topic_node = file.get("topic");
    const std::string topic_id = string_or(ctx.diagnostics, ctx.path, file, "topic");
    if (topic_node == nullptr || topic_id.empty()) {
        ctx.diagnostics.error("rules.conflict-topic", ctx.path.string(), 1, 1, "a conflict file needs 'topic'");
        return;
    }
    std::vector<std::string> lexicon_topics;
    for (const auto& [id, values] : lexicon.topic_values) lexicon_topics.push_back(id);
    if (!lexicon_topics.empty() && !check_id(ctx, *topic_node, topic_id, lexicon_topics, "topic")) return;

    auto existing = std::find_if(into.topics.begin(), into.topics.end(),
                                 [&](const TopicRules& t) { return t.topic == topic_id; });
    TopicRules* topic = existing == into.topics.end() ? nullptr : &*existing;
    if (topic == nullptr) {
        into.topics.push_back({});
        topic = &into.topics.back();
        topic->topic = topic_id;
        topic->file = ctx.path.string();
    }
    topic->description = string_or(ctx.diagnostics, ctx.path, file, "description", topic->description);
    if (const toml::table* values = file["values"].as_table()) {
        for (const auto& [key, node] : *values) {
            const std::string value{key.str()};
            if (std::find(topic->values.begin(), topic->values.end(), value) == topic->values.end()) {
                topic->values.push_back(value);
            }
            if (auto phrase = node.value<std::string>()) {
                topic->phrases[value] = *phrase;
            } else {
                error_at(ctx.diagnostics, ctx.path, node, "toml.type", fmt::format("the phrase of '{}' must be a string", value));
            }
        }
    }
    // The lexicon is the authority on values when it knows the topic.
    std::vector<std::string> known = topic->values;
    if (auto it = lexicon.topic_values.find(topic_id); it != lexicon.topic_values.end() && !it->second.empty()) {
        known = it->second;
        if (const toml::table* values = file["values"].as_table()) {
            for (const auto& [key, node] : *values) {
                const std::string value{key.str()};
                if (std::find(known.begin(), known.end(), value) == known.end()) {
                    check_id(ctx, node, value, known, "value");
                }
            }
        }
    }
    if (const toml::node* kinds = file.get("kinds")) {
        const auto known_kinds = kind_names();
        for (const auto& kind : strings_of(ctx.diagnostics, ctx.path, file, "kinds")) {
            if (check_id(ctx, *kinds, kind, known_kinds, "kind")) topic->kinds.push_back(kind);
        }
    }
    if (const toml::table* subjects = file["subjects"].as_table()) {
        for (const auto& [key, node] : *subjects) {
            if (auto words = node.value<std::string>()) topic->subject_names[std::string(key.str())] = *words;
        }
    }
    const std::string prefix = fmt::format("{}.conflicts.{}.", pack, topic_id);
    if (const toml::array* conflicts = file["conflict"].as_array()) {
        for (const auto& node : *conflicts) {
            const toml::table* entry = node.as_table();
            if (entry == nullptr) continue;
            check_known_keys(ctx.diagnostics, ctx.path, *entry, {"id", "values", "why"}, "a [[conflict]]");
            auto pair = read_pair(ctx, *entry, known);
            if (!pair) continue;
            ValueConflict rule;
            rule.a = pair->first;
            rule.b = pair->second;
            rule.id = prefix + string_or(ctx.diagnostics, ctx.path, *entry, "id", rule.a + "_vs_" + rule.b);
            rule.why = string_or(ctx.diagnostics, ctx.path, *entry, "why");
            if (topic->conflict(rule.a, rule.b) == nullptr) topic->conflicts.push_back(std::move(rule));
        }
    }
    if (const toml::array* compatible = file["compatible"].as_array()) {
        for (const auto& node : *compatible) {
            const toml::table* entry = node.as_table();
            if (entry == nullptr) continue;
            check_known_keys(ctx.diagnostics, ctx.path, *entry, {"values", "why"}, "a [[compatible]]");
            auto pair = read_pair(ctx, *entry, known);
            if (!pair) continue;
            if (topic->conflict(pair->first, pair->second) != nullptr) {
                error_at(ctx.diagnostics, ctx.path, *entry, "rules.conflict-compatible",
                         fmt::format("'{}' and '{}' are declared both conflicting and compatible", pair->first,
                                     pair->second));
            }
            topic->compatible.insert(*pair);
            topic->compatible.insert({pair->second, pair->first});
        }
    }
    if (const toml::table* window = file["window"].as_table()) {
        const auto kinds = kind_names();
        for (const auto& [key, node] : *window) {
            const std::string kind{key.str()};
            if (!check_id(ctx, node, kind, kinds, "kind")) continue;
            if (auto days = node.value<std::int64_t>(); days && *days >= 0) {
                topic->window_days[kind] = static_cast<int>(*days);
            } else {
                error_at(ctx.diagnostics, ctx.path, node, "toml.type", "a window is a number of days (0 = any distance)");
            }
        }
    }
    if (const toml::node* containment = file.get("containment")) {
        const std::string mode = string_or(ctx.diagnostics, ctx.path, file, "containment");
        if (check_id(ctx, *containment, mode, {"covers", "none"}, "containment")) {
            topic->covers_contained = mode == "covers";
        }
    }
    read_cases(ctx, file, *topic, known, lexicon.holder_groups);
}

void load_kinds_file(const FileContext& ctx, const toml::table& file, const Lexicon& lexicon, const std::string& pack,
                     ConflictRules& into) {
    const auto kinds = kind_names();
    std::vector<std::string> keys = kinds;
    keys.push_back("outlet_groups");
    check_known_keys(ctx.diagnostics, ctx.path, file, keys, "kinds.toml (known kinds and 'outlet_groups')");
    const auto outlet_groups = strings_of(ctx.diagnostics, ctx.path, file, "outlet_groups");
    if (const toml::node* node = file.get("outlet_groups"); node != nullptr && !lexicon.holder_groups.empty()) {
        for (const auto& g : outlet_groups) check_id(ctx, *node, g, lexicon.holder_groups, "holder group");
    }
    for (const auto& kind : kinds) {
        RuleSpec spec = into.spec(kind);
        spec.kind = kind;
        spec.outlet_groups = outlet_groups;
        if (const toml::table* table = file[kind].as_table()) {
            spec.id = fmt::format("{}.conflicts.kinds.{}", pack, kind);
            spec.file = ctx.path.string();
            check_known_keys(ctx.diagnostics, ctx.path, *table, {"severity", "window_days", "enabled", "description"},
                             fmt::format("[{}]", kind));
            if (const toml::node* s = table->get("severity")) {
                const auto severity = parse_severity(s->value_or(std::string{}));
                if (severity) {
                    spec.severity = severity;
                } else {
                    error_at(ctx.diagnostics, ctx.path, *s, "rules.severity", "severity must be info, warning or error");
                }
            }
            if (const toml::node* w = table->get("window_days")) {
                auto days = w->value<std::int64_t>();
                if (days && *days >= 0) {
                    spec.window_days = *days == 0 ? std::nullopt : std::optional<int>(static_cast<int>(*days));
                } else {
                    error_at(ctx.diagnostics, ctx.path, *w, "toml.type", "window_days is a number of days (0 = any distance)");
                }
            }
            spec.enabled = (*table)["enabled"].value_or(true);
        }
        auto it = std::find_if(into.kinds.begin(), into.kinds.end(), [&](const RuleSpec& s) { return s.kind == kind; });
        if (it == into.kinds.end()) {
            into.kinds.push_back(std::move(spec));
        } else {
            *it = std::move(spec);
        }
    }
}

}  // namespace

void load_conflict_rules(const RulePackInfo& pack, const Lexicon& lexicon, ConflictRules& into,
                         Diagnostics& diagnostics) {
    const fs::path dir = pack.dir / "conflicts";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    // kinds.toml first, so topic files may be read in any order.
    std::stable_partition(files.begin(), files.end(), [](const fs::path& p) { return p.filename() == "kinds.toml"; });
    for (const auto& path : files) {
        auto table = parse_toml_file(path, diagnostics);
        if (!table) continue;
        const FileContext ctx{path, diagnostics};
        if (path.filename() == "kinds.toml") {
            load_kinds_file(ctx, *table, lexicon, pack.name, into);
        } else {
            load_topic_file(ctx, *table, lexicon, pack.name, into);
        }
    }
}

namespace {

Assertion case_assertion(const CaseAssertion& side, const std::string& topic, const std::string& subject) {
    Assertion a;
    a.doc = side.doc;
    a.holder = side.holder;
    a.holder_group = side.group;
    a.topic = topic;
    a.subject = subject;
    a.value = side.value;
    a.stated = parse_iso(side.stated);
    a.cluster = side.cluster.empty() ? "c-" + side.doc : side.cluster;
    a.headline = side.headline;
    a.doc_hash = "h-" + side.doc;
    a.evidence.line = side.headline ? 1 : 2;
    return a;
}

}  // namespace

void test_conflict_rules(const RuleSet& rules, RuleTestReport& report) {
    for (const auto& topic : rules.conflicts.topics) {
        for (const auto& c : topic.cases) {
            const std::vector<Assertion> pair{
                case_assertion(c.a, topic.topic, c.a.subject.empty() ? c.subject : c.a.subject),
                case_assertion(c.b, topic.topic, c.b.subject.empty() ? c.subject : c.b.subject)};
            const auto findings = find_conflicts(pair, rules.conflicts);
            std::string got;
            for (const auto& f : findings) got += (got.empty() ? "" : ",") + f.kind;
            if (got.empty()) got = "none";
            if (got == c.expect) {
                ++report.passed;
            } else {
                ++report.failed;
                report.failures.push_back(fmt::format("{}:{}: {} case ({} vs {}): expected {}, got {}", c.file, c.line,
                                                      topic.topic, c.a.value, c.b.value, c.expect, got));
            }
        }
    }
}

}  // namespace factline
