// Place resolution at gazetteer scale (issue 10): every place mention of
// fixtures/places/input/front_line.txt, matched with the shipped packs (core +
// places) and namesakes resolved per paragraph, gives the expected region id
// and containing oblast; the negative paragraphs give none.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "checker/place_resolve.hpp"
#include "checker/rule_pack.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

struct Expected {
    std::vector<std::string> ids;  // region mentions of the paragraph, in text order
};

// One row per paragraph of the fixture; "id/oblast" (the oblast the place is in, or itself).
const std::vector<std::vector<std::string>> expected_paragraphs = {
    {"kramatorsk/donetsk", "sloviansk/donetsk", "chasiv_yar/donetsk", "pokrovsk/donetsk", "pokrovsk/donetsk"},
    {"toretsk/donetsk", "toretsk/donetsk", "vuhledar/donetsk", "vuhledar/donetsk", "donetsk/donetsk",
     "yenakiieve/donetsk", "snizhne/donetsk"},
    {"zaporizhzhia/zaporizhzhia", "huliaipole/zaporizhzhia", "robotyne/zaporizhzhia", "tokmak/zaporizhzhia",
     "enerhodar/zaporizhzhia", "enerhodar/zaporizhzhia", "melitopol/zaporizhzhia", "berdiansk/zaporizhzhia",
     "berdiansk/zaporizhzhia", "vilniansk/zaporizhzhia", "mykhailivka_zaporizhzhia/zaporizhzhia"},
    {"kherson/kherson", "nova_kakhovka/kherson", "oleshky/kherson", "chaplynka/kherson", "velyka_lepetykha/kherson"},
    {"luhansk/luhansk", "kreminna/luhansk", "svatove/luhansk", "sievierodonetsk/luhansk", "dovzhansk/luhansk",
     "sorokyne/luhansk", "sorokyne/luhansk"},
    {"vovchansk/kharkiv", "vovchansk/kharkiv", "kupiansk/kharkiv", "kupiansk/kharkiv", "lozova/kharkiv",
     "zolochiv_kharkiv/kharkiv", "kharkiv/kharkiv"},
    {"kursk/kursk", "sudzha/kursk", "korenevo/kursk", "rylsk/kursk", "zheleznogorsk/kursk", "belgorod/belgorod",
     "shebekino/belgorod", "staryy_oskol/belgorod", "bryansk/bryansk", "novozybkov/bryansk"},
    {"sumy/sumy", "romny/sumy", "hlukhiv/sumy", "yunakivka/sumy"},
    {"zolochiv_lviv/lviv"},                         // no region named: the larger Zolochiv
    {"mykhailivka_odesa/odesa", "odesa/odesa"},     // the region named after the place still counts
    {},                                             // "Lyman Smith": a person
    {},                                             // "Lyman, Nebraska", "Odessa, Texas": foreign namesakes
    {},                                             // common words; a context-only name without place context
};

std::string oblast_of(const Lexicon& lexicon, std::string id) {
    for (int depth = 0; depth < 4; ++depth) {
        auto it = lexicon.regions.find(id);
        if (it == lexicon.regions.end() || it->second.parent.empty()) return id;
        id = it->second.parent;
    }
    return id;
}

TEST(PlacesResolution, FrontLineFixtureResolvesEveryMention) {
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({fs::path(FACTLINE_SOURCE_DIR) / "rules"}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
    std::ifstream in(fs::path(FACTLINE_SOURCE_DIR) / "fixtures/places/input/front_line.txt");
    ASSERT_TRUE(in);
    std::vector<std::string> paragraphs;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) paragraphs.push_back(line);
    }
    ASSERT_EQ(paragraphs.size(), expected_paragraphs.size());
    std::size_t mentions = 0;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const auto tokens = tokenize(paragraphs[p]);
        auto found = rules.lexicon.matcher->find(tokens);
        resolve_namesakes(found, rules.lexicon, named_regions(found, rules.lexicon));
        std::vector<std::string> got;
        for (const auto& mention : found) {
            if (mention.kind == MentionKind::region) got.push_back(mention.id + "/" + oblast_of(rules.lexicon, mention.id));
        }
        EXPECT_EQ(got, expected_paragraphs[p]) << "paragraph " << p + 1 << ": " << paragraphs[p];
        mentions += expected_paragraphs[p].size();
    }
    EXPECT_GE(mentions, 40u);
}

TEST(PlacesResolution, NamesakesKeepTheAlternatives) {
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({fs::path(FACTLINE_SOURCE_DIR) / "rules"}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
    // Two Zolochivs (Lviv and Kharkiv oblasts): the paragraph names Kharkiv region.
    const auto tokens = tokenize("Shelling hit Zolochiv in the Kharkiv region on Monday.");
    auto found = rules.lexicon.matcher->find(tokens);
    resolve_namesakes(found, rules.lexicon, named_regions(found, rules.lexicon));
    const auto zolochiv = std::find_if(found.begin(), found.end(), [](const Mention& m) { return m.id.rfind("zolochiv", 0) == 0; });
    ASSERT_NE(zolochiv, found.end());
    EXPECT_EQ(zolochiv->id, "zolochiv_kharkiv");
    EXPECT_EQ(zolochiv->alternatives, std::vector<std::string>{"zolochiv_lviv"});
    // A name with one meaning lists none.
    const auto kharkiv = std::find_if(found.begin(), found.end(), [](const Mention& m) { return m.id == "kharkiv"; });
    ASSERT_NE(kharkiv, found.end());
    EXPECT_TRUE(kharkiv->alternatives.empty());
}

TEST(PlacesResolution, MayHaveNamesakesOnlyWhereASpanHasSeveralMeanings) {
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({fs::path(FACTLINE_SOURCE_DIR) / "rules"}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
    EXPECT_TRUE(may_have_namesakes(rules.lexicon.matcher->find(tokenize("Shelling hit Zolochiv on Monday."))));
    // One meaning per span: resolution leaves the mentions as they are.
    const auto tokens = tokenize("Shelling hit Kharkiv and Kherson on Monday.");
    const auto found = rules.lexicon.matcher->find(tokens);
    ASSERT_GE(found.size(), 2u);
    EXPECT_FALSE(may_have_namesakes(found));
    auto resolved = found;
    resolve_namesakes(resolved, rules.lexicon, named_regions(found, rules.lexicon));
    ASSERT_EQ(resolved.size(), found.size());
    for (std::size_t i = 0; i < found.size(); ++i) EXPECT_EQ(resolved[i].id, found[i].id);
    EXPECT_FALSE(may_have_namesakes({}));
}

}  // namespace
}  // namespace factline
