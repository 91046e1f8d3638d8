#include "checker/slots.hpp"

#include <algorithm>

namespace factline {

namespace {

void add_unique(std::vector<std::string>& into, const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
        if (std::find(into.begin(), into.end(), id) == into.end()) into.push_back(id);
    }
}

bool is_separator(const Token& token) { return token.text == "," || token.text == "and" || token.text == "or" || token.text == "&"; }

// Nouns that may close a coordination of names ("the Donetsk and Luhansk regions").
bool is_place_noun(const Token& token) {
    static const std::vector<std::string> nouns = {"regions", "region", "oblasts", "oblast", "provinces", "province",
                                                   "territories", "areas", "republics", "people", "'s", "city",
                                                   "town", "village", "port"};
    return std::find(nouns.begin(), nouns.end(), token.text) != nouns.end();
}

/// Mentions grouped by their first token (one entry per distinct span).
struct Spans {
    std::vector<std::vector<const Mention*>> at;
};

}  // namespace

bool is_holder_mention(const Mention& mention) {
    return mention.kind == MentionKind::actor || mention.kind == MentionKind::actor_role ||
           mention.kind == MentionKind::speaker_only;
}

std::vector<std::string> region_ids(const Mention& mention, const std::vector<Token>& tokens, const Lexicon& lexicon,
                                    const Focus& focus) {
    switch (mention.kind) {
    case MentionKind::region:
        return {mention.id};
    case MentionKind::region_group: {
        auto it = lexicon.region_groups.find(mention.id);
        return it == lexicon.region_groups.end() ? std::vector<std::string>{} : it->second.members;
    }
    case MentionKind::group_anaphora:
        return focus.group;
    case MentionKind::region_anaphora: {
        if (focus.region.empty()) return {};
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
                if (region != lexicon.regions.end() && (region->second.kind == "city" || region->second.kind == "town"))
                    return {id};
            }
        }
        auto parent = lexicon.region_parent.find(first);
        if (regional && parent != lexicon.region_parent.end()) return {parent->second};
        return {first};
    }
    default:
        return {};
    }
}

SlotTable build_slots(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const Lexicon& lexicon,
                      const Focus& focus) {
    const auto n = static_cast<std::uint32_t>(tokens.size());
    std::vector<std::vector<std::string>> region_at(n + 1);   // ids of the region mention starting at i
    std::vector<std::uint32_t> region_end(n + 1, 0);
    std::vector<std::vector<std::string>> named_at(n + 1);  // the same without anaphora
    std::vector<std::uint32_t> named_end(n + 1, 0);
    std::vector<std::vector<std::string>> actor_at(n + 1), party_at(n + 1);
    std::vector<std::uint32_t> actor_end(n + 1, 0);
    // "Russia annexed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions,
    // though it controls none of them": several regions named earlier in the
    // sentence are what its group anaphora mean; otherwise the document's focus.
    std::vector<std::string> named_before;
    for (const auto& mention : mentions) {
        auto ids = mention.kind == MentionKind::group_anaphora && named_before.size() >= 2
                       ? named_before
                       : region_ids(mention, tokens, lexicon, focus);
        if (mention.kind == MentionKind::region || mention.kind == MentionKind::region_group) add_unique(named_before, ids);
        if (!ids.empty()) {
            add_unique(region_at[mention.begin], ids);
            region_end[mention.begin] = mention.end;
            if (mention.kind == MentionKind::region || mention.kind == MentionKind::region_group) {
                add_unique(named_at[mention.begin], ids);
                named_end[mention.begin] = mention.end;
            }
        }
        if (is_holder_mention(mention)) {
            add_unique(actor_at[mention.begin], {mention.id});
            auto actor = lexicon.actors.find(mention.id);
            if (actor != lexicon.actors.end()) add_unique(party_at[mention.begin], {actor->second.group});
            actor_end[mention.begin] = mention.end;
        }
    }

    // A coordination of mentions: m (sep m)* [place noun]; every prefix is a candidate, longest first.
    const auto coordinate = [&](const std::vector<std::vector<std::string>>& ids_at,
                                const std::vector<std::uint32_t>& end_at, bool place_nouns) {
        // A slot no mention can fill is an empty table: the matcher and its
        // pre-check read positions past a table's end as "no candidate".
        std::vector<std::vector<SlotCandidate>> table;
        if (std::all_of(ids_at.begin(), ids_at.end(), [](const auto& ids) { return ids.empty(); })) return table;
        table.resize(n + 1);
        for (std::uint32_t i = 0; i < n; ++i) {
            std::uint32_t start = i;
            if (tokens[i].text == "the" && i + 1 < n && !ids_at[i + 1].empty()) start = i + 1;
            // "the city of Kherson", "the town of Lyman": the name after the noun.
            if (tokens[i].text == "the" && i + 3 < n && is_place_noun(tokens[i + 1]) && tokens[i + 2].text == "of" &&
                !ids_at[i + 3].empty())
                start = i + 3;
            if (ids_at[start].empty()) continue;
            std::vector<SlotCandidate> found;
            std::vector<std::string> ids;
            std::uint32_t at = start;
            while (true) {
                add_unique(ids, ids_at[at]);
                std::uint32_t end = end_at[at];
                found.push_back({end, ids});
                if (place_nouns && end < n && is_place_noun(tokens[end])) found.push_back({end + 1, ids});
                std::uint32_t next = end;
                while (next < n && is_separator(tokens[next])) ++next;
                if (next == end || next >= n || ids_at[next].empty()) break;
                at = next;
            }
            std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.end > b.end; });
            table[i] = std::move(found);
        }
        return table;
    };

    SlotTable slots;
    slots["region"] = coordinate(region_at, region_end, true);
    slots["named_region"] = coordinate(named_at, named_end, true);
    slots["holder"] = coordinate(actor_at, actor_end, false);
    slots["party"] = coordinate(party_at, actor_end, false);
    return slots;
}

}  // namespace factline
