#include "checker/pattern_triggers.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "checker/patterns.hpp"
#include "checker/slots.hpp"

namespace factline {

namespace {

constexpr SlotMask region_bit = slot_bit(Slot::region), named_region_bit = slot_bit(Slot::named_region),
                   holder_bit = slot_bit(Slot::holder), party_bit = slot_bit(Slot::party);

/// Words that every match of a pattern contains at least one of.
struct Trigger {
    std::vector<std::string> words;
    std::vector<std::string> prefixes;
    double cost = 0;  // how often a sentence is expected to hit it (lower: rarer)
};

/// A rough rarity: the commonest English function words would let nearly every
/// sentence through, short words more often than long ones.
double word_cost(std::string_view word) {
    static constexpr std::array common = {"the", "a",  "an",  "of",   "to",   "in",    "and",  "on",  "for", "is",
                                          "was", "be", "by",  "as",   "at",   "with",  "that", "it",  "has", "have",
                                          "not", "no", "will", "would", "said", "from", "its",  "are", "or",  "this"};
    if (std::find(common.begin(), common.end(), word) != common.end()) return 50;
    if (word.size() <= 3) return 5;
    return word.size() <= 5 ? 2 : 1;
}

double prefix_cost(std::string_view prefix) { return prefix.size() <= 4 ? 10 : 3; }

std::optional<Trigger> trigger_of_steps(const std::vector<PatternStep>& steps);

std::optional<Trigger> trigger_of_step(const PatternStep& step) {
    switch (step.kind) {
    case PatternStep::Kind::words: {
        // Any one word of a literal run must be there: take the rarest.
        std::optional<Trigger> best;
        for (std::size_t i = 0; i < step.words.size(); ++i) {
            Trigger t;
            if (step.prefix && i + 1 == step.words.size()) {
                t.prefixes = {step.words[i]};
                t.cost = prefix_cost(step.words[i]);
            } else {
                t.words = {step.words[i]};
                t.cost = word_cost(step.words[i]);
            }
            if (!best || t.cost < best->cost) best = std::move(t);
        }
        return best;
    }
    case PatternStep::Kind::word_class: {
        if (step.empty_phrase || step.first_words.empty()) return std::nullopt;
        Trigger t;
        t.words = step.first_words;
        for (const auto& word : t.words) t.cost += word_cost(word);
        return t;
    }
    case PatternStep::Kind::group: {
        if (step.optional) return std::nullopt;
        // Some option matches, so the union of the options' triggers is hit.
        Trigger all;
        for (const auto& option : step.options) {
            auto t = trigger_of_steps(option);
            if (!t) return std::nullopt;
            all.words.insert(all.words.end(), t->words.begin(), t->words.end());
            all.prefixes.insert(all.prefixes.end(), t->prefixes.begin(), t->prefixes.end());
            all.cost += t->cost;
        }
        return all;
    }
    default:
        return std::nullopt;
    }
}

std::optional<Trigger> trigger_of_steps(const std::vector<PatternStep>& steps) {
    std::optional<Trigger> best;
    for (const auto& step : steps) {
        auto t = trigger_of_step(step);
        if (t && (!best || t->cost < best->cost)) best = std::move(t);
    }
    return best;
}

SlotMask required_slots(const std::vector<PatternStep>& steps) {
    SlotMask mask = 0;
    for (const auto& step : steps) {
        if (step.kind == PatternStep::Kind::slot) mask |= slot_bit(step.slot_id);
        if (step.kind == PatternStep::Kind::group && !step.optional && !step.options.empty()) {
            SlotMask common = 0xff;
            for (const auto& option : step.options) common &= required_slots(option);
            mask |= common;
        }
    }
    return mask;
}

}  // namespace

SlotMask fillable_slots(const std::vector<Mention>& mentions) {
    SlotMask mask = 0;
    for (const auto& mention : mentions) {
        switch (mention.kind) {
        case MentionKind::region:
        case MentionKind::region_group: mask |= region_bit | named_region_bit; break;
        case MentionKind::group_anaphora:
        case MentionKind::region_anaphora: mask |= region_bit; break;
        default:
            if (is_holder_mention(mention)) mask |= holder_bit | party_bit;
            break;
        }
    }
    return mask;
}

TriggerIndex::TriggerIndex(const std::vector<PatternRule>& rules) {
    std::uint32_t alternative = 0;
    for (const auto& rule : rules) {
        first_.push_back(alternative);
        for (const auto& steps : rule.compiled) {
            needs_.push_back(required_slots(steps));
            if (auto trigger = trigger_of_steps(steps)) {
                for (const auto& word : trigger->words) by_word_[word].push_back(alternative);
                for (const auto& prefix : trigger->prefixes) {
                    by_prefix_[prefix].push_back(alternative);
                    if (std::find(prefix_lengths_.begin(), prefix_lengths_.end(), prefix.size()) == prefix_lengths_.end())
                        prefix_lengths_.push_back(prefix.size());
                }
            } else {
                always_.push_back(alternative);
            }
            ++alternative;
        }
    }
    first_.push_back(alternative);
}

bool TriggerIndex::candidates(std::span<const Token> tokens, SlotMask fillable, std::vector<char>& out) const {
    out.assign(needs_.size(), 0);
    bool any = false;
    const auto mark = [&](const std::vector<std::uint32_t>& alternatives) {
        for (const std::uint32_t a : alternatives) {
            if ((needs_[a] & fillable) != needs_[a]) continue;
            out[a] = 1;
            any = true;
        }
    };
    mark(always_);
    for (const auto& token : tokens) {
        if (const auto* alternatives = by_word_.find(token.text, token.hash)) mark(*alternatives);
        for (const std::size_t length : prefix_lengths_) {
            if (token.text.size() < length) continue;
            if (const auto* alternatives = by_prefix_.find(token.text.substr(0, length)))
                mark(*alternatives);
        }
    }
    return any;
}

}  // namespace factline
