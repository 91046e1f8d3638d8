#include "checker/lexicon_match.hpp"

#include <algorithm>

namespace factline {

namespace {

// Asked at every token: a length check and one byte, not a string compare.
bool is_hyphen(const Token& token) { return token.text.size() == 1 && token.text[0] == '-'; }

bool joined_hyphen_after(const std::vector<Token>& tokens, std::uint32_t end) {
    return end + 1 < tokens.size() && is_hyphen(tokens[end]) && !tokens[end].space_before &&
           tokens[end + 1].word && !tokens[end + 1].space_before;
}

bool joined_hyphen_before(const std::vector<Token>& tokens, std::uint32_t begin) {
    return begin >= 2 && is_hyphen(tokens[begin - 1]) && !tokens[begin - 1].space_before &&
           !tokens[begin].space_before && tokens[begin - 2].word;
}

// Words that put a name in place context: before it ("in Lyman") or after it ("Lyman town").
bool place_context(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t end) {
    static const std::vector<std::string> before = {"in", "of", "near", "from", "around", "at", "outside",
                                                    "into", "to", "toward", "towards", "across", "through"};
    static const std::vector<std::string> after = {"region", "oblast", "city", "town", "village", "province",
                                                   "area", "district", "regions"};
    if (begin > 0 && std::find(before.begin(), before.end(), tokens[begin - 1].text) != before.end()) return true;
    return end < tokens.size() && std::find(after.begin(), after.end(), tokens[end].text) != after.end();
}

}  // namespace

void LexiconMatcher::add(std::string_view name, MentionKind kind, const std::string& id) {
    add(token_texts(name), kind, id);
}

void LexiconMatcher::add(const std::vector<std::string>& tokens, MentionKind kind, const std::string& id) {
    std::uint32_t node = 0;
    bool any = false;
    for (const auto& token : tokens) {
        if (token == "-") continue;  // hyphens and spaces are equivalent inside a name
        any = true;
        if (const std::uint32_t* child = nodes_[node].next.find(token)) {
            node = *child;
            continue;
        }
        const auto child = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();  // before taking a reference into nodes_
        nodes_[node].next[token] = child;
        node = child;
    }
    if (!any) return;
    auto& entries = nodes_[node].entries;
    const bool known = std::any_of(entries.begin(), entries.end(),
                                   [&](const Entry& e) { return e.kind == kind && e.id == id; });
    if (!known) entries.push_back({kind, id});
}

bool LexiconMatcher::accepted(const Entry& entry, const std::vector<Token>& tokens, std::uint32_t begin,
                              std::uint32_t end) const {
    if (entry.kind != MentionKind::region) return true;
    if (end + 1 < tokens.size() && tokens[end].text == ",") {
        for (const auto& phrase : foreign_after_) {
            std::size_t k = 0;
            while (k < phrase.size() && end + 1 + k < tokens.size() && tokens[end + 1 + k].text == phrase[k]) ++k;
            if (k == phrase.size()) return false;
        }
    }
    if (context_only_.count(entry.id) == 0) return true;
    // A name that is also a common word is a place only when written as a
    // name: "in Peace" may be the village, "in peace" never is.
    return tokens[begin].capitalised && place_context(tokens, begin, end);
}

std::vector<Mention> LexiconMatcher::find(const std::vector<Token>& tokens) const {
    std::vector<Mention> out;
    const auto n = static_cast<std::uint32_t>(tokens.size());
    std::uint32_t i = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;  // (end token, node)
    while (i < n) {
        if (is_hyphen(tokens[i]) || joined_hyphen_before(tokens, i)) {
            ++i;
            continue;
        }
        // Walk the trie, remembering every end where a name stops.
        ends.clear();
        std::uint32_t node = 0;
        for (std::uint32_t j = i; j < n; ++j) {
            if (j > i && is_hyphen(tokens[j])) continue;
            // Scare quotes inside a name ('the “new territories”') do not break it.
            if (tokens[j].quote && j > i) continue;
            const std::uint32_t* child = nodes_[node].next.find(tokens[j].text, tokens[j].hash);
            if (child == nullptr) break;
            node = *child;
            if (!nodes_[node].entries.empty()) ends.emplace_back(j + 1, node);
        }
        bool found = false;
        for (auto e = ends.rbegin(); e != ends.rend() && !found; ++e) {
            const auto [end, at] = *e;
            if (joined_hyphen_after(tokens, end)) continue;
            for (const auto& entry : nodes_[at].entries) {
                if (!accepted(entry, tokens, i, end)) continue;
                // "the town of Bakhmut" names its place: no anaphor.
                const bool anaphor = entry.kind == MentionKind::group_anaphora || entry.kind == MentionKind::region_anaphora;
                if (anaphor && end < n && tokens[end].text == "of") continue;
                out.push_back({i, end, entry.kind, entry.id, {}});
                found = true;
            }
            if (found) i = end;
        }
        if (!found) ++i;
    }
    return out;
}

std::shared_ptr<const LexiconMatcher> build_matcher(const Lexicon& lexicon) {
    auto matcher = std::make_shared<LexiconMatcher>();
    for (const auto& [id, region] : lexicon.regions) {
        for (const auto& alias : region.aliases) matcher->add(alias, MentionKind::region, id);
        if (!region.name.empty() && region.aliases.empty()) matcher->add(region.name, MentionKind::region, id);
        if (region.context_only) matcher->set_context_only(id);
    }
    for (const auto& [id, group] : lexicon.region_groups) {
        for (const auto& alias : group.aliases) matcher->add(alias, MentionKind::region_group, id);
        for (const auto& word : group.anaphora) matcher->add(word, MentionKind::group_anaphora, "");
    }
    for (const auto& [id, actor] : lexicon.actors) {
        for (const auto& alias : actor.aliases) matcher->add(alias, MentionKind::actor, id);
        for (const auto& role : actor.roles) matcher->add(role, MentionKind::actor_role, id);
        for (const auto& alias : actor.speaker_only) matcher->add(alias, MentionKind::speaker_only, id);
    }
    const auto add_class = [&](const std::string& word_class, MentionKind kind) {
        for (const auto& phrase : lexicon.words(word_class)) matcher->add(phrase, kind, "");
    };
    add_class("group_anaphora", MentionKind::group_anaphora);
    add_class("region_anaphora", MentionKind::region_anaphora);
    matcher->set_foreign_after(lexicon.words("foreign_place_after"));
    return matcher;
}

}  // namespace factline
