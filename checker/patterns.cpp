// load_patterns: TOML -> compiled rules (matching is pattern_match.cpp).
#include "checker/patterns.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "checker/rule_pack.hpp"
#include "checker/toml_source.hpp"
#include "checker/word_table.hpp"
#include "grammar/parse_pattern.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> known_slots = {"region", "named_region", "holder", "party"};
const std::vector<std::string> known_subject_defaults = {"document_focus", "any", "speaker_group"};

struct CompileContext {
    const Lexicon& lexicon;
    Diagnostics& diagnostics;
    const fs::path& file;
    const toml::node& node;  // the pattern string
    std::string_view source;
    bool ok = true;

    // An error at the column of `needle` inside the TOML string.
    void error_at_text(std::string_view needle, std::string id, std::string message) {
        const auto at = source.find(needle);
        const auto& begin = node.source().begin;
        const auto col = static_cast<std::uint32_t>(begin.column) + 1 +
                         static_cast<std::uint32_t>(at == std::string_view::npos ? 0 : at);
        diagnostics.error(std::move(id), file.string(), static_cast<std::uint32_t>(begin.line), col,
                          std::move(message));
        ok = false;
    }
};

std::vector<PatternStep> compile(const std::vector<grammar::PatternNode>& nodes, CompileContext& context) {
    std::vector<PatternStep> steps;
    for (const auto& node : nodes) {
        PatternStep step;
        switch (node.kind) {
        case grammar::PatternNode::Kind::word:
            step.kind = PatternStep::Kind::words;
            for (auto& token : token_texts(node.text)) step.words.push_back(std::move(token));
            step.prefix = node.prefix;
            // Consecutive literal words fold into one step.
            if (!step.prefix && !steps.empty() && steps.back().kind == PatternStep::Kind::words && !steps.back().prefix) {
                for (auto& word : step.words) steps.back().words.push_back(std::move(word));
                continue;
            }
            break;
        case grammar::PatternNode::Kind::slot:
            step.kind = PatternStep::Kind::slot;
            if (auto slot = slot_named(node.text)) {
                step.slot_id = *slot;
            } else {
                std::string message = fmt::format("unknown slot '{{{}}}' (one of: region, holder, party)", node.text);
                if (auto hint = closest_match(node.text, known_slots); !hint.empty())
                    message += fmt::format("; did you mean '{{{}}}'?", hint);
                context.error_at_text("{" + node.text, "rules.unknown-slot", message);
            }
            break;
        case grammar::PatternNode::Kind::word_class: {
            step.kind = PatternStep::Kind::word_class;
            auto it = context.lexicon.word_classes.find(node.text);
            if (it == context.lexicon.word_classes.end()) {
                std::vector<std::string> names;
                for (const auto& [name, phrases] : context.lexicon.word_classes) names.push_back(name);
                std::string message = fmt::format("unknown word class '@{}'", node.text);
                if (auto hint = closest_match(node.text, names); !hint.empty())
                    message += fmt::format("; did you mean '@{}'?", hint);
                context.error_at_text("@" + node.text, "rules.unknown-class", message);
            } else {
                step.phrases = it->second;
                for (const auto& phrase : step.phrases) {
                    if (phrase.empty()) step.empty_phrase = true;
                    else step.first_words.push_back(phrase.front());
                }
                std::sort(step.first_words.begin(), step.first_words.end());
                step.first_words.erase(std::unique(step.first_words.begin(), step.first_words.end()),
                                       step.first_words.end());
            }
            break;
        }
        case grammar::PatternNode::Kind::gap:
            step.kind = PatternStep::Kind::gap;
            step.max_gap = node.max_gap;
            break;
        case grammar::PatternNode::Kind::anchor:
            step.kind = PatternStep::Kind::anchor;
            break;
        case grammar::PatternNode::Kind::group:
            step.kind = PatternStep::Kind::group;
            step.optional = node.optional;
            for (const auto& option : node.options) step.options.push_back(compile(option, context));
            break;
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

// Hashes the words of every step once, so that matching compares a token's
// hash before its text (word_table.hpp); done after compile(), which folds runs of words.
void hash_words(std::vector<PatternStep>& steps) {
    const auto hashes = [](const std::vector<std::string>& words) {
        std::vector<std::uint64_t> out;
        out.reserve(words.size());
        for (const auto& word : words) out.push_back(word_hash(word));
        return out;
    };
    for (auto& step : steps) {
        step.word_hashes = hashes(step.words);
        step.phrase_hashes.clear();
        for (const auto& phrase : step.phrases) step.phrase_hashes.push_back(hashes(phrase));
        step.first_hashes = hashes(step.first_words);
        std::sort(step.first_hashes.begin(), step.first_hashes.end());
        step.first_hashes.erase(std::unique(step.first_hashes.begin(), step.first_hashes.end()), step.first_hashes.end());
        for (auto& option : step.options) hash_words(option);
    }
}

// The words steps[index...] can open a match with; `any` when they may open with anything.
StartTokens start_tokens(const std::vector<PatternStep>& steps, std::size_t index = 0) {
    StartTokens any;
    if (index == steps.size()) return any;  // an empty rest: what follows decides
    const PatternStep& step = steps[index];
    StartTokens out;
    out.any = false;
    switch (step.kind) {
    case PatternStep::Kind::words:
        if (step.words.empty() || (step.prefix && step.words.size() == 1)) return any;
        out.hashes = {step.word_hashes.front()};
        return out;
    case PatternStep::Kind::word_class:
        if (step.empty_phrase) return any;
        out.hashes = step.first_hashes;
        return out;
    case PatternStep::Kind::anchor:
        return start_tokens(steps, index + 1);  // matches no token
    case PatternStep::Kind::group:
        if (step.optional || step.options.empty()) return any;
        for (const auto& option : step.options) {
            const StartTokens opens = start_tokens(option);
            if (opens.any) return any;
            out.hashes.insert(out.hashes.end(), opens.hashes.begin(), opens.hashes.end());
        }
        std::sort(out.hashes.begin(), out.hashes.end());
        out.hashes.erase(std::unique(out.hashes.begin(), out.hashes.end()), out.hashes.end());
        return out;
    default:  // a slot, a gap (which may be empty)
        return any;
    }
}

void check_value(Diagnostics& diagnostics, const fs::path& file, const toml::table& table, std::string_view key,
                 const std::string& value, const Lexicon& lexicon, const std::string& topic) {
    auto it = lexicon.topic_values.find(topic);
    if (value.empty() || it == lexicon.topic_values.end()) return;
    const auto& values = it->second;
    if (std::find(values.begin(), values.end(), value) != values.end()) return;
    std::string message = fmt::format("unknown {} value '{}' (one of: {})", topic, value, fmt::join(values, ", "));
    if (auto hint = closest_match(value, values); !hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    error_at(diagnostics, file, *table.get(key), "rules.unknown-value", message);
}

void check_choice(Diagnostics& diagnostics, const fs::path& file, const toml::table& table, std::string_view key,
                  const std::string& value, const std::vector<std::string>& allowed, std::string_view what) {
    if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    std::string message = fmt::format("unknown {} '{}' (one of: {})", what, value, fmt::join(allowed, ", "));
    if (auto hint = closest_match(value, allowed); !hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    error_at(diagnostics, file, *table.get(key), "rules.unknown-value", message);
}

void load_rule(const RulePackInfo& pack, const fs::path& file, const std::string& topic, const std::string& name,
               const toml::table& table, const Lexicon& lexicon, PatternSet& into, Diagnostics& diagnostics) {
    check_known_keys(diagnostics, file, table,
                     {"value", "pattern", "negated_value", "holder", "holder_groups", "subject_default", "narrator",
                      "prefer_city", "description", "why", "examples", "counter"},
                     "a pattern rule");
    PatternRule rule;
    rule.id = fmt::format("{}.{}.{}", pack.name, topic, name);
    rule.topic = topic;
    rule.file = file.string();
    rule.line = static_cast<std::uint32_t>(table.source().begin.line);
    rule.value = string_or(diagnostics, file, table, "value");
    rule.negated_value = string_or(diagnostics, file, table, "negated_value");
    rule.holder = string_or(diagnostics, file, table, "holder", "speaker");
    rule.subject_default = string_or(diagnostics, file, table, "subject_default");
    rule.description = string_or(diagnostics, file, table, "description");
    rule.narrator = bool_or(diagnostics, file, table, "narrator", rule.narrator);
    rule.prefer_city = bool_or(diagnostics, file, table, "prefer_city", rule.prefer_city);
    rule.examples = strings_of(diagnostics, file, table, "examples");
    rule.counter = strings_of(diagnostics, file, table, "counter");
    if (rule.value.empty()) error_at(diagnostics, file, table, "rules.pattern-value", fmt::format("rule '{}' needs a 'value'", rule.id));
    check_value(diagnostics, file, table, "value", rule.value, lexicon, topic);
    check_value(diagnostics, file, table, "negated_value", rule.negated_value, lexicon, topic);
    std::vector<std::string> holders = {"speaker", "subject", "pattern"};
    holders.insert(holders.end(), lexicon.holder_groups.begin(), lexicon.holder_groups.end());
    check_choice(diagnostics, file, table, "holder", rule.holder, holders, "holder");
    rule.holder_groups = strings_of(diagnostics, file, table, "holder_groups");
    if (const auto* groups = table.get_as<toml::array>("holder_groups")) {
        std::vector<std::string> sorted = lexicon.holder_groups;  // listed as the actors' check lists them
        std::sort(sorted.begin(), sorted.end());
        for (const auto& item : *groups) {
            const auto group = item.value<std::string>();
            if (!group || std::find(lexicon.holder_groups.begin(), lexicon.holder_groups.end(), *group) !=
                              lexicon.holder_groups.end())
                continue;
            std::string message = fmt::format("unknown holder group '{}' (one of: {})", *group,
                                              fmt::join(sorted, ", "));
            if (auto hint = closest_match(*group, lexicon.holder_groups); !hint.empty())
                message += fmt::format("; did you mean '{}'?", hint);
            error_at(diagnostics, file, item, "rules.unknown-value", message);
        }
    }
    check_choice(diagnostics, file, table, "subject_default", rule.subject_default, known_subject_defaults,
                 "subject_default");

    const toml::node* patterns = table.get("pattern");
    if (patterns == nullptr) {
        error_at(diagnostics, file, table, "rules.pattern-missing", fmt::format("rule '{}' needs a 'pattern'", rule.id));
        return;
    }
    std::vector<const toml::node*> nodes;
    if (const auto* array = patterns->as_array()) {
        for (const auto& item : *array) nodes.push_back(&item);
    } else {
        nodes.push_back(patterns);
    }
    bool ok = true;
    for (const toml::node* node : nodes) {
        auto text = node->value<std::string>();
        if (!text) {
            error_at(diagnostics, file, *node, "toml.type", "'pattern' must be a string or an array of strings");
            ok = false;
            continue;
        }
        const auto parsed = grammar::parse_pattern(*text);
        if (parsed.error_column) {
            const auto& begin = node->source().begin;
            // +1: the column of the string's opening quote is begin.column.
            diagnostics.error("rules.pattern-syntax", file.string(), static_cast<std::uint32_t>(begin.line),
                              static_cast<std::uint32_t>(begin.column) + *parsed.error_column,
                              parsed.error + "; a pattern is words, (a | b), [optional], {slot}, @class and ..N.. gaps "
                                             "(rules/README.md)");
            ok = false;
            continue;
        }
        CompileContext context{lexicon, diagnostics, file, *node, *text};
        auto steps = compile(parsed.nodes, context);
        ok = ok && context.ok;
        hash_words(steps);
        rule.sources.push_back(*text);
        rule.starts.push_back(start_tokens(steps));
        rule.compiled.push_back(std::move(steps));
    }
    if (!ok) return;
    into.ids.push_back(rule.id);
    into.rules.push_back(std::move(rule));
}

}  // namespace

void load_patterns(const RulePackInfo& pack, const Lexicon& lexicon, PatternSet& into, Diagnostics& diagnostics) {
    const fs::path dir = pack.dir / "patterns";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> topics;
    for (const auto& [id, topic] : lexicon.topics) topics.push_back(id);
    for (const auto& file : files) {
        auto root = parse_toml_file(file, diagnostics);
        if (!root) continue;
        const std::string topic = file.stem().string();
        if (!topics.empty() && lexicon.topics.count(topic) == 0) {
            std::string message = fmt::format("pattern file for unknown topic '{}'", topic);
            if (auto hint = closest_match(topic, topics); !hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
            diagnostics.error("rules.unknown-topic", file.string(), 1, 1, message);
            continue;
        }
        for (const auto& [key, node] : *root) {
            const auto* rules = node.as_table();
            if (std::string(key.str()) != topic || rules == nullptr) {
                error_at(diagnostics, file, node, "rules.pattern-table",
                         fmt::format("rules in {}.toml are tables [{}.<name>]", topic, topic));
                continue;
            }
            for (const auto& [name, rule] : *rules) {
                if (const auto* table = rule.as_table()) {
                    load_rule(pack, file, topic, std::string(name.str()), *table, lexicon, into, diagnostics);
                } else {
                    error_at(diagnostics, file, rule, "rules.pattern-table", fmt::format("'{}' must be a table", name.str()));
                }
            }
        }
    }
    into.triggers = TriggerIndex(into.rules);  // over every rule loaded so far
}

}  // namespace factline
