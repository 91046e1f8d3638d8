// match_rule: the backtracking search of compiled patterns over a prepared
// sentence (patterns.hpp). Words are compared by their word_hash() first and
// by text only when the hashes agree, so a mismatch costs one integer compare.
#include <algorithm>
#include <bit>

#include "checker/patterns.hpp"
#include "checker/word_table.hpp"

namespace factline {

namespace {

struct Continuation {
    const std::vector<PatternStep>* steps;
    std::size_t index;
    const Continuation* next;
};

class Matcher {
public:
    Matcher(std::span<const Token> tokens, const SlotTable& slots) : tokens_(tokens), slots_(slots) {}

    bool run(const std::vector<PatternStep>& steps, std::uint32_t start, PatternMatch& match) {
        fills_.clear();
        gaps_.clear();
        literals_ = 0;
        if (!step(steps, 0, start, nullptr)) return false;
        match.begin = start;
        match.end = end_;
        match.fills.clear();
        for (const Fill& fill : fills_) match.fills.push_back(SlotFill{fill.slot, fill.begin, fill.end, id_texts(fill.ids)});
        match.gaps = gaps_;
        match.literals = literals_;
        return true;
    }

private:
    bool phrase_at(const std::vector<std::string>& words, const std::vector<std::uint64_t>& hashes, bool prefix,
                   std::uint32_t pos) const {
        if (pos + words.size() > tokens_.size()) return false;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Token& token = tokens_[pos + i];
            if (prefix && i + 1 == words.size()) {
                if (token.text.compare(0, words[i].size(), words[i]) != 0) return false;
            } else if (token.hash != hashes[i] || token.text != words[i]) {
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
            if (!phrase_at(s.words, s.word_hashes, s.prefix, pos)) return false;
            literals_ += static_cast<unsigned>(s.words.size());
            if (step(steps, index + 1, pos + static_cast<std::uint32_t>(s.words.size()), next)) return true;
            literals_ -= static_cast<unsigned>(s.words.size());
            return false;
        case PatternStep::Kind::word_class:
            // Only a phrase starting with this token can match here (unless the class has an empty one).
            if (!s.empty_phrase &&
                (pos >= n || !std::binary_search(s.first_hashes.begin(), s.first_hashes.end(), tokens_[pos].hash)))
                return false;
            for (std::size_t p = 0; p < s.phrases.size(); ++p) {
                const auto& phrase = s.phrases[p];
                if (!phrase_at(phrase, s.phrase_hashes[p], false, pos)) continue;
                literals_ += static_cast<unsigned>(phrase.size());
                if (step(steps, index + 1, pos + static_cast<std::uint32_t>(phrase.size()), next)) return true;
                literals_ -= static_cast<unsigned>(phrase.size());
            }
            return false;
        case PatternStep::Kind::slot: {
            for (const auto& candidate : slots_.at(s.slot_id, pos)) {
                fills_.push_back({s.slot_id, pos, candidate.end, slots_.ids(candidate)});
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
        Slot slot;
        std::uint32_t begin;
        std::uint32_t end;
        SlotIds ids;
    };

    std::span<const Token> tokens_;
    const SlotTable& slots_;
    std::vector<Fill> fills_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> gaps_;
    unsigned literals_ = 0;
    std::uint32_t end_ = 0;
};

/// False when a top-level step of `steps` needs a word, a class phrase or a
/// slot the sentence does not have: then no start position can match, and the
/// backtracking search (the extraction stage's hot path) is skipped.
bool may_match(const std::vector<PatternStep>& steps, const PreparedSentence& sentence) {
    for (const auto& s : steps) {
        switch (s.kind) {
        case PatternStep::Kind::words:
            for (std::size_t i = 0; i < s.words.size(); ++i) {
                const bool prefix = s.prefix && i + 1 == s.words.size();
                if (!(prefix ? sentence.has_prefix(s.words[i]) : sentence.may_have(s.word_hashes[i]))) return false;
            }
            break;
        case PatternStep::Kind::word_class:
            if (!s.empty_phrase && !sentence.may_share_any(s.first_hashes)) return false;
            break;
        case PatternStep::Kind::slot:
            if (sentence.slots().empty(s.slot_id)) return false;
            break;
        default: break;
        }
    }
    return true;
}

bool admits(const PatternRule& rule, std::size_t alternative, const Token& token) {
    const StartTokens& starts = rule.starts[alternative];
    return starts.any || std::binary_search(starts.hashes.begin(), starts.hashes.end(), token.hash);
}

}  // namespace

void PreparedSentence::prepare(std::span<const Token> tokens, const SlotTable& slots) {
    tokens_ = tokens;
    slots_ = &slots;
    // The words' hashes in an open-addressed set: built in a few steps per
    // token (sorting them cost more than every look-up made afterwards).
    std::size_t size = 16;
    while (size < 2 * tokens.size()) size *= 2;
    hash_slots_.assign(size, 0);
    hash_shift_ = 64 - static_cast<unsigned>(std::countr_zero(size));
    has_zero_hash_ = false;
    for (const auto& token : tokens) {
        if (token.hash == 0) {
            has_zero_hash_ = true;
            continue;
        }
        for (std::size_t at = slot_of(token.hash);; at = (at + 1) & (size - 1)) {
            if (hash_slots_[at] == token.hash) break;
            if (hash_slots_[at] == 0) {
                hash_slots_[at] = token.hash;
                break;
            }
        }
    }

    // Quotation marks are transparent to patterns ('to "liberate" the areas'): match over the
    // other tokens and map positions back. Most sentences have none and are matched as they are.
    original_.clear();
    quoted_ = std::any_of(tokens.begin(), tokens.end(), [](const Token& token) { return token.quote; });
    if (!quoted_) {
        for (std::uint32_t i = 0; i <= tokens.size(); ++i) original_.push_back(i);
        return;
    }
    kept_.clear();
    kept_at_.assign(tokens.size() + 1, 0);
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
        kept_at_[i] = static_cast<std::uint32_t>(kept_.size());
        if (tokens[i].quote) continue;
        original_.push_back(i);
        kept_.push_back(tokens[i]);
    }
    kept_at_[tokens.size()] = static_cast<std::uint32_t>(kept_.size());
    original_.push_back(static_cast<std::uint32_t>(tokens.size()));
    kept_slots_.clear();
    for (std::size_t s = 0; s < slot_count; ++s) {
        const auto slot = static_cast<Slot>(s);
        for (std::uint32_t k = 0; k < kept_.size(); ++k) {
            for (const auto& candidate : slots.at(slot, original_[k]))
                kept_slots_.add(slot, k, kept_at_[candidate.end], slots.ids(candidate));
        }
    }
}

std::size_t PreparedSentence::slot_of(std::uint64_t word_hash) const {
    return static_cast<std::size_t>((word_hash * 0x9E3779B97F4A7C15ull) >> hash_shift_);
}

bool PreparedSentence::may_have(std::uint64_t word_hash) const {
    if (word_hash == 0) return has_zero_hash_;
    const std::size_t mask = hash_slots_.size() - 1;
    for (std::size_t at = slot_of(word_hash);; at = (at + 1) & mask) {
        if (hash_slots_[at] == word_hash) return true;
        if (hash_slots_[at] == 0) return false;  // at most half full: an empty slot ends every probe
    }
}

bool PreparedSentence::may_share_any(const std::vector<std::uint64_t>& hashes) const {
    return std::any_of(hashes.begin(), hashes.end(), [&](std::uint64_t word_hash) { return may_have(word_hash); });
}

bool PreparedSentence::has_prefix(std::string_view prefix) const {
    // Rare (only "negotiat*"-like words ask), so a scan instead of a sorted copy of the words.
    return std::any_of(tokens_.begin(), tokens_.end(),
                       [&](const Token& token) { return token.text.substr(0, prefix.size()) == prefix; });
}

std::vector<PatternMatch> match_rule(const PatternRule& rule, const PreparedSentence& sentence, const char* wanted) {
    std::vector<char> possible(rule.compiled.size());
    for (std::size_t k = 0; k < rule.compiled.size(); ++k) {
        possible[k] = (wanted == nullptr || wanted[k]) && may_match(rule.compiled[k], sentence);
    }
    if (std::find(possible.begin(), possible.end(), 1) == possible.end()) return {};
    const auto& original = sentence.original();
    // An end maps back to just after the last kept token it covers.
    const auto end_of = [&](std::uint32_t end) { return end == 0 ? 0 : original[end - 1] + 1; };

    std::vector<PatternMatch> out;
    const auto tokens = sentence.kept();
    Matcher matcher(tokens, sentence.kept_slots());
    const auto n = static_cast<std::uint32_t>(tokens.size());
    for (std::size_t k = 0; k < rule.compiled.size(); ++k) {
        if (!possible[k]) continue;
        const auto& steps = rule.compiled[k];
        std::uint32_t start = 0;
        while (start < n) {
            PatternMatch match;
            if (admits(rule, k, tokens[start]) && matcher.run(steps, start, match) && match.end > match.begin) {
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
