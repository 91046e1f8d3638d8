// load_patterns (TOML -> compiled rules) and match_rule (backtracking search).
#include "checker/patterns.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "checker/rule_pack.hpp"
#include "checker/toml_source.hpp"
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
            step.slot = node.text;
            if (std::find(known_slots.begin(), known_slots.end(), node.text) == known_slots.end()) {
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
                     {"value", "pattern", "negated_value", "holder", "subject_default", "narrator", "prefer_city", "description", "why",
                      "examples", "counter"},
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
    for (auto [key, flag] : {std::pair{"narrator", &rule.narrator}, std::pair{"prefer_city", &rule.prefer_city}}) {
        const toml::node* node = table.get(key);
        if (node == nullptr) continue;
        if (auto value = node->value<bool>()) {
            *flag = *value;
        } else {
            error_at(diagnostics, file, *node, "toml.type", fmt::format("'{}' must be true or false", key));
        }
    }
    rule.examples = strings_of(diagnostics, file, table, "examples");
    rule.counter = strings_of(diagnostics, file, table, "counter");
    if (rule.value.empty()) error_at(diagnostics, file, table, "rules.pattern-value", fmt::format("rule '{}' needs a 'value'", rule.id));
    check_value(diagnostics, file, table, "value", rule.value, lexicon, topic);
    check_value(diagnostics, file, table, "negated_value", rule.negated_value, lexicon, topic);
    std::vector<std::string> holders = {"speaker", "subject", "pattern"};
    holders.insert(holders.end(), lexicon.holder_groups.begin(), lexicon.holder_groups.end());
    check_choice(diagnostics, file, table, "holder", rule.holder, holders, "holder");
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
        rule.sources.push_back(*text);
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

// ---------------------------------------------------------------- matching

namespace {

struct Continuation {
    const std::vector<PatternStep>* steps;
    std::size_t index;
    const Continuation* next;
};

class Matcher {
public:
    Matcher(const std::vector<Token>& tokens, const SlotTable& slots) : tokens_(tokens), slots_(slots) {}

    bool run(const std::vector<PatternStep>& steps, std::uint32_t start, PatternMatch& match) {
        fills_.clear();
        gaps_.clear();
        literals_ = 0;
        if (!step(steps, 0, start, nullptr)) return false;
        match.begin = start;
        match.end = end_;
        match.fills.clear();
        for (const Fill& fill : fills_) match.fills.push_back({*fill.slot, fill.begin, fill.end, *fill.ids});
        match.gaps = gaps_;
        match.literals = literals_;
        return true;
    }

private:
    bool phrase_at(const std::vector<std::string>& words, bool prefix, std::uint32_t pos) const {
        if (pos + words.size() > tokens_.size()) return false;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::string& token = tokens_[pos + i].text;
            const bool last = i + 1 == words.size();
            if (last && prefix) {
                if (token.compare(0, words[i].size(), words[i]) != 0) return false;
            } else if (token != words[i]) {
                return false;
            }
        }
        return true;
    }

    bool finish(std::uint32_t pos, const Continuation* next) {
        if (next == nullptr) {
            end_ = pos;
            return true;
        }
        return step(*next->steps, next->index, pos, next->next);
    }

    bool step(const std::vector<PatternStep>& steps, std::size_t index, std::uint32_t pos, const Continuation* next) {
        if (index == steps.size()) return finish(pos, next);
        const PatternStep& s = steps[index];
        const auto n = static_cast<std::uint32_t>(tokens_.size());
        switch (s.kind) {
        case PatternStep::Kind::words:
            if (!phrase_at(s.words, s.prefix, pos)) return false;
            literals_ += static_cast<unsigned>(s.words.size());
            if (step(steps, index + 1, pos + static_cast<std::uint32_t>(s.words.size()), next)) return true;
            literals_ -= static_cast<unsigned>(s.words.size());
            return false;
        case PatternStep::Kind::word_class:
            // Only a phrase starting with this token can match here (unless the class has an empty one).
            if (!s.empty_phrase &&
                (pos >= n || !std::binary_search(s.first_words.begin(), s.first_words.end(), tokens_[pos].text)))
                return false;
            for (const auto& phrase : s.phrases) {
                if (!phrase_at(phrase, false, pos)) continue;
                literals_ += static_cast<unsigned>(phrase.size());
                if (step(steps, index + 1, pos + static_cast<std::uint32_t>(phrase.size()), next)) return true;
                literals_ -= static_cast<unsigned>(phrase.size());
            }
            return false;
        case PatternStep::Kind::slot: {
            auto table = slots_.find(s.slot);
            if (table == slots_.end() || pos >= table->second.size()) return false;
            for (const auto& candidate : table->second[pos]) {
                fills_.push_back({&s.slot, pos, candidate.end, &candidate.ids});
                literals_ += candidate.end - pos;  // a filled slot is as specific as the words it covers
                if (step(steps, index + 1, candidate.end, next)) return true;
                literals_ -= candidate.end - pos;
                fills_.pop_back();
            }
            return false;
        }
        case PatternStep::Kind::gap:
            for (std::uint32_t k = 0; k <= s.max_gap && pos + k <= n; ++k) {
                if (k > 0) gaps_.emplace_back(pos, pos + k);
                if (step(steps, index + 1, pos + k, next)) return true;
                if (k > 0) gaps_.pop_back();
            }
            return false;
        case PatternStep::Kind::anchor: {
            // The start of the sentence, after any opening quote or dash.
            std::uint32_t first = 0;
            while (first < n && !tokens_[first].word) ++first;
            return pos <= first && step(steps, index + 1, pos, next);
        }
        case PatternStep::Kind::group: {
            const Continuation rest{&steps, index + 1, next};
            for (const auto& option : s.options) {
                if (step(option, 0, pos, &rest)) return true;
            }
            return s.optional && step(steps, index + 1, pos, next);
        }
        }
        return false;
    }

    // A slot filled on the way to a match: references into the step and the
    // slot table, copied into a SlotFill only when the whole pattern matches
    // (backtracking tries and drops many fills).
    struct Fill {
        const std::string* slot;
        std::uint32_t begin;
        std::uint32_t end;
        const std::vector<std::string>* ids;
    };

    const std::vector<Token>& tokens_;
    const SlotTable& slots_;
    std::vector<Fill> fills_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> gaps_;
    unsigned literals_ = 0;
    std::uint32_t end_ = 0;
};

/// False when a top-level step of `steps` needs a word, a class phrase or a
/// slot the sentence does not have: then no start position can match, and the
/// backtracking search (the extraction stage's hot path) is skipped.
bool may_match(const std::vector<PatternStep>& steps, const PreparedSentence& words, const SlotTable& slots) {
    for (const auto& s : steps) {
        switch (s.kind) {
        case PatternStep::Kind::words:
            for (std::size_t i = 0; i < s.words.size(); ++i) {
                const bool prefix = s.prefix && i + 1 == s.words.size();
                if (!(prefix ? words.has_prefix(s.words[i]) : words.has(s.words[i]))) return false;
            }
            break;
        case PatternStep::Kind::word_class:
            if (!s.empty_phrase && !words.shares_any(s.first_words)) {
                return false;
            }
            break;
        case PatternStep::Kind::slot: {
            auto table = slots.find(s.slot);
            if (table == slots.end() ||
                std::all_of(table->second.begin(), table->second.end(), [](const auto& at) { return at.empty(); })) {
                return false;
            }
            break;
        }
        default: break;
        }
    }
    return true;
}

}  // namespace

PreparedSentence::PreparedSentence(const std::vector<Token>& tokens, const SlotTable& slots_in)
    : slots(slots_in), tokens_(tokens) {
    words_.reserve(tokens.size());
    for (const auto& token : tokens) words_.emplace_back(token.text);
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());

    // Quotation marks are transparent to patterns ('to "liberate" the areas'): match over the
    // other tokens and map positions back. Most sentences have none and are matched as they are.
    quoted_ = std::any_of(tokens.begin(), tokens.end(), [](const Token& token) { return token.quote; });
    if (!quoted_) {
        original.resize(tokens.size() + 1);
        for (std::uint32_t i = 0; i <= tokens.size(); ++i) original[i] = i;
        return;
    }
    std::vector<std::uint32_t> kept_at(tokens.size() + 1, 0);  // token index -> kept index
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
        kept_at[i] = static_cast<std::uint32_t>(kept_.size());
        if (tokens[i].quote) continue;
        original.push_back(i);
        kept_.push_back(tokens[i]);
    }
    kept_at[tokens.size()] = static_cast<std::uint32_t>(kept_.size());
    original.push_back(static_cast<std::uint32_t>(tokens.size()));
    for (const auto& [name, table] : slots) {
        auto& into = kept_slots_[name];
        into.resize(kept_.size() + 1);
        for (std::uint32_t k = 0; k < kept_.size(); ++k) {
            if (original[k] >= table.size()) continue;
            for (const auto& candidate : table[original[k]]) into[k].push_back({kept_at[candidate.end], candidate.ids});
        }
    }
}

bool PreparedSentence::has(std::string_view word) const {
    return std::binary_search(words_.begin(), words_.end(), word);
}

bool PreparedSentence::shares_any(const std::vector<std::string>& sorted) const {
    // A merge of two sorted lists: a class has dozens of first words, a sentence a few dozen.
    auto a = words_.begin();
    auto b = sorted.begin();
    while (a != words_.end() && b != sorted.end()) {
        const int order = a->compare(*b);
        if (order == 0) return true;
        if (order < 0) ++a;
        else ++b;
    }
    return false;
}

bool PreparedSentence::has_prefix(std::string_view prefix) const {
    const auto it = std::lower_bound(words_.begin(), words_.end(), prefix);
    return it != words_.end() && it->substr(0, prefix.size()) == prefix;
}

std::vector<PatternMatch> match_rule(const PatternRule& rule, const PreparedSentence& sentence, const char* wanted) {
    std::vector<char> possible(rule.compiled.size());
    for (std::size_t k = 0; k < rule.compiled.size(); ++k) {
        possible[k] = (wanted == nullptr || wanted[k]) && may_match(rule.compiled[k], sentence, sentence.slots);
    }
    if (std::find(possible.begin(), possible.end(), 1) == possible.end()) return {};
    const auto& original = sentence.original;
    // An end maps back to just after the last kept token it covers.
    const auto end_of = [&](std::uint32_t end) { return end == 0 ? 0 : original[end - 1] + 1; };

    std::vector<PatternMatch> out;
    Matcher matcher(sentence.kept(), sentence.kept_slots());
    const auto n = static_cast<std::uint32_t>(sentence.kept().size());
    for (std::size_t k = 0; k < rule.compiled.size(); ++k) {
        if (!possible[k]) continue;
        const auto& steps = rule.compiled[k];
        std::uint32_t start = 0;
        while (start < n) {
            PatternMatch match;
            if (matcher.run(steps, start, match) && match.end > match.begin) {
                start = match.end;
                match.rule = &rule;
                match.begin = original[match.begin];
                match.end = end_of(match.end);
                for (auto& fill : match.fills) {
                    fill.begin = original[fill.begin];
                    fill.end = end_of(fill.end);
                }
                for (auto& gap : match.gaps) gap = {original[gap.first], end_of(gap.second)};
                out.push_back(std::move(match));
            } else {
                ++start;
            }
        }
    }
    return out;
}

}  // namespace factline
