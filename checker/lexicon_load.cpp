// load_lexicon: reads rules/<pack>/lexicon/{holders,actors,regions,region_groups,
// topics,words}.toml into the Lexicon (format: rules/README.md). Every file is
// optional; closed sets (actor kind, region kind, topic subject, holder group
// ids, member ids) are checked with file:line:col and a "did you mean" hint.
#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <optional>

#include "checker/flat_toml.hpp"
#include "checker/lexicon_match.hpp"
#include "checker/rule_pack.hpp"
#include "checker/tokens.hpp"
#include "checker/toml_source.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

void check_one_of(Diagnostics& diagnostics, const fs::path& path, const toml::table& table, std::string_view key,
                  const std::string& value, const std::vector<std::string>& allowed, std::string_view what) {
    if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    std::string message = fmt::format("unknown {} '{}' (one of: {})", what, value, fmt::join(allowed, ", "));
    if (auto hint = closest_match(value, allowed); !hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    const toml::node* node = table.get(key);
    error_at(diagnostics, path, node != nullptr ? *node : static_cast<const toml::node&>(table), "rules.unknown-value",
             message);
}

/// Calls `each(id, table)` for every sub-table of `file`; a non-table entry is an error.
template <typename Each>
void for_each_entry(const fs::path& file, Diagnostics& diagnostics, Each each) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return;
    auto root = parse_toml_file(file, diagnostics);
    if (!root) return;
    for (const auto& [key, node] : *root) {
        const auto* table = node.as_table();
        if (table == nullptr) {
            error_at(diagnostics, file, node, "rules.lexicon-entry", fmt::format("'{}' must be a table", key.str()));
            continue;
        }
        each(std::string(key.str()), *table);
    }
}

void load_holders(const fs::path& file, Lexicon& into, Diagnostics& diagnostics) {
    for_each_entry(file, diagnostics, [&](const std::string& id, const toml::table& table) {
        check_known_keys(diagnostics, file, table, {"description", "name", "party"}, "a holder group");
        if (std::find(into.holder_groups.begin(), into.holder_groups.end(), id) == into.holder_groups.end())
            into.holder_groups.push_back(id);
        if (bool_or(diagnostics, file, table, "party") &&
            std::find(into.party_groups.begin(), into.party_groups.end(), id) == into.party_groups.end())
            into.party_groups.push_back(id);
    });
}

// The key and kind lists below are static: built once, not once per entry (a
// gazetteer pack has thousands of regions, and each list is a vector of strings).
void load_actors(const fs::path& file, Lexicon& into, Diagnostics& diagnostics) {
    static const std::vector<std::string> keys = {"group", "name", "kind", "aliases", "roles", "speaker_only",
                                                  "description"};
    static const std::vector<std::string> kinds = {"person", "institution"};
    for_each_entry(file, diagnostics, [&](const std::string& id, const toml::table& table) {
        check_known_keys(diagnostics, file, table, keys, "an actor");
        Actor actor;
        actor.id = id;
        actor.group = string_or(diagnostics, file, table, "group");
        actor.name = string_or(diagnostics, file, table, "name");
        actor.kind = string_or(diagnostics, file, table, "kind", "person");
        actor.aliases = strings_of(diagnostics, file, table, "aliases");
        actor.roles = strings_of(diagnostics, file, table, "roles");
        actor.speaker_only = strings_of(diagnostics, file, table, "speaker_only");
        check_one_of(diagnostics, file, table, "kind", actor.kind, kinds, "actor kind");
        if (actor.group.empty()) {
            error_at(diagnostics, file, table, "rules.actor-group", fmt::format("actor '{}' needs a 'group'", id));
        } else {
            check_one_of(diagnostics, file, table, "group", actor.group, into.holder_groups, "holder group");
        }
        into.actors[id] = std::move(actor);
    });
}

const std::vector<std::string>& region_keys() {
    static const std::vector<std::string> keys = {"name", "kind", "country", "parent", "aliases", "context_only",
                                                  "population", "description"};
    return keys;
}

const std::vector<std::string>& region_kinds() {
    static const std::vector<std::string> kinds = {"oblast", "city", "town", "village", "peninsula",
                                                   "russian_region", "area"};
    return kinds;
}

void add_region(Region region, Lexicon& into) {
    if (!region.parent.empty()) into.region_parent[region.id] = region.parent;
    std::string id = region.id;
    into.regions[std::move(id)] = std::move(region);
}

/// One region of a flat file as the toml++ path reads it, or nullopt when
/// that path would report something (an unknown key, a wrong type or kind).
std::optional<Region> flat_region(const FlatTable& table) {
    using Kind = FlatValue::Kind;
    Region region;
    region.id = std::string(table.name);
    region.kind = "oblast";
    for (const auto& [key, value] : table.keys) {
        std::string* text = key == "name"      ? &region.name
                            : key == "kind"    ? &region.kind
                            : key == "country" ? &region.country
                            : key == "parent"  ? &region.parent
                                               : nullptr;
        if (text != nullptr || key == "description") {
            if (value.kind != Kind::string) return std::nullopt;
            if (text != nullptr) *text = std::string(value.text);
        } else if (key == "aliases" && value.kind == Kind::string) {
            region.aliases.emplace_back(value.text);  // a single string is one alias
        } else if (key == "aliases" && value.kind == Kind::strings) {
            region.aliases.assign(value.strings.begin(), value.strings.end());
        } else if (key == "context_only" && value.kind == Kind::boolean) {
            region.context_only = value.boolean;
        } else if (key == "population" && value.kind == Kind::integer && value.integer >= 0) {
            region.population = value.integer;
        } else {
            return std::nullopt;
        }
    }
    const auto& kinds = region_kinds();
    if (!region.kind.empty() && std::find(kinds.begin(), kinds.end(), region.kind) == kinds.end()) return std::nullopt;
    return region;
}

/// The fast path for a generated gazetteer (flat_toml.hpp): true, with the
/// regions added, when the file is flat and would raise no diagnostic; false,
/// with nothing added, when the toml++ path must read it.
bool load_flat_regions(const fs::path& file, Lexicon& into) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) return false;
    std::string text(static_cast<std::size_t>(in.tellg()), '\0');
    if (!in.seekg(0) || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) return false;
    const auto tables = read_flat_toml(text);
    if (!tables) return false;
    std::vector<Region> regions;
    regions.reserve(tables->size());
    for (const auto& table : *tables) {
        auto region = flat_region(table);
        if (!region) return false;
        regions.push_back(std::move(*region));
    }
    for (auto& region : regions) add_region(std::move(region), into);
    return true;
}

void load_regions(const fs::path& file, Lexicon& into, Diagnostics& diagnostics) {
    std::error_code ec;
    if (fs::is_regular_file(file, ec) && load_flat_regions(file, into)) return;
    const auto& keys = region_keys();
    const auto& kinds = region_kinds();
    for_each_entry(file, diagnostics, [&](const std::string& id, const toml::table& table) {
        check_known_keys(diagnostics, file, table, keys, "a region");
        Region region;
        region.id = id;
        region.name = string_or(diagnostics, file, table, "name");
        region.kind = string_or(diagnostics, file, table, "kind", "oblast");
        region.country = string_or(diagnostics, file, table, "country");
        region.parent = string_or(diagnostics, file, table, "parent");
        region.aliases = strings_of(diagnostics, file, table, "aliases");
        if (const auto* node = table.get("context_only")) {
            if (auto flag = node->value<bool>()) {
                region.context_only = *flag;
            } else {
                error_at(diagnostics, file, *node, "toml.type", "'context_only' must be true or false");
            }
        }
        if (const auto* node = table.get("population")) {
            if (auto people = node->value<std::int64_t>(); people && *people >= 0) {
                region.population = *people;
            } else {
                error_at(diagnostics, file, *node, "toml.type", "'population' must be a whole number >= 0");
            }
        }
        check_one_of(diagnostics, file, table, "kind", region.kind, kinds, "region kind");
        add_region(std::move(region), into);
    });
}

void load_region_groups(const fs::path& file, Lexicon& into, Diagnostics& diagnostics) {
    for_each_entry(file, diagnostics, [&](const std::string& id, const toml::table& table) {
        check_known_keys(diagnostics, file, table, {"members", "aliases", "anaphora", "description"}, "a region group");
        RegionGroup group;
        group.id = id;
        group.members = strings_of(diagnostics, file, table, "members");
        group.aliases = strings_of(diagnostics, file, table, "aliases");
        group.anaphora = strings_of(diagnostics, file, table, "anaphora");
        std::vector<std::string> known;
        for (const auto& [region_id, region] : into.regions) known.push_back(region_id);
        for (const auto& member : group.members) {
            if (into.regions.count(member) != 0) continue;
            std::string message = fmt::format("unknown region '{}' in group '{}'", member, id);
            if (auto hint = closest_match(member, known); !hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
            error_at(diagnostics, file, *table.get("members"), "rules.unknown-region", message);
        }
        into.region_groups[id] = std::move(group);
    });
}

void load_topics(const fs::path& file, Lexicon& into, Diagnostics& diagnostics) {
    for_each_entry(file, diagnostics, [&](const std::string& id, const toml::table& table) {
        check_known_keys(diagnostics, file, table, {"values", "subject", "description"}, "a topic");
        Topic topic;
        topic.id = id;
        topic.values = strings_of(diagnostics, file, table, "values");
        topic.subject = string_or(diagnostics, file, table, "subject", "region");
        check_one_of(diagnostics, file, table, "subject", topic.subject, {"region", "party", "region_or_any"},
                     "topic subject");
        into.topic_values[id] = topic.values;
        into.topics[id] = std::move(topic);
    });
}

void load_words(const fs::path& file, Lexicon& into, Diagnostics& diagnostics) {
    for_each_entry(file, diagnostics, [&](const std::string& id, const toml::table& table) {
        check_known_keys(diagnostics, file, table, {"words", "description"}, "a word class");
        auto& phrases = into.word_classes[id];
        for (const auto& word : strings_of(diagnostics, file, table, "words")) {
            auto tokens = token_texts(word);
            if (!tokens.empty()) phrases.push_back(std::move(tokens));
        }
    });
}

}  // namespace

void load_lexicon(const RulePackInfo& pack, Lexicon& into, Diagnostics& diagnostics) {
    const fs::path dir = pack.dir / "lexicon";
    load_holders(dir / "holders.toml", into, diagnostics);
    load_topics(dir / "topics.toml", into, diagnostics);
    load_words(dir / "words.toml", into, diagnostics);
    load_regions(dir / "regions.toml", into, diagnostics);
    load_region_groups(dir / "region_groups.toml", into, diagnostics);
    load_actors(dir / "actors.toml", into, diagnostics);
    // Parents may be named before their region is read: check once all regions are in.
    for (const auto& [id, parent] : into.region_parent) {
        if (into.regions.count(parent) == 0)
            diagnostics.error("rules.unknown-region", (dir / "regions.toml").string(), 0, 0,
                              fmt::format("region '{}' names an unknown parent '{}'", id, parent));
    }
    // A city named like its region ("Kherson" in kherson_city's name and kherson's aliases).
    for (const auto& [id, region] : into.regions) {
        auto parent = into.regions.find(region.parent);
        if (region.kind != "city" || parent == into.regions.end()) continue;
        const std::string name = normalise(region.name);
        for (const auto& alias : parent->second.aliases) {
            if (normalise(alias) == name) into.namesake_city[parent->first] = id;
        }
    }
}

void compile_lexicon(Lexicon& into) {
    into.matcher = build_matcher(into);
    auto index = std::make_shared<std::map<std::string, PhraseIndex, std::less<>>>();
    for (const auto& [id, phrases] : into.word_classes) index->emplace(id, PhraseIndex(phrases));
    into.phrase_index = std::move(index);
}

}  // namespace factline
