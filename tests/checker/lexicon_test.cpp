// Lexicon loading (closed sets checked at file:line:col) and matching (longest
// match, hyphens, possessives, context-only names).
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <ostream>
#include <random>
#include <tuple>

#include <gtest/gtest.h>

#include "checker/lexicon_match.hpp"
#include "checker/rule_pack.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

LexiconMatcher small_matcher() {
    LexiconMatcher matcher;
    matcher.add("Kherson", MentionKind::region, "kherson");
    matcher.add("Kherson city", MentionKind::region, "kherson_city");
    matcher.add("Kryvyi Rih", MentionKind::region, "kryvyi_rih");
    matcher.add("Zaporizhzhia", MentionKind::region, "zaporizhzhia");
    matcher.add("Lyman", MentionKind::region, "lyman");
    matcher.set_context_only("lyman");
    matcher.set_place_context({{"in"}, {"liberated"}}, {{"town"}});
    matcher.add("the four regions", MentionKind::region_group, "annexed_four");
    matcher.add("Kremlin", MentionKind::actor, "kremlin");
    matcher.add("Moscow", MentionKind::speaker_only, "russia");
    return matcher;
}

struct MatchCase {
    std::string text;
    std::vector<std::string> ids;  // ids of the mentions found, in order
};

class Matching : public ::testing::TestWithParam<MatchCase> {};

TEST_P(Matching, FindsIds) {
    const auto matcher = small_matcher();
    std::vector<std::string> ids;
    for (const auto& mention : matcher.find(tokenize(GetParam().text))) ids.push_back(mention.id);
    EXPECT_EQ(ids, GetParam().ids) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Matching,
    ::testing::Values(MatchCase{"Kherson’s status", {"kherson"}}, MatchCase{"KHERSON CITY fell", {"kherson_city"}},
                      MatchCase{"near Kryvyi-Rih", {"kryvyi_rih"}}, MatchCase{"near Kryvyi Rih", {"kryvyi_rih"}},
                      MatchCase{"a Zaporizhzhia-based firm", {}}, MatchCase{"pro-Kremlin bloggers", {}},
                      MatchCase{"Lyman said", {}}, MatchCase{"in Lyman", {"lyman"}}, MatchCase{"Lyman town", {"lyman"}},
                      MatchCase{"troops liberated Lyman", {"lyman"}}, MatchCase{"troops praised Lyman", {}},
                      MatchCase{"in lyman", {}}, MatchCase{"lyman town", {}},
                      MatchCase{"near “Kryvyi Rih”", {"kryvyi_rih"}}, MatchCase{"Kryvyi “Rih”", {"kryvyi_rih"}},
                      MatchCase{"none of the four regions", {"annexed_four"}},
                      MatchCase{"Moscow and the Kremlin", {"russia", "kremlin"}}));

// The trie's edges share one hash table across all nodes: a node must find
// only its own children. Names over a tiny vocabulary share many prefixes and
// words at different depths; a brute-force longest-match scan over the same
// names is the reference.
TEST(LexiconMatcher, AgreesWithABruteForceScanOverSharedWords) {
    const std::vector<std::string> vocabulary = {"a", "b", "c", "d", "e"};
    std::mt19937 random(7);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    const auto phrase = [&](std::size_t words) {
        std::vector<std::string> out;
        for (std::size_t k = 0; k < words; ++k) out.push_back(vocabulary[pick(vocabulary.size())]);
        return out;
    };
    LexiconMatcher matcher;
    std::vector<std::pair<std::vector<std::string>, std::string>> names;  // in the order added
    for (int k = 0; k < 300; ++k) {
        auto words = phrase(1 + pick(4));
        const std::string id = "id" + std::to_string(pick(40));
        matcher.add(words, MentionKind::actor, id);
        names.emplace_back(std::move(words), id);
    }
    for (int round = 0; round < 200; ++round) {
        const auto words = phrase(pick(30));
        std::string text;
        for (const auto& word : words) text += word + " ";
        const auto tokens = tokenize(text);
        std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string>> expected;
        for (std::uint32_t i = 0; i < words.size();) {
            std::size_t longest = 0;
            for (const auto& [name, id] : names) {
                if (name.size() > longest && i + name.size() <= words.size() &&
                    std::equal(name.begin(), name.end(), words.begin() + i))
                    longest = name.size();
            }
            std::vector<std::string> ids;
            for (const auto& [name, id] : names) {
                if (name.size() == longest && std::equal(name.begin(), name.end(), words.begin() + i) &&
                    std::find(ids.begin(), ids.end(), id) == ids.end())
                    ids.push_back(id);
            }
            for (const auto& id : ids) expected.emplace_back(i, i + longest, id);
            i += longest == 0 ? 1 : static_cast<std::uint32_t>(longest);
        }
        std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string>> found;
        for (const auto& mention : matcher.find(tokens)) found.emplace_back(mention.begin, mention.end, mention.id);
        EXPECT_EQ(found, expected) << text;
    }
}

TEST(LexiconMatcher, NamesGivenAsTextOrTokensAreTheSameName) {
    LexiconMatcher matcher;
    matcher.add("Kryvyi-Rih", MentionKind::region, "kryvyi_rih");
    matcher.add(std::vector<std::string>{"kryvyi", "rih"}, MentionKind::region, "kryvyi_rih");  // already known
    matcher.add("-", MentionKind::region, "hyphen");  // no words: no name
    const auto found = matcher.find(tokenize("from Kryvyi Rih - and back"));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, "kryvyi_rih");
    EXPECT_EQ(found[0].begin, 1u);
    EXPECT_EQ(found[0].end, 3u);
}

/// Writes a pack with the given lexicon files into a fresh temporary folder.
fs::path write_pack(const testing::TempDir& temp, const std::vector<std::pair<std::string, std::string>>& files) {
    const fs::path& dir = temp.path();
    fs::create_directories(dir / "lexicon");
    std::ofstream(dir / "pack.toml") << "name = \"t\"\n";
    for (const auto& [file, text] : files) std::ofstream(dir / file) << text;
    return dir;
}

TEST(LexiconLoad, ReadsEntriesAndBuildsTheMatcher) {
    const testing::TempDir temp("factline-lexicon");
    const auto dir = write_pack(temp, {{"lexicon/holders.toml", "[russia]\n[ukraine]\n"},
                                       {"lexicon/regions.toml",
                                        "[kherson]\nkind = \"oblast\"\naliases = [\"Kherson\"]\n"
                                        "[kherson_city]\nname = \"Kherson\"\nkind = \"city\"\nparent = \"kherson\"\n"
                                        "aliases = [\"Kherson city\"]\n"},
                                       {"lexicon/actors.toml",
                                        "[peskov]\ngroup = \"russia\"\nkind = \"person\"\naliases = [\"Peskov\"]\n"}});
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({dir}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    EXPECT_EQ(rules.lexicon.holder_groups, (std::vector<std::string>{"russia", "ukraine"}));
    EXPECT_EQ(rules.lexicon.region_parent.at("kherson_city"), "kherson");
    EXPECT_EQ(rules.lexicon.namesake_city.at("kherson"), "kherson_city");
    ASSERT_TRUE(rules.lexicon.matcher);
    EXPECT_EQ(rules.lexicon.matcher->find(tokenize("Peskov said")).size(), 1u);
}

// The gazetteer's fast path (flat_toml.hpp) and toml++ read one file alike:
// the same text, but with its arrays across lines, which only toml++ reads.
TEST(LexiconLoad, FlatAndTomlPathsReadTheSameRegions) {
    const std::string flat =
        "# generated\n[kherson]\nkind = \"oblast\"\naliases = [\"Kherson\", \"Херсон\"]\npopulation = 1000\n"
        "[kherson_city]\nname = \"Kherson\"\nkind = \"city\"\nparent = \"kherson\"\naliases = \"Kherson city\"\n"
        "context_only = true\ndescription = \"the city\"\n[empty]\n";
    std::string spread = flat;
    for (std::size_t at = spread.find(", "); at != std::string::npos; at = spread.find(", ", at)) {
        spread.replace(at, 2, ",\n  ");
    }
    ASSERT_NE(spread, flat);
    const auto load = [](const std::string& regions) {
        const testing::TempDir temp("factline-lexicon");
        const auto dir = write_pack(temp, {{"lexicon/regions.toml", regions}});
        Diagnostics diagnostics;
        RuleSet rules = load_rules({dir}, diagnostics);
        EXPECT_FALSE(diagnostics.has_errors());
        return std::move(rules.lexicon);
    };
    const Lexicon fast = load(flat), slow = load(spread);
    ASSERT_EQ(fast.regions.size(), 3u);
    ASSERT_EQ(slow.regions.size(), 3u);
    for (const auto& [id, region] : fast.regions) {
        const Region& other = slow.regions.at(id);
        EXPECT_EQ(std::tie(region.id, region.name, region.kind, region.country, region.parent, region.aliases,
                           region.context_only, region.population),
                  std::tie(other.id, other.name, other.kind, other.country, other.parent, other.aliases,
                           other.context_only, other.population))
            << id;
    }
    EXPECT_EQ(fast.region_parent, slow.region_parent);
    EXPECT_EQ(fast.regions.at("kherson").aliases, (std::vector<std::string>{"Kherson", "Херсон"}));
    EXPECT_EQ(fast.regions.at("empty").kind, "oblast");
    EXPECT_EQ(fast.namesake_city.at("kherson"), "kherson_city");
}

struct LoadError {
    std::string file;
    std::string text;
    std::uint32_t line;
    std::uint32_t col;
    std::string message;  // a substring
};

void PrintTo(const LoadError& c, std::ostream* os) { *os << c.file << ": " << c.text; }
void PrintTo(const MatchCase& c, std::ostream* os) { *os << c.text; }

class LexiconErrors : public ::testing::TestWithParam<LoadError> {};

TEST_P(LexiconErrors, PointsAtTheValue) {
    const auto& c = GetParam();
    const testing::TempDir temp("factline-lexicon");
    const auto dir = write_pack(temp, {{"lexicon/holders.toml", "[russia]\n[ukraine]\n"}, {c.file, c.text}});
    Diagnostics diagnostics;
    (void)load_rules({dir}, diagnostics);
    ASSERT_TRUE(diagnostics.has_errors());
    const auto& items = diagnostics.items();
    auto it = std::find_if(items.begin(), items.end(), [&](const Diagnostic& d) { return d.path.find(c.file) != std::string::npos; });
    ASSERT_NE(it, items.end()) << format_diagnostic(items.front());
    const auto& d = *it;
    EXPECT_EQ(d.line, c.line) << format_diagnostic(d);
    EXPECT_EQ(d.col, c.col);
    EXPECT_NE(d.message.find(c.message), std::string::npos) << d.message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, LexiconErrors,
    ::testing::Values(LoadError{"lexicon/actors.toml", "[peskov]\ngroup = \"rusia\"\n", 2, 9, "did you mean 'russia'?"},
                      LoadError{"lexicon/actors.toml", "[peskov]\ngroup = \"russia\"\nkind = \"persn\"\n", 3, 8,
                                "did you mean 'person'?"},
                      LoadError{"lexicon/regions.toml", "[kherson]\nkind = \"oblst\"\n", 2, 8, "did you mean 'oblast'?"},
                      LoadError{"lexicon/regions.toml", "[kherson]\nalises = [\"x\"]\n", 2, 1, "did you mean 'aliases'?"},
                      LoadError{"lexicon/topics.toml", "[status]\nsubject = \"regoin\"\n", 2, 11, "did you mean 'region'?"},
                      LoadError{"lexicon/words.toml", "[talks]\nwords = \"oops\n", 2, 14,
                                "check quotes, brackets and commas"}));

TEST(LexiconLoad, ShippedPackLoadsCleanly) {
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({fs::path(FACTLINE_SOURCE_DIR) / "rules"}, diagnostics);
    for (const auto& d : diagnostics.items()) ADD_FAILURE() << format_diagnostic(d);
    EXPECT_FALSE(rules.lexicon.regions.empty());
    EXPECT_FALSE(rules.lexicon.words("speech_verbs").empty());
    EXPECT_FALSE(rules.patterns.ids.empty());
}

}  // namespace
}  // namespace factline
