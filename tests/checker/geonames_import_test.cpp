// GeoNames importer (issue 10): reading a dump of our own writing
// (fixtures/places/geonames_sample.txt: a malformed row, a bad population, a
// name shared by three places, Cyrillic aliases, a place the core pack has,
// a river, a region outside the table), ids, romanisation, and the
// regeneration of the shipped rules/places pack from GeoNames' cities500.txt.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checker/geonames_import.hpp"
#include "checker/rule_pack.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

const fs::path source = FACTLINE_SOURCE_DIR;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct Sample {
    GeonamesTable table;
    std::vector<GeonamesRow> rows;
    Diagnostics diagnostics;
    std::vector<GeonamesPlace> places;
};

const Sample& sample() {
    static const Sample data = [] {
        Sample out;
        out.table = load_geonames_table(source / "rules/core/lexicon/geonames_admin1.toml", out.diagnostics);
        std::ifstream in(source / "fixtures/places/geonames_sample.txt", std::ios::binary);
        out.rows = read_geonames(in, "geonames_sample.txt", GeonamesFilter{}, out.table, out.diagnostics);
        Diagnostics load;
        const RuleSet core = load_rules({source / "rules/core"}, load);
        out.places = import_places(out.rows, out.table, core.lexicon);
        return out;
    }();
    return data;
}

const GeonamesPlace* place(const std::string& id) {
    for (const auto& p : sample().places) {
        if (p.region.id == id) return &p;
    }
    return nullptr;
}

TEST(GeonamesImport, TableMapsEveryOblastCode) {
    const auto& table = sample().table;
    EXPECT_EQ(table.region_of.size(), 30u);  // UA 01..27 and RU 09, 10, 41
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"UA.05", "donetsk"}, {"UA.11", "crimea"}, {"UA.20", "sevastopol"}, {"UA.26", "zaporizhzhia"},
        {"RU.41", "kursk"},   {"RU.09", "belgorod"}, {"RU.10", "bryansk"}};
    for (const auto& [code, id] : cases) EXPECT_EQ(table.region_of.at(code), id) << code;
    // Every id the table names is a region of the core pack.
    Diagnostics load;
    const RuleSet core = load_rules({source / "rules/core"}, load);
    for (const auto& [code, id] : table.region_of) EXPECT_EQ(core.lexicon.regions.count(id), 1u) << code << " -> " << id;
}

TEST(GeonamesImport, MalformedRowsAreWarningsAtTheirLine) {
    const auto& diagnostics = sample().diagnostics;
    std::vector<std::uint32_t> lines;
    for (const auto& d : diagnostics.items()) {
        EXPECT_EQ(d.severity, Severity::warning);
        lines.push_back(d.line);
    }
    EXPECT_EQ(lines, (std::vector<std::uint32_t>{11, 12}));  // 18 columns; population "many"
    // The river (class H) and Yaroslavl (admin1 outside the table) are left out silently.
    for (const auto& row : sample().rows) {
        EXPECT_NE(row.name, "Sudzhanka River");
        EXPECT_NE(row.name, "Yaroslavl");
    }
    EXPECT_EQ(sample().rows.size(), 10u);
}

TEST(GeonamesImport, PlaceIds) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Chasiv Yar", "chasiv_yar"}, {"Kam'yanka-Dniprovs'ka", "kamyanka_dniprovska"}, {"Ryl’sk", "rylsk"},
        {"Velyka  Novosilka", "velyka_novosilka"}, {"Novyy Oskol", "novyy_oskol"}, {"", ""}};
    for (const auto& [name, id] : cases) EXPECT_EQ(place_id(name), id) << name;
}

TEST(GeonamesImport, UkrainianRomanisation) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Гуляйполе", "Huliaipole"},    {"Ярова", "Yarova"},      {"Зелений Гай", "Zelenyi Hai"},
        {"Єнакієве", "Yenakiieve"},     {"Згурівка", "Zghurivka"}, {"Кам'янка-Дніпровська", "Kamianka-Dniprovska"},
        {"Їжакевичі", "Yizhakevychi"},  {"Щастя", "Shchastia"},   {"Юнаківка", "Yunakivka"}};
    for (const auto& [cyrillic, latin] : cases) EXPECT_EQ(romanise_ukrainian(cyrillic), latin) << cyrillic;
}

TEST(GeonamesImport, SharedNamesGetTheirOblast) {
    // Three Novoselivkas: two in Donetsk Oblast (the larger keeps the shorter id), one in Luhansk.
    ASSERT_NE(place("novoselivka_donetsk"), nullptr);
    EXPECT_EQ(place("novoselivka_donetsk")->population, 1200);
    ASSERT_NE(place("novoselivka_donetsk_1000003"), nullptr);
    ASSERT_NE(place("novoselivka_luhansk"), nullptr);
    EXPECT_EQ(place("novoselivka_luhansk")->region.parent, "luhansk");
    EXPECT_EQ(place("novoselivka"), nullptr);
}

TEST(GeonamesImport, AliasesKeepLatinAndCyrillicSpellingsOnly) {
    const auto* novoselivka = place("novoselivka_donetsk");
    ASSERT_NE(novoselivka, nullptr);
    EXPECT_EQ(novoselivka->region.aliases,
              (std::vector<std::string>{"Novoselivka", "Novoselovka", "Новоселівка", "Новоселовка"}));  // not "NSL"
    const auto* rylsk = place("rylsk");
    ASSERT_NE(rylsk, nullptr);
    EXPECT_EQ(rylsk->region.parent, "kursk");
    EXPECT_EQ(rylsk->region.country, "russia");
    EXPECT_EQ(rylsk->region.kind, "town");
    EXPECT_EQ(std::count(rylsk->region.aliases.begin(), rylsk->region.aliases.end(), "Rylsk 2"), 0);
    // The Ukrainian spelling gives the English name (KMU romanisation), GeoNames' stays an alias.
    const auto* hai = place("zelenyi_hai");
    ASSERT_NE(hai, nullptr);
    EXPECT_EQ(hai->region.name, "Zelenyi Hai");
    EXPECT_EQ(hai->region.aliases, (std::vector<std::string>{"Zelenyi Hai", "Zelenyy Hay", "Зелений Гай"}));
}

TEST(GeonamesImport, KnownPlacesAndNamesAreNotRepeated) {
    // Kramatorsk, Hulyaypole (core: huliaipole, alias Gulyaypole) and Yunakivka are in the core pack.
    for (const std::string id : {"kramatorsk", "hulyaypole", "huliaipole", "yunakivka"}) EXPECT_EQ(place(id), nullptr) << id;
    // Another Lyman keeps only the spellings core does not use ("Lyman" is core's, in Donetsk Oblast).
    const auto* lyman = place("lyman_kharkiv");
    ASSERT_NE(lyman, nullptr);
    EXPECT_EQ(lyman->region.aliases, (std::vector<std::string>{"Лиман"}));
    EXPECT_TRUE(lyman->region.context_only);  // a first name, a small place
}

TEST(GeonamesImport, CommonWordsMatchOnlyInPlaceContext) {
    const auto* mirny = place("mirny");
    ASSERT_NE(mirny, nullptr);
    EXPECT_TRUE(mirny->region.context_only);
    EXPECT_EQ(std::count(mirny->region.aliases.begin(), mirny->region.aliases.end(), "Peace"), 0);
    EXPECT_FALSE(place("novoselivka_luhansk")->region.context_only);
}

TEST(GeonamesImport, OutputIsDeterministicAndLoads) {
    const std::string text = write_places_toml(sample().places, "test header");
    EXPECT_EQ(text, write_places_toml(sample().places, "test header"));
    EXPECT_EQ(text.rfind("# test header\n", 0), 0u);
    const testing::TempDir temp("factline-geonames");
    const fs::path& dir = temp.path();
    fs::create_directories(dir / "lexicon");
    std::ofstream(dir / "pack.toml") << "name = \"sample\"\n";
    std::ofstream(dir / "lexicon/regions.toml") << text;
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({source / "rules/core", dir}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    EXPECT_EQ(rules.lexicon.regions.at("novoselivka_luhansk").population, 800);
}

// The shipped pack is what the importer makes of cities500.txt (install-deps.sh geonames).
TEST(GeonamesImport, ShippedPlacesPackRegenerates) {
    fs::path dump;
    if (const char* dir = std::getenv("FACTLINE_GEONAMES_DIR")) dump = fs::path(dir) / "cities500.txt";
    else if (const char* home = std::getenv("HOME")) dump = fs::path(home) / ".cache/factline/geonames/cities500.txt";
    if (dump.empty() || !fs::is_regular_file(dump))
        GTEST_SKIP() << "GeoNames cities500.txt not found (run scripts/install-deps.sh geonames)";
    const testing::TempDir temp("factline-geonames");
    const fs::path out = temp / "regions.toml";
    const std::string command = fmt::format("cd '{}' && '{}' rules import-geonames '{}' --country UA,RU -o '{}' -q",
                                            dump.parent_path().string(), FACTLINE_BINARY, dump.filename().string(),
                                            out.string());
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const std::string regenerated = slurp(out);
    EXPECT_TRUE(regenerated == slurp(source / "rules/places/lexicon/regions.toml"))
        << "rules/places/lexicon/regions.toml differs from a fresh import; regenerate it";
}

}  // namespace
}  // namespace factline
