#include "checker/lexicon_match.hpp"

#include <algorithm>

namespace factline {

namespace {

// Asked at every token: a length check and one byte, not a string compare.
bool is_hyphen(const Token& token) { return token.text.size() == 1 && token.text[0] == '-'; }

bool joined_hyphen_after(std::span<const Token> tokens, std::uint32_t end) {
    return end + 1 < tokens.size() && is_hyphen(tokens[end]) && !tokens[end].space_before &&
           tokens[end + 1].word && !tokens[end + 1].space_before;
}

bool joined_hyphen_before(std::span<const Token> tokens, std::uint32_t begin) {
    return begin >= 2 && is_hyphen(tokens[begin - 1]) && !tokens[begin - 1].space_before &&
           !tokens[begin].space_before && tokens[begin - 2].word;
}

/// True when one of `phrases` is the tokens [from - its length, from) (`ending`) or [from, from + its length).
bool phrase_at(std::span<const Token> tokens, std::uint32_t from, bool ending,
               const std::vector<std::vector<std::string>>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const std::vector<std::string>& phrase) {
        if (phrase.empty()) return false;
        const std::size_t n = phrase.size();
        if (ending ? from < n : from + n > tokens.size()) return false;
        const std::size_t first = ending ? from - n : from;
        for (std::size_t k = 0; k < n; ++k) {
            if (tokens[first + k].text != phrase[k]) return false;
        }
        return true;
    });
}

}  // namespace

// Words that put a name in place context, from the word classes
// place_context_before ("in Lyman", "liberated Marinka") and
// place_context_after ("Lyman town").
bool LexiconMatcher::place_context(std::span<const Token> tokens, std::uint32_t begin, std::uint32_t end) const {
    return phrase_at(tokens, begin, true, place_before_) || phrase_at(tokens, end, false, place_after_);
}

void LexiconMatcher::add(std::string_view name, MentionKind kind, const std::string& id) {
    std::uint32_t node = root;
    for (const Token& token : tokenize(name)) {
        if (is_hyphen(token)) continue;  // hyphens and spaces are equivalent inside a name
        node = child_or_new(node, token.text, token.hash);
    }
    if (node != root) add_entry(node, kind, id);
}

void LexiconMatcher::add(const std::vector<std::string>& tokens, MentionKind kind, const std::string& id) {
    std::uint32_t node = root;
    for (const auto& token : tokens) {
        if (token == "-") continue;
        node = child_or_new(node, token, word_hash(token));
    }
    if (node != root) add_entry(node, kind, id);
}

void LexiconMatcher::add_entry(std::uint32_t node, MentionKind kind, const std::string& id) {
    auto& entries = entries_[node];
    const bool known = std::any_of(entries.begin(), entries.end(),
                                   [&](const Entry& e) { return e.kind == kind && e.id == id; });
    if (!known) entries.push_back({kind, id});
}

std::size_t LexiconMatcher::slot_of(std::uint32_t parent, std::uint64_t hash) const {
    // The root's edges (every name's first word) land where the word's hash says;
    // a deeper node's edges are spread by its number.
    return (hash ^ (parent * 0x9E3779B97F4A7C15ull)) & (edges_.size() - 1);
}

// Inline: find() asks it at every token that may start a name (a third of a
// news sentence's tokens: "the", "new", place names), and the call itself
// cost about a third of the look-up (callgrind, Reuters 1,500).
inline std::uint32_t LexiconMatcher::child_of(std::uint32_t parent, std::string_view word, std::uint64_t hash) const {
    if (edges_.empty()) return no_node;
    for (std::size_t at = slot_of(parent, hash); edges_[at].parent != no_node; at = (at + 1) & (edges_.size() - 1)) {
        const Edge& edge = edges_[at];
        if (edge.hash == hash && edge.parent == parent && edge_words_[edge.word] == word) return edge.child;
    }
    return no_node;
}

std::uint32_t LexiconMatcher::child_or_new(std::uint32_t parent, std::string_view word, std::uint64_t hash) {
    if (const std::uint32_t child = child_of(parent, word, hash); child != no_node) return child;
    if (parent == root) first_words_.mark(hash);
    if (2 * (edge_words_.size() + 1) > edges_.size()) grow_edges();
    const auto child = static_cast<std::uint32_t>(entries_.size());
    edges_[free_slot(parent, hash)] = {hash, parent, child, static_cast<std::uint32_t>(edge_words_.size())};
    edge_words_.emplace_back(word);
    entries_.emplace_back();
    return child;
}

// Doubles the table (at most half full keeps probe runs short) and re-places every edge.
void LexiconMatcher::grow_edges() {
    std::vector<Edge> old(edges_.empty() ? 64 : edges_.size() * 2);
    old.swap(edges_);
    for (const Edge& edge : old) {
        if (edge.parent != no_node) edges_[free_slot(edge.parent, edge.hash)] = edge;
    }
}

// The first empty slot of the edge's probe run.
std::size_t LexiconMatcher::free_slot(std::uint32_t parent, std::uint64_t hash) const {
    std::size_t at = slot_of(parent, hash);
    while (edges_[at].parent != no_node) at = (at + 1) & (edges_.size() - 1);
    return at;
}

bool LexiconMatcher::accepted(const Entry& entry, std::span<const Token> tokens, std::uint32_t begin,
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

std::vector<Mention> LexiconMatcher::find(std::span<const Token> tokens) const {
    std::vector<Mention> out;
    const auto n = static_cast<std::uint32_t>(tokens.size());
    std::uint32_t i = 0;
    // (end token, node). The thread's, reused: one allocation per sentence with a candidate name was
    // a tenth of find().
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    while (i < n) {
        // Most tokens start no name: one bit, or else one look-up at the root,
        // settles them. (No name starts with a hyphen: a hyphen token is settled too.)
        std::uint32_t node = may_start_name(tokens[i].hash) ? child_of(root, tokens[i].text, tokens[i].hash) : no_node;
        if (node == no_node || joined_hyphen_before(tokens, i)) {
            ++i;
            continue;
        }
        // Walk the trie, remembering every end where a name stops.
        ends.clear();
        if (!entries_[node].empty()) ends.emplace_back(i + 1, node);
        for (std::uint32_t j = i + 1; j < n; ++j) {
            // Scare quotes inside a name ('the “new territories”') do not break it.
            if (is_hyphen(tokens[j]) || tokens[j].quote) continue;
            node = child_of(node, tokens[j].text, tokens[j].hash);
            if (node == no_node) break;
            if (!entries_[node].empty()) ends.emplace_back(j + 1, node);
        }
        bool found = false;
        for (auto e = ends.rbegin(); e != ends.rend() && !found; ++e) {
            const auto [end, at] = *e;
            if (joined_hyphen_after(tokens, end)) continue;
            for (const auto& entry : entries_[at]) {
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
    matcher->set_place_context(lexicon.words("place_context_before"), lexicon.words("place_context_after"));
    return matcher;
}

}  // namespace factline
