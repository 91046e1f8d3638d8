#include "checker/place_resolve.hpp"

#include <algorithm>

namespace factline {

std::vector<std::string> named_regions(const std::vector<Mention>& mentions, const Lexicon& lexicon) {
    std::vector<std::string> out;
    for (const auto& mention : mentions) {
        if (mention.kind != MentionKind::region) continue;
        out.push_back(mention.id);
        auto it = lexicon.regions.find(mention.id);
        // Only a hand-written place is certain enough to name its region (a namesake is not yet resolved).
        if (it != lexicon.regions.end() && it->second.population == 0 && !it->second.parent.empty())
            out.push_back(it->second.parent);
    }
    return out;
}

bool may_have_namesakes(const std::vector<Mention>& mentions) {
    // A span's meanings are adjacent (the matcher lists them together).
    for (std::size_t i = 1; i < mentions.size(); ++i) {
        if (mentions[i].begin == mentions[i - 1].begin && mentions[i].end == mentions[i - 1].end) return true;
    }
    return false;
}

void resolve_namesakes(std::vector<Mention>& mentions, const Lexicon& lexicon, const std::vector<std::string>& context) {
    if (!may_have_namesakes(mentions)) return;  // most sentences: nothing to choose, nothing to copy
    const auto region_of = [&](const Mention& m) -> const Region* {
        if (m.kind != MentionKind::region) return nullptr;
        auto it = lexicon.regions.find(m.id);
        return it == lexicon.regions.end() ? nullptr : &it->second;
    };
    const auto named = [&](const std::string& id) { return std::find(context.begin(), context.end(), id) != context.end(); };
    std::vector<Mention> out;
    for (std::size_t i = 0; i < mentions.size();) {
        std::size_t j = i + 1;
        while (j < mentions.size() && mentions[j].begin == mentions[i].begin && mentions[j].end == mentions[i].end) ++j;
        bool namesakes = j - i > 1;
        for (std::size_t k = i; k < j && namesakes; ++k) {
            const Region* region = region_of(mentions[k]);
            namesakes = region != nullptr && region->population > 0;
        }
        if (!namesakes) {
            out.insert(out.end(), mentions.begin() + static_cast<std::ptrdiff_t>(i), mentions.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
            continue;
        }
        // Best: its region named nearby; then the larger place; then the id (deterministic).
        std::size_t best = i;
        const auto score = [&](std::size_t k) {
            const Region* region = region_of(mentions[k]);
            return std::make_pair(named(region->parent) ? 1 : 0, region->population);
        };
        for (std::size_t k = i + 1; k < j; ++k) {
            if (score(k) > score(best) || (score(k) == score(best) && mentions[k].id < mentions[best].id)) best = k;
        }
        Mention kept = mentions[best];
        std::vector<std::size_t> others;
        for (std::size_t k = i; k < j; ++k) {
            if (k != best) others.push_back(k);
        }
        std::sort(others.begin(), others.end(), [&](std::size_t x, std::size_t y) {
            if (score(x) != score(y)) return score(x) > score(y);
            return mentions[x].id < mentions[y].id;
        });
        for (std::size_t k : others) kept.alternatives.push_back(mentions[k].id);
        out.push_back(std::move(kept));
        i = j;
    }
    mentions = std::move(out);
}

}  // namespace factline
