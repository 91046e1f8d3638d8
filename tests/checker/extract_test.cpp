// Extraction with the shipped rule pack: attribution, negation, groups,
// anaphora, holders named by patterns, stated dates, evidence. Each line of a
// case is one sentence (the test splits; the pipeline uses sentences.cpp).
#include <algorithm>
#include <fstream>
#include <iterator>
#include <ostream>
#include <filesystem>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "checker/extract.hpp"
#include "checker/rule_pack.hpp"
#include "support/shipped_rules.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

using testing::shipped_rules;

/// Extracts from `text`, one sentence per line; a line starting with "# " is the headline.
std::vector<Assertion> extract_lines(const std::string& text, DatedBy date = {},
                                     const RuleSet& rules = shipped_rules()) {
    Document document;
    document.path = "case.txt";
    document.text = text;
    Layout layout;
    std::vector<Sentence> sentences;
    std::uint32_t begin = 0;
    while (begin < text.size()) {
        auto end = static_cast<std::uint32_t>(text.find('\n', begin));
        if (end == static_cast<std::uint32_t>(std::string::npos) || end > text.size()) end = static_cast<std::uint32_t>(text.size());
        const bool headline = text.compare(begin, 2, "# ") == 0;
        const Span span{headline ? begin + 2 : begin, end};
        layout.blocks.push_back({headline ? BlockKind::headline : BlockKind::body, span, 1, 1, ""});
        sentences.push_back({span, static_cast<std::uint32_t>(layout.blocks.size() - 1), headline, true});
        begin = end + 1;
    }
    return extract_assertions({document, layout, sentences, date}, rules);
}

std::set<std::string> keys(const std::vector<Assertion>& assertions) {
    std::set<std::string> out;
    for (const auto& a : assertions) out.insert(a.holder + " " + a.topic + " " + a.subject + " " + a.value);
    return out;
}

struct ExtractCase {
    std::string name;
    std::string text;
    std::set<std::string> expected;  // "holder topic subject value"
};

void PrintTo(const ExtractCase& c, std::ostream* os) { *os << c.name; }

class Extraction : public ::testing::TestWithParam<ExtractCase> {};

TEST_P(Extraction, Assertions) { EXPECT_EQ(keys(extract_lines(GetParam().text)), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Table, Extraction,
    ::testing::Values(
        ExtractCase{"named_speaker",
                    "Kremlin spokesman Dmitry Peskov said Russia has no plans to seize more territory from Ukraine.",
                    {"peskov aims any no_further_seizure"}},
        ExtractCase{"negation_gives_negated_value",
                    "Russian forces do not fully control any of the four regions.",
                    {"narrator control donetsk russia_part", "narrator control luhansk russia_part",
                     "narrator control zaporizhzhia russia_part", "narrator control kherson russia_part"}},
        ExtractCase{"citing_names_the_source_that_according_to_the_statement_refers_to",
                    "The news site carried the report, citing the Russian Defence Ministry.\n"
                    "According to the statement, Russian forces do not fully control Kherson region.",
                    {"russia control kherson russia_part"}},
        ExtractCase{"he_added_carries_the_speaker",
                    "Peskov spoke to reporters on the phone.\n“However, peace talks are impossible,” he added.",
                    {"peskov negotiation russia impossible"}},
        ExtractCase{"holders_named_by_the_pattern",
                    "Kherson voted in referendums denounced by Kyiv and Western governments as illegal.",
                    {"ukraine status kherson ukraine", "west status kherson ukraine"}},
        ExtractCase{"document_focus_for_it",
                    "Russia annexed Kherson in September.\n“It is a subject of the Russian Federation,” Peskov said.",
                    {"peskov status kherson russia"}},
        ExtractCase{"no_speaker_no_status_claim", "Kherson is a subject of the Russian Federation, a caption read.", {}},
        ExtractCase{"coordinated_regions",
                    "Russian forces control most of the Donetsk and Luhansk regions.",
                    {"narrator control donetsk russia_most", "narrator control luhansk russia_most"}},
        ExtractCase{"group_anaphora",
                    "Russia claims the four regions.\nThe Kremlin does not maintain military control in the areas.",
                    {"narrator control donetsk russia_none", "narrator control luhansk russia_none",
                     "narrator control zaporizhzhia russia_none", "narrator control kherson russia_none"}},
        ExtractCase{"demand_is_no_event", "Ukrainian forces must withdraw from the Donetsk region, Putin said.", {}},
        ExtractCase{"direct_question_is_no_claim",
                    "Would Russia ever renounce its claims to Kherson?", {}},
        ExtractCase{"question_in_another_clause",
                    "Peskov said Russia would never renounce its claims to Kherson. Who asked?",
                    {"peskov concession kherson non_negotiable"}},
        ExtractCase{"never_renounce",
                    "Peskov said Russia would never renounce its claims to Kherson.",
                    {"peskov concession kherson non_negotiable"}},
        ExtractCase{"refuses_named_counterpart_and_open",
                    "Zelensky signed a decree declaring talks with Putin “impossible,” but leaving the door open to "
                    "talks with Russia.",
                    {"zelensky negotiation ukraine refuses", "zelensky negotiation ukraine open"}},
        ExtractCase{"outlet_is_no_holder",
                    "According to Reuters, Russia will focus its efforts to liberate Donetsk.",
                    {"russia aims donetsk liberate"}},
        ExtractCase{"hyphenated_name_is_no_mention", "A Zaporizhzhia-based analyst said Russian forces pulled out.", {}},
        ExtractCase{"reported_clause_states_its_subjects_stance",
                    "Peskov reminded that the authorities in Kyiv refuse to sit down with Russia.",
                    {"peskov negotiation ukraine refuses"}},
        ExtractCase{"group_anaphora_in_the_same_sentence",
                    "Russia annexed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions in 2022, but Russian "
                    "forces do not fully control any of them.",
                    {"narrator control donetsk russia_part", "narrator control luhansk russia_part",
                     "narrator control zaporizhzhia russia_part", "narrator control kherson russia_part"}},
        ExtractCase{"headline_opening_with_its_speaker",
                    "# Ukraine says it has liberated Robotyne on southern front",
                    {"ukraine event robotyne retaken"}},
        ExtractCase{"opening_speaker_beats_a_later_clause_s_speaker",
                    "# Russia says it captured Kurakhove; Ukraine says battle goes on",
                    {"russia control kurakhove russia_full"}},
        ExtractCase{"possessive_is_no_reported_subject",
                    "Putin said Kyiv's attack showed that there was no point in negotiating with it.",
                    {"putin negotiation russia impossible"}},
        ExtractCase{"long_apposition_keeps_its_speaker",
                    "Vladimir Rogov, a Russian-installed official in the occupied part of the Zaporizhzhia region, "
                    "said Russian units still held positions on the southern edge of Robotyne.",
                    {"rogov control robotyne russia_part", "narrator control zaporizhzhia russia_part"}},
        ExtractCase{"relative_clause_apposition_keeps_its_speaker",
                    "Rafael Grossi, who was travelling to Kyiv and Moscow for talks on a safety zone, said on Thursday "
                    "that the agency regarded the Zaporizhzhia nuclear plant as a Ukrainian facility.",
                    {"grossi status zaporizhzhia_npp ukraine"}},
        ExtractCase{"urged_object_is_no_stance_holder",
                    "Peskov urged Kyiv to sit down with Russia at the negotiating table.",
                    {"peskov negotiation russia open"}}),
    [](const auto& info) { return info.param.name; });

TEST(Extraction, StatedDateFromTheCueElseTheDocumentDate) {
    const DatedBy friday{CivilDate{2022, 11, 11}, DateSource::dateline};
    const auto found = extract_lines(
        "On Wednesday, Shoigu ordered troops out of Kherson city.\nIn November, Russia withdrew its forces from Kherson.",
        friday);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].holder, "shoigu");
    ASSERT_TRUE(found[0].stated);
    EXPECT_EQ(to_iso(*found[0].stated), "2022-11-09");
    EXPECT_EQ(found[0].stated_source, DateSource::relative);
    EXPECT_EQ(found[1].holder, "narrator");
    ASSERT_TRUE(found[1].stated);
    EXPECT_EQ(to_iso(*found[1].stated), "2022-11-11");
    EXPECT_EQ(found[1].stated_source, DateSource::dateline);
}

TEST(Extraction, AboutIsTheEarlierTimeAClaimDescribes) {
    const DatedBy november{CivilDate{2022, 11, 15}, DateSource::dateline};
    const auto found = extract_lines("Russian troops took Kherson in March, only weeks into the war.\n"
                                     "On Friday, Russian troops took Izium.",
                                     november);
    ASSERT_EQ(found.size(), 2u);
    ASSERT_TRUE(found[0].about);
    EXPECT_EQ(to_iso(*found[0].about), "2022-03-01");
    EXPECT_EQ(to_iso(*found[0].stated), "2022-11-15");  // the statement's day is unchanged
    EXPECT_FALSE(found[1].about) << "a day four days back is the story's present";
}

TEST(Extraction, UndatedDocumentGivesNoStatedDate) {
    const auto found = extract_lines("Peskov said Russia would never renounce its claims to Kherson.");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_FALSE(found[0].stated);
    EXPECT_EQ(found[0].stated_source, DateSource::unknown);
}

TEST(Extraction, HeadlineEvidenceAndRule) {
    const auto found = extract_lines("# Kremlin Says Russia Is Done Taking Territory From Ukraine\nNothing here.");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].headline);
    EXPECT_EQ(found[0].holder, "russia");
    EXPECT_EQ(found[0].holder_group, "russia");
    EXPECT_EQ(found[0].rule, "core.aims.done_seizing");
    EXPECT_EQ(found[0].evidence.line, 1u);
    EXPECT_EQ(found[0].evidence.col, 3u);
    EXPECT_EQ(found[0].evidence.text, "Kremlin Says Russia Is Done Taking Territory From Ukraine");
}

/// Every field extraction fills, one line per assertion.
std::vector<std::string> described(const std::vector<Assertion>& assertions) {
    std::vector<std::string> out;
    for (const auto& a : assertions) {
        std::string line = a.holder.str() + " " + a.holder_group.str() + " " + a.topic.str() + " " + a.subject.str() +
                           " " + a.value.str() + " " + a.rule.str() + " " + (a.stated ? to_iso(*a.stated) : "-") +
                           " " + (a.about ? to_iso(*a.about) : "-") + " " +
                           std::to_string(static_cast<int>(a.stated_source)) + " " + std::to_string(a.evidence.line) +
                           ":" + std::to_string(a.evidence.col) + " " + std::to_string(a.evidence.span.begin) + "-" +
                           std::to_string(a.evidence.span.end) + " " + a.evidence.text + (a.headline ? " H" : "") +
                           (a.negated ? " N" : "");
        for (const auto& alternative : a.subject_alternatives) line += " |" + alternative;
        out.push_back(std::move(line));
    }
    return out;
}

/// What `text` gives on a thread that has extracted nothing before.
std::vector<std::string> described_alone(const std::string& text) {
    std::vector<std::string> out;
    std::thread([&] { out = described(extract_lines(text)); }).join();
    return out;
}

// Extraction keeps its sentence buffers (slot table, prepared sentence) per
// thread from one document to the next (issue 7): whatever came before, a
// document gives what it gives alone.
TEST(Extraction, ADocumentGivesTheSameAfterAnotherOnItsThread) {
    const std::string long_text =
        "# Kremlin Says Russia Is Done Taking Territory From Ukraine\n"
        "Russia annexed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions in 2022, but Russian forces do not "
        "fully control any of them, and Kremlin spokesman Dmitry Peskov said on Friday that the four regions, the "
        "city of Kherson and the town of Lyman remain part of Russia while Kyiv and the West reject the claims.\n"
        "“It is a subject of the Russian Federation,” Peskov said.\n"
        "Zelensky signed a decree declaring talks with Putin “impossible,” but leaving the door open to talks with "
        "Russia.";
    const std::string short_text = "Peskov said Russia would never renounce its claims to Kherson.";
    const auto long_alone = described_alone(long_text);
    const auto short_alone = described_alone(short_text);
    ASSERT_GE(long_alone.size(), 4u);
    ASSERT_EQ(short_alone.size(), 1u);

    std::vector<std::string> short_after_long;
    std::vector<std::string> long_after_short;
    std::thread([&] {
        (void)extract_lines(long_text);
        short_after_long = described(extract_lines(short_text));
        long_after_short = described(extract_lines(long_text));
    }).join();
    EXPECT_EQ(short_after_long, short_alone);
    EXPECT_EQ(long_after_short, long_alone);
}

/// True for each assertion that came from a negated pattern.
std::vector<bool> negated(const std::vector<Assertion>& assertions) {
    std::vector<bool> out;
    for (const auto& a : assertions) out.push_back(a.negated);
    return out;
}

// Extraction looks its word classes up once per thread and lexicon (issue 7):
// a rule set whose `negation` class lacks "not" must read with its own
// classes, and the shipped rules with theirs again after it is gone.
TEST(Extraction, EachRuleSetReadsWithItsOwnWordClasses) {
    namespace fs = std::filesystem;
    const std::string text = "Russian forces do not fully control Kherson region.";
    const auto shipped = extract_lines(text);
    ASSERT_EQ(negated(shipped), std::vector<bool>{true});
    {
        const testing::TempDir temp("factline-word-classes");
        fs::copy(fs::path(FACTLINE_SOURCE_DIR) / "rules/core", temp.path(), fs::copy_options::recursive);
        const fs::path words = temp.path() / "lexicon/words.toml";
        std::ifstream in(words);
        std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto negation = toml.find("[negation]");
        const auto list = toml.find("[\"not\", ", negation);
        ASSERT_NE(list, std::string::npos);
        toml.erase(list + 1, std::string("\"not\", ").size());
        std::ofstream(words) << toml;
        Diagnostics diagnostics;
        const RuleSet without_not = load_rules({temp.path()}, diagnostics);
        ASSERT_FALSE(diagnostics.has_errors());
        EXPECT_EQ(negated(extract_lines(text, {}, without_not)), std::vector<bool>{false});
    }
    EXPECT_EQ(described(extract_lines(text)), described(shipped));
}

TEST(Extraction, ShippedRulesPassTheirOwnExamples) {
    RuleTestReport report;
    test_patterns(shipped_rules(), report);
    for (const auto& failure : report.failures) ADD_FAILURE() << failure;
    EXPECT_GT(report.passed, 20);
}

/// The shipped pack in a temporary folder with holders.toml replaced by `holders`.
RuleSet shipped_with_holders(const testing::TempDir& temp, const std::string& holders, Diagnostics& diagnostics) {
    namespace fs = std::filesystem;
    const fs::path dir = temp.path() / "core";
    fs::copy(fs::path(FACTLINE_SOURCE_DIR) / "rules/core", dir, fs::copy_options::recursive);
    std::ofstream(dir / "lexicon/holders.toml", std::ios::trunc) << holders;
    return load_rules({dir}, diagnostics);
}

TEST(Extraction, ADocumentNamingNoPartyToTheConflictYieldsNothing) {
    // Labour talks in a general news corpus: no region, no Russian or
    // Ukrainian actor. Without the parties marked, the negotiation rule takes it.
    const std::string labour = "The White House said it is willing to resume negotiations with the union.\n";
    std::string holders;
    std::ifstream in(std::filesystem::path(FACTLINE_SOURCE_DIR) / "rules/core/lexicon/holders.toml");
    for (std::string line; std::getline(in, line);) {
        if (line != "party = true") holders += line + "\n";
    }
    const testing::TempDir temp("factline-party");
    Diagnostics diagnostics;
    const RuleSet unmarked = shipped_with_holders(temp, holders, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
    ASSERT_TRUE(unmarked.lexicon.party_groups.empty());
    EXPECT_EQ(keys(extract_lines(labour, {}, unmarked)), (std::set<std::string>{"west negotiation west open"}));

    ASSERT_EQ(shipped_rules().lexicon.party_groups, (std::vector<std::string>{"russia", "ukraine"}));
    EXPECT_TRUE(extract_lines(labour).empty());
    // One party's actor anywhere in the document lets every sentence count.
    EXPECT_EQ(keys(extract_lines(labour + "Peskov spoke later.\n")), (std::set<std::string>{"west negotiation west open"}));
    // So does a region.
    EXPECT_EQ(keys(extract_lines("Kherson was quiet.\n" + labour)), (std::set<std::string>{"west negotiation west open"}));
}

TEST(LexiconLoad, APartyFlagThatIsNoBooleanIsAnErrorAtItsPosition) {
    const testing::TempDir temp("factline-party-error");
    Diagnostics diagnostics;
    (void)shipped_with_holders(temp, "[russia]\nparty = \"yes\"\n[ukraine]\n[west]\n[narrator]\n[other]\n", diagnostics);
    ASSERT_TRUE(diagnostics.has_errors());
    const auto& error = diagnostics.items().front();
    EXPECT_NE(error.path.find("holders.toml"), std::string::npos) << error.path;
    EXPECT_EQ(error.line, 2u);
    EXPECT_EQ(error.col, 9u);
    EXPECT_NE(error.message.find("'party' must be true or false"), std::string::npos) << error.message;
}

TEST(PatternLoad, ErrorsPointIntoThePatternString) {
    namespace fs = std::filesystem;
    const testing::TempDir temp("factline-pattern-load");
    const fs::path& dir = temp.path();
    fs::create_directories(dir / "patterns");
    fs::copy(fs::path(FACTLINE_SOURCE_DIR) / "rules/core/lexicon", dir / "lexicon");
    std::ofstream(dir / "pack.toml") << "name = \"t\"\n";
    std::ofstream(dir / "patterns/status.toml") << "[status.a]\nvalue = \"russia\"\npattern = 'part of {regoin}'\n"
                                                << "[status.b]\nvalue = \"rusia\"\npattern = 'x (y'\n";
    Diagnostics diagnostics;
    const RuleSet rules = load_rules({dir}, diagnostics);
    std::vector<Diagnostic> errors;
    for (const auto& d : diagnostics.items()) {
        if (d.severity == Severity::error) errors.push_back(d);
    }
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].line, 3u);
    EXPECT_EQ(errors[0].col, 20u);  // the '{' of {regoin}
    EXPECT_NE(errors[0].message.find("did you mean '{region}'?"), std::string::npos) << errors[0].message;
    EXPECT_EQ(errors[1].line, 5u);
    EXPECT_NE(errors[1].message.find("did you mean 'russia'?"), std::string::npos) << errors[1].message;
    EXPECT_EQ(errors[2].line, 6u);
    EXPECT_EQ(errors[2].col, 16u);  // the end of 'x (y'
    EXPECT_EQ(errors[2].message.rfind("expected ')';", 0), 0u) << errors[2].message;  // then the syntax hint
    EXPECT_TRUE(rules.patterns.ids.empty());
}

}  // namespace
}  // namespace factline
