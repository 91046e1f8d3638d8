#include "checker/slots.hpp"

#include <algorithm>
#include <array>

#include "checker/word_table.hpp"

namespace factline {

namespace {

using Ids = std::vector<const std::string*>;

// Ids are compared by text: a region named by a mention and by a group's members is one region.
void add_unique(Ids& into, const Ids& ids) {
    for (const std::string* id : ids) {
        if (std::none_of(into.begin(), into.end(), [&](const std::string* have) { return have == id || *have == *id; }))
            into.push_back(id);
    }
}

// A token's hash is compared before its text: most tokens are none of these words.
bool is(const Token& token, std::string_view word, std::uint64_t hash) { return token.hash == hash && token.text == word; }

constexpr std::uint64_t the_hash = word_hash("the"), of_hash = word_hash("of");

bool is_separator(const Token& token) {
    static constexpr std::uint64_t comma = word_hash(","), and_hash = word_hash("and"), or_hash = word_hash("or"),
                                   ampersand = word_hash("&");
    return is(token, ",", comma) || is(token, "and", and_hash) || is(token, "or", or_hash) || is(token, "&", ampersand);
}

// Nouns that may close a coordination of names ("the Donetsk and Luhansk regions").
bool is_place_noun(const Token& token) {
    static constexpr std::array<std::string_view, 15> nouns = {"regions", "region", "oblasts", "oblast", "provinces",
                                                               "province", "territories", "areas", "republics",
                                                               "people", "'s", "city", "town", "village", "port"};
    static constexpr auto hashes = [] {
        std::array<std::uint64_t, nouns.size()> out{};
        for (std::size_t i = 0; i < nouns.size(); ++i) out[i] = word_hash(nouns[i]);
        return out;
    }();
    for (std::size_t i = 0; i < nouns.size(); ++i) {
        if (token.hash == hashes[i] && token.text == nouns[i]) return true;
    }
    return false;
}

/// The region ids one mention names, as pointers into the mention, the lexicon or the focus.
void region_refs(const Mention& mention, std::span<const Token> tokens, const Lexicon& lexicon, const Focus& focus,
                 Ids& out) {
    out.clear();
    const auto all = [&](const std::vector<std::string>& ids) {
        for (const auto& id : ids) out.push_back(&id);
    };
    switch (mention.kind) {
    case MentionKind::region:
        out.push_back(&mention.id);
        return;
    case MentionKind::region_group: {
        auto it = lexicon.region_groups.find(mention.id);
        if (it != lexicon.region_groups.end()) all(it->second.members);
        return;
    }
    case MentionKind::group_anaphora:
        all(focus.group);
        return;
    case MentionKind::region_anaphora: {
        if (focus.region.empty()) return;
        // "the region" after "Kherson city" means the city's region; "the city" the first city named.
        bool regional = false, urban = false;
        for (auto i = mention.begin; i < mention.end; ++i) {
            const auto& t = tokens[i].text;
            regional = regional || t == "region" || t == "oblast" || t == "province";
            urban = urban || t == "city" || t == "town";
        }
        const std::string& first = focus.region.front();
        if (urban) {
            for (const auto& id : focus.region) {
                auto region = lexicon.regions.find(id);
                if (region != lexicon.regions.end() && (region->second.kind == "city" || region->second.kind == "town")) {
                    out.push_back(&id);
                    return;
                }
            }
        }
        auto parent = lexicon.region_parent.find(first);
        out.push_back(regional && parent != lexicon.region_parent.end() ? &parent->second : &first);
        return;
    }
    default:
        return;
    }
}

}  // namespace

bool is_holder_mention(const Mention& mention) {
    return mention.kind == MentionKind::actor || mention.kind == MentionKind::actor_role ||
           mention.kind == MentionKind::speaker_only;
}

std::vector<std::string> region_ids(const Mention& mention, std::span<const Token> tokens, const Lexicon& lexicon,
                                    const Focus& focus) {
    Ids refs;
    region_refs(mention, tokens, lexicon, focus, refs);
    return id_texts(refs);
}

void SlotBuilder::Starts::reset(std::size_t tokens) {
    // Only the starts of the last sentence's mentions hold ids; end_at is read only where ids are.
    for (const std::uint32_t at : used) ids_at[at].clear();
    used.clear();
    if (ids_at.size() < tokens + 1) {
        ids_at.resize(tokens + 1);
        end_at.resize(tokens + 1);
    }
}

void SlotBuilder::Starts::add(const Mention& mention, const Ids& ids) {
    if (ids_at[mention.begin].empty()) used.push_back(mention.begin);
    add_unique(ids_at[mention.begin], ids);
    end_at[mention.begin] = mention.end;
}

const SlotTable& SlotBuilder::build(std::span<const Token> tokens, const std::vector<Mention>& mentions,
                                    const Lexicon& lexicon, const Focus& focus) {
    const std::size_t n = tokens.size();
    for (Starts* starts : {&region_, &named_, &actor_, &party_}) starts->reset(n);
    // "Russia annexed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions,
    // though it controls none of them": several regions named earlier in the
    // sentence are what its group anaphora mean; otherwise the document's focus.
    named_before_.clear();
    for (const auto& mention : mentions) {
        if (mention.kind == MentionKind::group_anaphora && named_before_.size() >= 2) {
            ids_ = named_before_;
        } else {
            region_refs(mention, tokens, lexicon, focus, ids_);
        }
        const bool named = mention.kind == MentionKind::region || mention.kind == MentionKind::region_group;
        if (named) add_unique(named_before_, ids_);
        if (!ids_.empty()) {
            region_.add(mention, ids_);
            if (named) named_.add(mention, ids_);
        }
        if (is_holder_mention(mention)) {
            actor_.add(mention, {&mention.id});
            // A holder without a group still ends the party span there (as it ends the holder's).
            auto actor = lexicon.actors.find(mention.id);
            if (actor != lexicon.actors.end()) party_.add(mention, {&actor->second.group});
            else party_.end_at[mention.begin] = mention.end;
        }
    }
    table_.clear();
    coordinate(Slot::region, region_, true, tokens);
    coordinate(Slot::named_region, named_, true, tokens);
    coordinate(Slot::holder, actor_, false, tokens);
    coordinate(Slot::party, party_, false, tokens);
    return table_;
}

// A coordination of mentions: m (sep m)* [place noun]; every prefix is a candidate, longest first.
void SlotBuilder::coordinate(Slot slot, const Starts& starts, bool place_nouns, std::span<const Token> tokens) {
    if (starts.used.empty()) return;  // a slot no mention can fill has no candidates
    const auto n = static_cast<std::uint32_t>(tokens.size());
    const auto& ids_at = starts.ids_at;
    // A candidate starts at a mention, or at "the" one or three tokens before it
    // ("the Kherson region", "the city of Kherson"): only those tokens are looked at.
    starts_.clear();
    for (const std::uint32_t at : starts.used) {
        for (const std::uint32_t back : {3u, 1u, 0u}) {
            if (at >= back) starts_.push_back(at - back);
        }
    }
    std::sort(starts_.begin(), starts_.end());
    starts_.erase(std::unique(starts_.begin(), starts_.end()), starts_.end());
    for (const std::uint32_t i : starts_) {
        if (i >= n) continue;
        std::uint32_t start = i;
        const bool the = is(tokens[i], "the", the_hash);
        if (the && i + 1 < n && !ids_at[i + 1].empty()) start = i + 1;
        // "the city of Kherson", "the town of Lyman": the name after the noun.
        if (the && i + 3 < n && is_place_noun(tokens[i + 1]) && is(tokens[i + 2], "of", of_hash) &&
            !ids_at[i + 3].empty())
            start = i + 3;
        if (ids_at[start].empty()) continue;
        // Each candidate names a prefix of the ids gathered along the coordination.
        found_.clear();
        coordinated_.clear();
        std::uint32_t at = start;
        while (true) {
            add_unique(coordinated_, ids_at[at]);
            const auto named = static_cast<std::uint32_t>(coordinated_.size());
            std::uint32_t end = starts.end_at[at];
            found_.emplace_back(end, named);
            if (place_nouns && end < n && is_place_noun(tokens[end])) found_.emplace_back(end + 1, named);
            std::uint32_t next = end;
            while (next < n && is_separator(tokens[next])) ++next;
            if (next == end || next >= n || ids_at[next].empty()) break;
            at = next;
        }
        std::sort(found_.begin(), found_.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        const std::uint32_t first_id = table_.store(coordinated_);
        for (const auto& [end, named] : found_) table_.add(slot, i, {end, first_id, 0}, named);
    }
}

}  // namespace factline
