#pragma once
// GeoNames importer: turns rows of a GeoNames `geoname` dump (cities500.txt,
// UA.txt, …: 19 tab-separated columns) into a region pack in the
// regions.toml format (rules/README.md), for `factline rules import-geonames`.
// Keeps populated places (feature class P) of the selected countries and
// admin1 codes, maps admin1 codes to the pack's region ids with a table from
// rules/ (geonames_admin1.toml), and never repeats a place or a name the
// hand-written packs already have. Output is deterministic (sorted by id).
// Does not download anything and does not load the result (load_lexicon does).
#include <cstdint>
#include <filesystem>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "checker/diagnostic.hpp"
#include "checker/lexicon.hpp"

namespace factline {

/// One populated place read from a dump (only the columns the importer uses).
struct GeonamesRow {
    std::string geonameid;
    std::string name;
    std::string asciiname;
    std::vector<std::string> alternate_names;
    std::string feature_code;   // PPL, PPLA, PPLC, …
    std::string country;        // ISO code: UA, RU
    std::string admin1;         // "05"
    std::int64_t population = 0;
};

/// The table from rules/ (geonames_admin1.toml).
struct GeonamesTable {
    std::map<std::string, std::string> country_names;  // "UA" -> "ukraine"
    std::map<std::string, std::string> region_of;      // "UA.05" -> "donetsk"
    std::vector<std::string> english_words;            // names that match only in place context
    std::vector<std::string> first_names;              // the same below first_name_max_population
    std::vector<std::string> foreign_names;            // never kept as a secondary alias ("Hamburg")
    std::int64_t first_name_max_population = 0;
};

struct GeonamesFilter {
    std::vector<std::string> countries;  // empty: every country of the table
    std::vector<std::string> admin1;     // empty: every admin1 code of the table
    std::int64_t min_population = 0;
};

/// A generated place: a Region plus what the pack file records about it.
struct GeonamesPlace {
    Region region;
    std::int64_t population = 0;
    std::string geonameid;
};

/// Reads geonames_admin1.toml; errors carry file:line:col.
[[nodiscard]] GeonamesTable load_geonames_table(const std::filesystem::path& path, Diagnostics& diagnostics);

/// Rows of `in` (named `file` in warnings) that pass `filter`: feature class
/// P, a country and admin1 code in `table`. A row without 19 columns or with
/// a bad population is a warning at file:line and skipped.
[[nodiscard]] std::vector<GeonamesRow> read_geonames(std::istream& in, const std::string& file,
                                                     const GeonamesFilter& filter, const GeonamesTable& table,
                                                     Diagnostics& diagnostics);

/// The id of a place name (SPEC §3): lower-case ASCII, apostrophes dropped,
/// spaces and hyphens '_' ("Chasiv Yar" -> chasiv_yar).
[[nodiscard]] std::string place_id(const std::string& name);

/// Ukrainian Cyrillic in the official Latin romanisation (KMU 2010):
/// "Гуляйполе" -> "Huliaipole", "Ярова" -> "Yarova"; other characters are kept.
[[nodiscard]] std::string romanise_ukrainian(const std::string& text);

/// Places for `rows`: ids (a name shared by several places gets
/// `_<region id>`), kind, parent, aliases (Latin and Cyrillic spellings), and
/// context_only from the table's word lists. A place `known` already has
/// (same id and parent, or its name is an alias of a known place with the same
/// parent) is left out; an alias `known` uses for another place is dropped.
[[nodiscard]] std::vector<GeonamesPlace> import_places(const std::vector<GeonamesRow>& rows,
                                                       const GeonamesTable& table, const Lexicon& known);

/// The places as a regions.toml file, sorted by id; `header` lines become comments.
[[nodiscard]] std::string write_places_toml(const std::vector<GeonamesPlace>& places, const std::string& header);

}  // namespace factline
