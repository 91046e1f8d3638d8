// Layout on the seeds and dev-set pages (skipped when ../shared is absent),
// plus the layout rules' loader and line patterns.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "checker/layout.hpp"
#include "checker/rule_pack.hpp"
#include "checker/sentences.hpp"
#include "checker/span.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

const fs::path shared_dir{FACTLINE_SHARED_DIR};

LayoutRules core_rules() {
    Diagnostics diagnostics;
    LayoutRules rules;
    load_layout_rules({"core", "", "", fs::path(FACTLINE_SOURCE_DIR) / "rules" / "core"}, rules, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return rules;
}

/// One page read and laid out.
struct Page {
    std::string text;
    Layout layout;
    std::vector<Sentence> sentences;

    [[nodiscard]] std::set<BlockKind> kinds_on(std::uint32_t line) const {
        std::set<BlockKind> kinds;
        for (const auto& block : layout.blocks) {
            if (block.first_line <= line && line <= block.last_line) kinds.insert(block.kind);
        }
        return kinds;
    }
    [[nodiscard]] std::string block_text(BlockKind kind, std::uint32_t line) const {
        for (const auto& block : layout.blocks) {
            if (block.kind == kind && block.first_line <= line && line <= block.last_line) {
                return std::string(block.span.of(text));
            }
        }
        return "<none>";
    }
};

std::optional<Page> read_page(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    Page page;
    page.text = buffer.str();
    static const LayoutRules rules = core_rules();
    page.layout = analyse_layout(page.text, rules);
    page.sentences = split_sentences(page.text, page.layout);
    return page;
}

fs::path seed(const std::string& prefix) {
    for (const auto& entry : fs::directory_iterator(shared_dir / "seeds")) {
        if (entry.path().filename().string().rfind(prefix, 0) == 0) return entry.path();
    }
    return {};
}

#define REQUIRE_SHARED()                                                                       \
    if (!fs::is_directory(shared_dir / "seeds")) GTEST_SKIP() << "no " << shared_dir.string(); \
    static_assert(true)

std::optional<Page> page_of(const std::string& name) {
    if (name.rfind('d', 0) == 0) return read_page(shared_dir / "devset" / "corpus" / (name + ".txt"));
    return read_page(seed(name));
}

std::string headline_of(const Page& page) {
    return page.layout.headline ? std::string(page.layout.headline->of(page.text)) : "";
}

TEST(Layout, Headlines) {
    REQUIRE_SHARED();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"000", "Kremlin Says Kherson\xE2\x80\x99s Status as \xE2\x80\x98Part of Russia\xE2\x80\x99 Unchanged Despite Retreat"},
        {"001", "Kremlin says Kherson\xE2\x80\x99s status as \xE2\x80\x98part of Russia\xE2\x80\x99 unchanged despite retreat"},
        {"002", "Kremlin: Russia open to Ukraine talks, but won't give up annexed regions"},
        {"003", "Kremlin Rules Out Returning Annexed Ukrainian Regions in Future Peace Talks"},
        {"004", "Kremlin Says Russia Is Done Taking Territory From Ukraine"},
        {"d002", "Kremlin insists Kherson remains 'part of Russia' despite retreat"},
        {"d010", "Putin open to Ukraine talks if Kyiv recognises 'new territorial realities'"},
        {"d014", ""},
        {"d028", ""},
        {"d033", ""},
        {"d049", "Putin sets out terms for halting hostilities in Ukraine"},
        {"d054", "Russia says Bakhmut has fallen"},
        {"d029", "Kremlin: Kherson Still Russian Despite Zelensky's Visit to City"},
    };
    for (const auto& [name, headline] : cases) {
        SCOPED_TRACE(name);
        auto page = page_of(name);
        ASSERT_TRUE(page.has_value());
        EXPECT_EQ(headline_of(*page), headline);
    }
}

TEST(Layout, RepeatedHeadlineIsHeadlineButExtractedOnce) {
    REQUIRE_SHARED();
    for (const auto& [name, line] : std::vector<std::pair<std::string, std::uint32_t>>{{"000", 3}, {"003", 3}, {"d024", 5}}) {
        SCOPED_TRACE(name);
        auto page = page_of(name);
        ASSERT_TRUE(page.has_value());
        EXPECT_EQ(page->kinds_on(line), std::set<BlockKind>{BlockKind::headline});
        int headline_sentences = 0;
        for (const auto& sentence : page->sentences) {
            if (sentence.span.of(page->text) == headline_of(*page)) ++headline_sentences;
        }
        EXPECT_EQ(headline_sentences, 1);
    }
}

TEST(Layout, RepeatedHeadlineMatchesWhateverItsCaseAndSpacing) {
    const std::string text =
        "Kremlin Says Talks Resume Soon\n\n"
        "  KREMLIN  says\ttalks resume SOON \n\n"
        "Kremlin says talks resume soonish\n\n"
        "MOSCOW (Reuters) - The Kremlin said on Friday that talks with Kyiv would resume soon.\n\n"
        "Kremlin says talks resume soon\n";
    const Layout layout = analyse_layout(text, core_rules());
    ASSERT_EQ(layout.blocks.size(), 5u);
    const std::vector<std::pair<BlockKind, bool>> expected = {{BlockKind::headline, false},
                                                              {BlockKind::headline, true},
                                                              {BlockKind::headline, false},  // a sub-headline
                                                              {BlockKind::body, false},
                                                              {BlockKind::headline, true}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(layout.blocks[i].kind, expected[i].first);
        EXPECT_EQ(layout.blocks[i].duplicate, expected[i].second);
    }
}

TEST(Layout, HeaderLines) {
    REQUIRE_SHARED();
    const std::vector<std::tuple<std::string, std::uint32_t, std::string>> cases = {
        {"000", 6, "Updated:"},
        {"002", 5, "[February 28, 2023]"},
        {"004", 5, "Newsweek 12/8/2022 Anna Skinner"},
        {"d003", 5, "Reuters | Moscow | Updated: 11-11-2022 15:21 IST | Created: 11-11-2022 15:06 IST"},
        {"d005", 1, "November 10, 2022"},
        {"d013", 1, "Posted on 5 January 2023"},
        {"d013", 2, "(Moscow Times \xE2\x80\x93 July 5, 2023)"},
        {"d015", 3, "29/11/2022 - 14:05"},
        {"d019", 1, "Published December 09,2022"},
        {"d022", 1, "Last Updated: 8th December, 2022 21:36 IST"},
        {"d026", 6, "AFP February 28, 2025"},
        {"d029", 2, "Publish Date : 14 November 2022 - 21:41"},
        {"d031", 2, "Source: BBC News | November 15, 2022 6:40 am"},
        {"d034", 1, "Saturday, 10 September 2022, 14:27"},
        {"d035", 3, "September 10, 2022 7:34 pmby The Kyiv Independent news desk"},
        {"d037", 1, "2022/09/10 - 15:47 \xE2\x80\xA2 Ukraine"},
        {"d041", 1, "Devdiscourse News Desk | Moscow | Updated: October 1, 2022 20:41 IST"},
        {"d045", 1, "Apr 24, 2025"},
        {"d049", 1, "15/06/2024 22:45"},
        {"d050", 3, "30 September, 16:25 | Kyiv, Ukraine"},
        {"d052", 1, "Feb 17, 2024"},
        {"d054", 1, "PUBLISHED : 21 May 2023"},
    };
    for (const auto& [name, line, header] : cases) {
        SCOPED_TRACE(name + ":" + std::to_string(line));
        auto page = page_of(name);
        ASSERT_TRUE(page.has_value());
        EXPECT_EQ(page->block_text(BlockKind::header, line), header);
    }
}

TEST(Layout, HeaderSharingItsLineKeepsTheBody) {
    REQUIRE_SHARED();
    auto page = page_of("d045");
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->block_text(BlockKind::body, 1).substr(0, 25), "Former US president Donal");
    page = page_of("002");
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->block_text(BlockKind::body, 5).substr(0, 24), "MOSCOW (Reuters) - The K");
}

TEST(Layout, Datelines) {
    REQUIRE_SHARED();
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> cases = {
        {"000", "MOSCOW\xE2\x80\x94", "", ""},
        {"001", "MOSCOW, Nov 11 (Reuters) \xE2\x80\x93", "Nov 11", "Reuters"},
        {"002", "MOSCOW (Reuters) -", "", "Reuters"},
        {"d002", "MOSCOW (Reuters) -", "", "Reuters"},
        {"d005", "MOSCOW:", "", ""},
        {"d010", "MOSCOW:", "", ""},
        {"d026", "MOSCOW:", "", ""},
        {"d029", "MOSCOW (Dispatches) --", "", "Dispatches"},
    };
    for (const auto& [name, whole, date, agency] : cases) {
        SCOPED_TRACE(name);
        auto page = page_of(name);
        ASSERT_TRUE(page.has_value());
        ASSERT_TRUE(page->layout.dateline.has_value());
        const Dateline& dateline = *page->layout.dateline;
        EXPECT_EQ(dateline.span.of(page->text), whole);
        EXPECT_EQ(dateline.place.of(page->text), "MOSCOW");
        EXPECT_EQ(dateline.date.of(page->text), date);
        EXPECT_EQ(dateline.agency, agency);
    }
    for (const std::string name : {"003", "004", "d014", "d037"}) {
        SCOPED_TRACE(name);
        auto page = page_of(name);
        ASSERT_TRUE(page.has_value());
        EXPECT_FALSE(page->layout.dateline.has_value());
    }
}

/// Lines (1-based, inclusive ranges) that are no story: nothing may be extracted from them.
struct Clutter {
    std::string page;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;
    BlockKind kind;
};

const std::vector<Clutter> clutter = {
    {"000", {{4, 4}}, BlockKind::caption},
    {"001", {{26, 59}}, BlockKind::boilerplate},
    {"002", {{3, 3}}, BlockKind::boilerplate},
    {"002", {{7, 7}}, BlockKind::caption},
    {"002", {{29, 29}, {31, 31}, {33, 33}, {41, 41}}, BlockKind::end_matter},
    {"003", {{28, 53}}, BlockKind::boilerplate},
    {"004", {{1, 1}, {12, 13}, {33, 39}}, BlockKind::boilerplate},
    {"004", {{6, 6}}, BlockKind::caption},
    {"d002", {{1, 18}, {23, 25}}, BlockKind::boilerplate},
    {"d003", {{6, 6}}, BlockKind::caption},
    {"d003", {{15, 15}}, BlockKind::end_matter},
    {"d007", {{14, 18}}, BlockKind::boilerplate},
    {"d010", {{1, 1}}, BlockKind::caption},
    {"d010", {{30, 36}}, BlockKind::boilerplate},
    {"d011", {{9, 9}}, BlockKind::boilerplate},
    {"d013", {{20, 20}}, BlockKind::end_matter},
    {"d014", {{13, 13}, {19, 19}, {21, 27}}, BlockKind::boilerplate},
    {"d026", {{7, 7}}, BlockKind::caption},
    {"d026", {{9, 9}}, BlockKind::boilerplate},
    {"d034", {{7, 7}}, BlockKind::boilerplate},
    {"d037", {{3, 3}}, BlockKind::caption},
    {"d059", {{13, 13}, {15, 15}}, BlockKind::end_matter},
    {"d059", {{17, 17}}, BlockKind::boilerplate},
};

TEST(Layout, ClutterLinesHaveTheirKind) {
    REQUIRE_SHARED();
    for (const auto& item : clutter) {
        auto page = page_of(item.page);
        ASSERT_TRUE(page.has_value());
        const LineIndex index(page->text);
        for (const auto& [first, last] : item.lines) {
            for (std::uint32_t line = first; line <= last; ++line) {
                if (index.line_text(line).find_first_not_of(" \t\r\xC2\xA0") == std::string_view::npos) continue;
                SCOPED_TRACE(item.page + ":" + std::to_string(line));
                EXPECT_EQ(page->kinds_on(line), std::set<BlockKind>{item.kind});
            }
        }
    }
}

TEST(Layout, BylinesAndBoilerplateCounts) {
    REQUIRE_SHARED();
    auto page = page_of("000");
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->kinds_on(5), std::set<BlockKind>{BlockKind::byline});
    page = page_of("d054");
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->kinds_on(11), std::set<BlockKind>{BlockKind::byline});
    page = page_of("001");
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->layout.boilerplate_lines, 21u);  // the non-blank lines 26-59
    page = page_of("000");
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->layout.boilerplate_lines, 0u);
}

// The issue's acceptance test: no sentence of a comment section, appeal,
// share widget or caption reaches extraction, on every seed.
class NoSentenceInClutter : public ::testing::TestWithParam<std::string> {};

TEST_P(NoSentenceInClutter, Seed) {
    REQUIRE_SHARED();
    auto page = page_of(GetParam());
    ASSERT_TRUE(page.has_value());
    ASSERT_FALSE(page->sentences.empty());
    const LineIndex index(page->text);
    // A page with no clutter listed would check nothing.
    ASSERT_TRUE(std::any_of(clutter.begin(), clutter.end(), [](const Clutter& c) { return c.page == GetParam(); }));
    for (const auto& item : clutter) {
        if (item.page != GetParam()) continue;
        for (const auto& sentence : page->sentences) {
            const std::uint32_t first = index.at(sentence.span.begin).line;
            const std::uint32_t last = index.at(sentence.span.end - 1).line;
            for (const auto& [from, to] : item.lines) {
                EXPECT_TRUE(last < from || first > to)
                    << "sentence at lines " << first << "-" << last << ": " << sentence.span.of(page->text);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Pages, NoSentenceInClutter,
                         ::testing::Values("000", "001", "002", "003", "004", "d002", "d003", "d007", "d010", "d011",
                                           "d013", "d014", "d026", "d034", "d037", "d059"));

TEST(Layout, EveryDevsetPageKeepsItsStory) {
    REQUIRE_SHARED();
    for (const auto& entry : fs::directory_iterator(shared_dir / "devset" / "corpus")) {
        if (entry.path().extension() != ".txt") continue;
        SCOPED_TRACE(entry.path().filename().string());
        auto page = read_page(entry.path());
        ASSERT_TRUE(page.has_value());
        EXPECT_GE(page->sentences.size(), 1u);
        for (const auto& sentence : page->sentences) EXPECT_FALSE(sentence.span.empty());
    }
}

TEST(Layout, WireStoryWithWrappedLines) {
    const std::string text =
        "    BONN, March 3 - West German Economics Minister Martin\n"
        "Bangemann said the economy would grow. He gave no\n"
        "figures.\n"
        "    Bangemann spoke in Bonn.\n"
        " Reuter\n";
    const Layout layout = analyse_layout(text, core_rules());
    EXPECT_FALSE(layout.headline.has_value());
    ASSERT_TRUE(layout.dateline.has_value());
    EXPECT_EQ(layout.dateline->place.of(text), "BONN");
    EXPECT_EQ(layout.dateline->date.of(text), "March 3");
    std::vector<std::string> sentences;
    for (const auto& sentence : split_sentences(text, layout)) sentences.emplace_back(sentence.span.of(text));
    EXPECT_EQ(sentences, (std::vector<std::string>{
                             "West German Economics Minister Martin\nBangemann said the economy would grow.",
                             "He gave no\nfigures.", "Bangemann spoke in Bonn."}));
}

TEST(Layout, OddInputsDoNotBreakIt) {
    const LayoutRules rules = core_rules();
    for (const std::string text : {"", "\n\n", "\r\n\r", "MOSCOW", "MOSCOW:", "\xE2\x80\x9Cunclosed. Quote. Here",
                                   "....", "a.b.c. d", "\xFF\xFE\xC2", "[", "Updated:", "1. 2. 3.",
                                   "Liked by 2 people", "\xC2\xA0\n\xC2\xA0"}) {
        SCOPED_TRACE(text);
        const Layout layout = analyse_layout(text, rules);
        for (const auto& block : layout.blocks) {
            EXPECT_LE(block.span.end, text.size());
            EXPECT_LE(block.span.begin, block.span.end);
        }
        for (const auto& sentence : split_sentences(text, layout)) {
            EXPECT_LT(sentence.span.begin, sentence.span.end);
            EXPECT_LE(sentence.span.end, text.size());
        }
    }
}

TEST(LayoutRules, PatternsAreGlobs) {
    struct Case {
        std::string glob;
        std::string line;
        bool matches;
    };
    const std::vector<Case> cases = {
        {"Liked by # people", "    Liked by 2 people", true},
        {"Liked by # people", "Liked by many people", false},
        {"# comments", "1,204 Comments", true},
        {"Leave a Reply*", "Leave a   Reply  Cancel reply", true},
        {"*via Reuters*", "Putin in Moscow. Sputnik/Kremlin via REUTERS", true},
        {"* via Reuters", "via Reuters is how it came", false},
        {"* via Reuters", "Soldiers in Kherson. Photo via Reuters", true},  // a leading '*' only: the line's end
        {"* via Reuters", "via Reuters", false},
        {"*/AFP", "Soldiers. John Doe/AFP", true},
        {"*/AFP", "John Doe/AFP Photo", false},
        {"Your email *won't be *", "Your email won\xE2\x80\x99t be shown publicly.", true},
        {"#. *", "1. \xE2\x80\x9CIt is a subject", true},
        {"#. *", "Ukraine. It is", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.glob + " ~ " + c.line);
        EXPECT_EQ(line_matches(make_line_pattern(c.glob), c.line), c.matches);
    }
}

TEST(LayoutRules, FoldingLowersTrimsAndCollapses) {
    struct Case {
        std::string line;
        std::string folded;
    };
    const std::vector<Case> cases = {
        {"Leave a Reply", "leave a reply"},
        {"@AZ[`az{ ~Q\x7F", "@az[`az{ ~q\x7F"},  // letters' ASCII neighbours stay
        {"Leave  a Reply", "leave a reply"},
        {"  \t Liked by\xC2\xA0 2   People \r", "liked by 2 people"},
        {"Won\xE2\x80\x99t \xE2\x80\x98go\xE2\x80\x99", "won't 'go'"},
        {"\xC3\x89t\xC3\xA9 ZURICH\x7F", "\xC3\x89t\xC3\xA9 zurich\x7F"},  // only ASCII is lowered
        {"a\x01" "b \xE2\x80\x9C" "c\xE2\x80\x9D \xE2\x80", "a\x01" "b \xE2\x80\x9C" "c\xE2\x80\x9D \xE2\x80"},
        {" \xC2\xA0\n", ""},
        {"", ""},
        // Lines of eight bytes and more are folded eight at a time: the same
        // answers at every offset and across the eight-byte boundaries.
        {"ABCDEFGH IJKLMNOP QRSTUVWXYZ @[`{ az", "abcdefgh ijklmnop qrstuvwxyz @[`{ az"},
        {"Leave a  Reply now", "leave a reply now"},      // a double space across bytes 7 and 8
        {"Leave ab  Reply now", "leave ab reply now"},    // and inside the second eight
        {"Twelve bytes\tTAB", "twelve bytes tab"},
        {"ABCDEFGHI\x01JKLMNOPQ", "abcdefghi\x01jklmnopq"},  // a control byte inside the second eight
        {"ABCDEFGHIJKLMNO\xC3\x89", "abcdefghijklmno\xC3\x89"},
        {"PLAIN TEXT\x7F WITH DEL", "plain text\x7F with del"},
        {"ABCDEFGHIJKLMNOP ", "abcdefghijklmnop"},
        // The last bytes past a multiple of eight: the last eight read again.
        {"ABCDEFGHI", "abcdefghi"},
        {"ABCDEFGHIJ  K", "abcdefghij k"},
        {"Abcdefg  Hij", "abcdefg hij"},
        {"ABCDEFGHIJ\x01K", "abcdefghij\x01k"},
        {"ABCDEFGHIJ\xE2\x80\x99s", "abcdefghij's"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.line);
        EXPECT_EQ(fold_line(c.line), c.folded);
    }
    // fold_line_to writes lines one after another, each folded as if on its own.
    std::string buffer = "x";
    for (const auto& c : cases) {
        const std::size_t start = buffer.size();
        buffer.resize(start + std::string_view(c.line).size());
        buffer.resize(start + fold_line_to(c.line, buffer.data() + start));
    }
    std::string expected = "x";
    for (const auto& c : cases) expected += c.folded;
    EXPECT_EQ(buffer, expected);
}

/// fold_line() by its definition, one byte at a time: ASCII lower case,
/// blanks (ASCII and U+00A0) trimmed and each run one space, ‘ and ’ as '.
std::string reference_fold(std::string_view line) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            pending_space = true;
            continue;
        }
        if (line.substr(i, 2) == "\xC2\xA0") {
            pending_space = true;
            ++i;
            continue;
        }
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        if (line.substr(i, 3) == "\xE2\x80\x98" || line.substr(i, 3) == "\xE2\x80\x99") {
            out += '\'';
            i += 2;
            continue;
        }
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return out;
}

TEST(LayoutRules, FoldingMatchesAByteLoopAtEveryLength) {
    // Plain lines fold sixteen or eight bytes at a time, and the plain runs
    // of other lines sixteen at a time: a double space, a control byte or a
    // byte >= 0x80 at any place of those steps, and lines of every length
    // around them, fold as the byte loop folds.
    const char* const pieces[] = {"A", "z", "M", "@", "[", "`", "{", " ", " ", "  ", "\t", "\x01", "\x7f",
                                  "\xC2\xA0", "\xE2\x80\x99", "\xC3\x89", "q", "R", ".", "7", "\xE2\x80\x9C",
                                  "\xE2\x80\x93", "Mykola Kovalchuk, a pharmacist"};
    std::mt19937 random(17);
    for (int round = 0; round < 4000; ++round) {
        std::string line;
        const std::size_t length = random() % 90;
        while (line.size() < length) line += pieces[random() % (random() % 4 == 0 ? std::size(pieces) : 9)];
        ASSERT_EQ(fold_line(line), reference_fold(line)) << "round " << round << ": '" << line << "'";
    }
}

TEST(LayoutRules, ShippedRulesPassTheirExamples) {
    RuleSet rules;
    rules.layout = core_rules();
    EXPECT_GE(rules.layout.boilerplate.size(), 10u);
    EXPECT_FALSE(rules.layout.caption_credits.empty());
    RuleTestReport report;
    test_layout_rules(rules, report);
    EXPECT_EQ(report.failed, 0) << (report.failures.empty() ? "" : report.failures.front());
    EXPECT_GT(report.passed, 40);
    EXPECT_EQ(rules.layout.boilerplate.front().id.rfind("core.boilerplate.", 0), 0u);
}

TEST(LayoutRules, CaptionCreditsMatchLinesTheirRuleIsTooShortFor) {
    // A caption rule with max_words: a longer line still carries its credit
    // (layout.caption-credit); a line without one is body, whatever its length.
    const testing::TempDir temp("factline-layout-credits");
    const fs::path& dir = temp.path();
    fs::create_directories(dir / "layout");
    {
        std::ofstream out(dir / "layout" / "captions.toml");
        out << "[credits]\nkind = \"caption\"\nmax_words = 3\npatterns = ['*via Wire*', '*/Wire']\n"
               "[share]\npatterns = ['Share']\n";
    }
    Diagnostics diagnostics;
    LayoutRules rules;
    load_layout_rules({"test", "", "", dir}, rules, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
    ASSERT_EQ(rules.caption_credits.size(), 2u);
    ASSERT_EQ(rules.credit_rules, std::vector<std::uint32_t>{0});
    const std::string text =
        "Soldiers walk past a destroyed tank near the city on Monday. John Smith/Wire\n\n"
        "Photo via Wire\n\n"
        "Share\n\n"
        "The talks resumed on Monday in the capital, officials said.\n";
    const Layout layout = analyse_layout(text, rules);
    std::vector<std::pair<BlockKind, std::string>> kinds;
    for (const auto& block : layout.blocks) kinds.emplace_back(block.kind, block.rule);
    const std::vector<std::pair<BlockKind, std::string>> expected = {
        {BlockKind::caption, "layout.caption-credit"},
        {BlockKind::caption, "test.captions.credits"},
        {BlockKind::boilerplate, "test.captions.share"},
        {BlockKind::body, ""},
    };
    EXPECT_EQ(kinds, expected);
}

TEST(LayoutRules, ErrorsPointAtTheRule) {
    const testing::TempDir temp("factline-layout-rules");
    const fs::path& dir = temp.path();
    fs::create_directories(dir / "layout");
    {
        std::ofstream out(dir / "layout" / "bad.toml");
        out << "[one]\naction = \"drop_too_end\"\npatterns = ['x']\n"
               "[two]\npaterns = ['x']\npatterns = ['y']\n"
               "[three]\npatterns = [1]\n";
    }
    Diagnostics diagnostics;
    LayoutRules rules;
    load_layout_rules({"test", "", "", dir}, rules, diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 3u);
    const auto find = [&](const std::string& id) {
        for (const auto& item : diagnostics.items()) {
            if (item.id == id) return item;
        }
        return Diagnostic{};
    };
    const Diagnostic action = find("rules.unknown-action");
    EXPECT_EQ(action.line, 2u);
    EXPECT_EQ(action.col, 10u);
    EXPECT_NE(action.message.find("did you mean 'drop_to_end'?"), std::string::npos);
    const Diagnostic key = find("toml.unknown-key");
    EXPECT_EQ(key.line, 5u);
    EXPECT_EQ(key.col, 1u);
    EXPECT_NE(key.message.find("did you mean 'patterns'?"), std::string::npos);
    EXPECT_EQ(find("toml.type").line, 8u);
    ASSERT_EQ(rules.boilerplate.size(), 1u);
    EXPECT_EQ(rules.boilerplate[0].id, "test.bad.two");
}

}  // namespace
}  // namespace factline
