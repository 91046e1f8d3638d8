// GeoNames dump -> region pack (see geonames_import.hpp).
#include "checker/geonames_import.hpp"
#include "checker/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <set>
#include <sstream>

#include "checker/tokens.hpp"
#include "checker/toml_source.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t geoname_columns = 19;

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto at = line.find(separator, start);
        out.push_back(line.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

bool selected(const std::vector<std::string>& wanted, const std::string& value) {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

/// Code points of UTF-8 `text`; an invalid byte yields U+FFFD.
std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
        for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += length;
    }
    return out;
}

bool is_latin_letter(char32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}
bool is_cyrillic_letter(char32_t cp) { return cp >= 0x400 && cp <= 0x4FF; }
bool is_name_punct(char32_t cp) {
    return cp == ' ' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2BC || cp == '`';
}

/// A spelling news may print: one script (Latin or Cyrillic), letters with
/// spaces, hyphens and apostrophes only, at least three letters, not a code.
bool usable_name(const std::string& name) {
    int latin = 0, cyrillic = 0, upper = 0;
    for (const char32_t cp : code_points(name)) {
        if (is_latin_letter(cp)) {
            ++latin;
            upper += cp >= 'A' && cp <= 'Z';
        } else if (is_cyrillic_letter(cp)) {
            ++cyrillic;
        } else if (!is_name_punct(cp)) {
            return false;
        }
    }
    if ((latin > 0) == (cyrillic > 0)) return false;  // mixed scripts, or no letter at all
    if (latin + cyrillic < 3) return false;
    return !(latin > 0 && upper == latin && latin <= 4);  // "IEV", "KBP": codes, not names
}

char32_t cyrillic_lower(char32_t cp) {
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp == 0x490) return 0x491;
    return cp;
}

/// Could be a Ukrainian spelling: Cyrillic without the Russian-only ы э ё ъ
/// ("Покровськ", "Зелений Гай"; the closest romanisation wins later).
bool is_ukrainian(const std::string& name) {
    bool cyrillic = false;
    for (char32_t cp : code_points(name)) {
        cp = cyrillic_lower(cp);
        if (cp == 0x44B || cp == 0x44D || cp == 0x451 || cp == 0x44A) return false;
        cyrillic = cyrillic || is_cyrillic_letter(cp);
    }
    return cyrillic;
}

std::string toml_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        } else {
            out += c;
        }
    }
    return out + '"';
}

std::string kind_of(const GeonamesRow& row) {
    if (row.feature_code == "PPLC" || row.feature_code == "PPLA" || row.population >= 100000) return "city";
    return row.population >= 10000 ? "town" : "village";
}

std::set<std::string> normalised_set(const std::vector<std::string>& names) {
    std::set<std::string> out;
    for (const auto& name : names) out.insert(normalise(name));
    return out;
}

/// What the hand-written packs already name: normalised alias -> region ids.
struct KnownNames {
    std::map<std::string, std::vector<const Region*>> by_alias;
    explicit KnownNames(const Lexicon& known) {
        for (const auto& [id, region] : known.regions) {
            for (const auto& alias : region.aliases) by_alias[normalise(alias)].push_back(&region);
            if (region.aliases.empty() && !region.name.empty()) by_alias[normalise(region.name)].push_back(&region);
        }
    }
    /// True when `name` is already a known place in `parent` (or the region itself).
    [[nodiscard]] bool names_place_in(const std::string& name, const std::string& parent) const {
        auto it = by_alias.find(normalise(name));
        if (it == by_alias.end()) return false;
        return std::any_of(it->second.begin(), it->second.end(),
                           [&](const Region* r) { return r->parent == parent || r->id == parent; });
    }
    [[nodiscard]] bool taken(const std::string& alias) const { return by_alias.count(normalise(alias)) != 0; }
};

struct Candidate {
    const GeonamesRow* row;
    std::string parent;
    std::string base_id;
    std::string english;  // the name in English romanisation
};

}  // namespace

GeonamesTable load_geonames_table(const fs::path& path, Diagnostics& diagnostics) {
    GeonamesTable table;
    auto root = parse_toml_file(path, diagnostics);
    if (!root) return table;
    check_known_keys(diagnostics, path, *root, {"countries", "admin1", "context"}, "the GeoNames table");
    if (const auto* countries = (*root)["countries"].as_table()) {
        for (const auto& [code, node] : *countries) {
            if (auto name = node.value<std::string>()) table.country_names[std::string(code.str())] = *name;
            else error_at(diagnostics, path, node, "toml.type", "a country name must be a string");
        }
    }
    if (const auto* admin1 = (*root)["admin1"].as_table()) {
        for (const auto& [country, codes] : *admin1) {
            const auto* code_table = codes.as_table();
            if (code_table == nullptr) {
                error_at(diagnostics, path, codes, "toml.type", "admin1.<country> must be a table of codes");
                continue;
            }
            for (const auto& [code, node] : *code_table) {
                if (auto id = node.value<std::string>())
                    table.region_of[fmt::format("{}.{}", country.str(), code.str())] = *id;
                else error_at(diagnostics, path, node, "toml.type", "a region id must be a string");
            }
        }
    }
    if (const auto* context = (*root)["context"].as_table()) {
        check_known_keys(diagnostics, path, *context, {"english_words", "first_names", "foreign_names", "first_name_max_population"},
                         "the [context] table");
        table.english_words = strings_of(diagnostics, path, *context, "english_words");
        table.first_names = strings_of(diagnostics, path, *context, "first_names");
        table.foreign_names = strings_of(diagnostics, path, *context, "foreign_names");
        table.first_name_max_population = (*context)["first_name_max_population"].value_or<std::int64_t>(0);
    }
    return table;
}

std::vector<GeonamesRow> read_geonames(std::istream& in, const std::string& file, const GeonamesFilter& filter,
                                       const GeonamesTable& table, Diagnostics& diagnostics) {
    std::vector<GeonamesRow> rows;
    std::string line;
    for (std::uint32_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto columns = split(line, '\t');
        if (columns.size() != geoname_columns) {
            diagnostics.warning("geonames.row", file, number, 1,
                                fmt::format("expected {} tab-separated columns, found {}; row skipped",
                                            geoname_columns, columns.size()));
            continue;
        }
        GeonamesRow row;
        row.geonameid = columns[0];
        row.name = columns[1];
        row.asciiname = columns[2];
        const std::string& population = columns[14];
        if (!population.empty()) {
            const auto [end, ec] = std::from_chars(population.data(), population.data() + population.size(), row.population);
            if (ec != std::errc{} || end != population.data() + population.size() || row.population < 0) {
                diagnostics.warning("geonames.row", file, number, 1,
                                    fmt::format("population '{}' is not a number; row skipped", population));
                continue;
            }
        }
        if (row.geonameid.empty() || row.name.empty()) {
            diagnostics.warning("geonames.row", file, number, 1, "a row needs a geonameid and a name; row skipped");
            continue;
        }
        if (columns[6] != "P") continue;  // only populated places
        row.feature_code = columns[7];
        row.country = columns[8];
        row.admin1 = columns[10];
        if (!selected(filter.countries, row.country) || !selected(filter.admin1, row.admin1)) continue;
        if (table.region_of.count(row.country + "." + row.admin1) == 0) continue;
        if (row.population < filter.min_population) continue;
        if (!columns[3].empty()) row.alternate_names = split(columns[3], ',');
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string place_id(const std::string& name) {
    std::string id;
    for (const char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) id += c;
        else if (c >= 'A' && c <= 'Z') id += static_cast<char>(c + 32);
        else if ((c == ' ' || c == '-' || c == '_') && !id.empty() && id.back() != '_') id += '_';
        // apostrophes and other marks are dropped
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    return id;
}

std::string romanise_ukrainian(const std::string& text) {
    // KMU 2010 (Resolution 55): є ї й ю я are ye yi y yu ya at a word's start.
    static const std::map<char32_t, std::pair<const char*, const char*>> table = {
        {0x430, {"a", "a"}},   {0x431, {"b", "b"}},   {0x432, {"v", "v"}},       {0x433, {"h", "h"}},
        {0x491, {"g", "g"}},   {0x434, {"d", "d"}},   {0x435, {"e", "e"}},       {0x454, {"ie", "ye"}},
        {0x436, {"zh", "zh"}}, {0x437, {"z", "z"}},   {0x438, {"y", "y"}},       {0x456, {"i", "i"}},
        {0x457, {"i", "yi"}},  {0x439, {"i", "y"}},   {0x43A, {"k", "k"}},       {0x43B, {"l", "l"}},
        {0x43C, {"m", "m"}},   {0x43D, {"n", "n"}},   {0x43E, {"o", "o"}},       {0x43F, {"p", "p"}},
        {0x440, {"r", "r"}},   {0x441, {"s", "s"}},   {0x442, {"t", "t"}},       {0x443, {"u", "u"}},
        {0x444, {"f", "f"}},   {0x445, {"kh", "kh"}}, {0x446, {"ts", "ts"}},     {0x447, {"ch", "ch"}},
        {0x448, {"sh", "sh"}}, {0x449, {"shch", "shch"}}, {0x44C, {"", ""}},     {0x44E, {"iu", "yu"}},
        {0x44F, {"ia", "ya"}}};
    std::string out;
    bool word_start = true;
    char32_t previous = 0;
    for (const char32_t raw : code_points(text)) {
        const char32_t cp = cyrillic_lower(raw);
        auto it = table.find(cp);
        if (it == table.end()) {
            if (cp == '\'' || cp == 0x2019 || cp == 0x2BC) continue;  // the apostrophe is not written
            append_utf8(out, raw);
            word_start = raw == ' ' || raw == '-';
            previous = 0;
            continue;
        }
        std::string latin = word_start ? it->second.second : it->second.first;
        if (cp == 0x433 && previous == 0x437) latin = "gh";  // зг -> zgh
        if (word_start && !latin.empty()) latin[0] = static_cast<char>(latin[0] - 32);
        out += latin;
        word_start = false;
        previous = cp;
    }
    return out;
}

std::string english_name(const GeonamesRow& row) {
    const std::string ascii = row.asciiname.empty() ? row.name : row.asciiname;
    if (row.country != "UA") return ascii;
    // The Ukrainian spelling closest to GeoNames' ASCII name (old names are listed too).
    std::string best;
    std::size_t best_distance = 0;
    for (const auto& alternate : row.alternate_names) {
        if (!is_ukrainian(alternate) || !usable_name(alternate)) continue;
        std::string latin = romanise_ukrainian(alternate);
        std::string lower;
        for (const char c : latin) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        std::string target;
        for (const char c : ascii) target += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        const std::size_t distance = edit_distance(lower, target);
        if (best.empty() || distance < best_distance) {
            best = std::move(latin);
            best_distance = distance;
        }
    }
    // A far-off spelling is another name (a renamed town), not a transliteration.
    return !best.empty() && best_distance * 3 <= ascii.size() ? best : ascii;
}

std::vector<GeonamesPlace> import_places(const std::vector<GeonamesRow>& rows, const GeonamesTable& table,
                                         const Lexicon& known) {
    const KnownNames names(known);
    const auto english = normalised_set(table.english_words);
    const auto first_names = normalised_set(table.first_names);
    const auto foreign = normalised_set(table.foreign_names);

    // Places the known packs do not have yet, grouped by their bare id.
    std::map<std::string, std::vector<Candidate>> by_id;
    for (const auto& row : rows) {
        const std::string parent = table.region_of.at(row.country + "." + row.admin1);
        const std::string english = english_name(row);
        std::string base = place_id(english);
        if (base.empty()) base = "place_" + row.geonameid;
        auto same = known.regions.find(base);
        if (same != known.regions.end() && (same->second.parent == parent || same->first == parent)) continue;
        if (known.regions.count(base + "_city") != 0 && known.regions.at(base + "_city").parent == parent) continue;
        // Any spelling of a place the known packs list in the same region: the same place.
        const bool listed = names.names_place_in(english, parent) || names.names_place_in(row.name, parent) ||
                            names.names_place_in(row.asciiname, parent) ||
                            std::any_of(row.alternate_names.begin(), row.alternate_names.end(),
                                        [&](const std::string& n) { return usable_name(n) && names.names_place_in(n, parent); });
        if (listed) continue;
        by_id[base].push_back({&row, parent, base, english});
    }

    std::vector<GeonamesPlace> out;
    std::set<std::string> used;
    for (auto& [base, group] : by_id) {
        // The most populous first, so that it keeps the shorter id within an oblast.
        std::stable_sort(group.begin(), group.end(), [](const Candidate& a, const Candidate& b) {
            if (a.row->population != b.row->population) return a.row->population > b.row->population;
            return a.row->geonameid < b.row->geonameid;
        });
        const bool shared = group.size() > 1 || known.regions.count(base) != 0;
        for (const auto& candidate : group) {
            const GeonamesRow& row = *candidate.row;
            std::string id = shared ? base + "_" + candidate.parent : base;
            if (used.count(id) != 0 || known.regions.count(id) != 0) id += "_" + row.geonameid;
            GeonamesPlace place;
            place.population = row.population;
            place.geonameid = row.geonameid;
            Region& region = place.region;
            region.id = id;
            region.name = candidate.english;
            region.kind = kind_of(row);
            region.country = table.country_names.count(row.country) ? table.country_names.at(row.country) : row.country;
            region.parent = candidate.parent;
            const std::string key = normalise(candidate.english);
            region.context_only = english.count(key) != 0 || english.count(normalise(row.asciiname)) != 0 ||
                                  ((first_names.count(key) != 0 || first_names.count(normalise(row.asciiname)) != 0) &&
                                   row.population < table.first_name_max_population);
            std::set<std::string> seen;
            std::vector<std::string> spellings = {candidate.english, row.name, row.asciiname};
            spellings.insert(spellings.end(), row.alternate_names.begin(), row.alternate_names.end());
            for (std::size_t i = 0; i < spellings.size(); ++i) {
                const std::string& spelling = spellings[i];
                if (!usable_name(spelling) || names.taken(spelling)) continue;
                const std::string normal = normalise(spelling);
                // A common word among the alternates would match everywhere: only the
                // place's own name may be one (and is then context_only).
                if (i >= 3 && (english.count(normal) != 0 || first_names.count(normal) != 0 || foreign.count(normal) != 0))
                    continue;
                if (seen.insert(normal).second) region.aliases.push_back(spelling);
            }
            if (region.aliases.empty()) continue;  // every spelling belongs to a known place
            used.insert(id);
            out.push_back(std::move(place));
        }
    }
    std::sort(out.begin(), out.end(), [](const GeonamesPlace& a, const GeonamesPlace& b) { return a.region.id < b.region.id; });
    return out;
}

std::string write_places_toml(const std::vector<GeonamesPlace>& places, const std::string& header) {
    std::ostringstream out;
    std::istringstream lines(header);
    for (std::string line; std::getline(lines, line);) out << (line.empty() ? "#" : "# " + line) << '\n';
    for (const auto& place : places) {
        const Region& region = place.region;
        out << '\n' << '[' << region.id << "]\n";
        out << "name = " << toml_string(region.name) << '\n';
        out << "kind = " << toml_string(region.kind) << '\n';
        out << "country = " << toml_string(region.country) << '\n';
        out << "parent = " << toml_string(region.parent) << '\n';
        out << "aliases = [";
        for (std::size_t i = 0; i < region.aliases.size(); ++i) out << (i ? ", " : "") << toml_string(region.aliases[i]);
        out << "]\n";
        out << "population = " << place.population << '\n';
        if (region.context_only) out << "context_only = true\n";
    }
    return out.str();
}

}  // namespace factline
