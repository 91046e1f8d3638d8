// report.sarif from a hand-built RunOutput: the SARIF 2.1.0 structure GitHub
// code scanning needs (rules, levels, locations, fingerprints), relative URIs
// and escaping of control characters.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

#include "reports/sarif_writer.hpp"
#include "tests/reports/sample_run.hpp"

namespace factline {
namespace {

using Json = nlohmann::json;
using testing::sample_context;
using testing::sample_run;

Json sarif_of(const RunOutput& run) { return Json::parse(render_sarif(run, sample_context())); }

const Json& result_with_id(const Json& sarif, const std::string& id) {
    for (const auto& result : sarif["runs"][0]["results"]) {
        if (result["partialFingerprints"]["factlineFindingId/v1"] == id) return result;
    }
    static const Json none;
    return none;
}

TEST(SarifWriter, HasTheRequiredTopLevelStructure) {
    const Json sarif = sarif_of(sample_run());
    EXPECT_EQ(sarif["version"], "2.1.0");
    EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    ASSERT_EQ(sarif["runs"].size(), 1u);
    const Json& run = sarif["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"], "factline");
    EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
    EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
    EXPECT_TRUE(run["originalUriBaseIds"].contains("CORPUSROOT"));
    EXPECT_EQ(run["results"].size(), 3u);
}

TEST(SarifWriter, DeclaresOneRulePerKindWithHelp) {
    const Json sarif = sarif_of(sample_run());
    const Json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
    std::set<std::string> ids;
    for (const auto& rule : rules) {
        ids.insert(rule["id"].get<std::string>());
        EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty()) << rule["id"];
        EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty()) << rule["id"];
        EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty()) << rule["id"];
        EXPECT_TRUE(rule["defaultConfiguration"].contains("level")) << rule["id"];
    }
    EXPECT_EQ(ids.size(), rules.size());
    for (const char* kind : {"position_shift", "self_contradiction", "dispute", "cross_source", "headline_body",
                             "date_mismatch"}) {
        EXPECT_TRUE(ids.count(kind)) << kind;
    }
}

TEST(SarifWriter, AnUnknownKindStillGetsARule) {
    RunOutput run = sample_run();
    run.findings[0].kind = "custom_kind";
    const Json sarif = sarif_of(run);
    const Json& result = result_with_id(sarif, run.findings[0].id);
    const Json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
    EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], "custom_kind");
}

TEST(SarifWriter, ResultsCarryLevelRuleLocationAndFingerprint) {
    struct Case {
        const char* id;
        const char* kind;
        const char* level;
        const char* uri;
        int line;
        std::size_t related;
    };
    const Case cases[] = {
        {"F-headline01", "headline_body", "error", "sub%20dir/c%20d.txt", 1, 0},
        {"F-shift01", "position_shift", "warning", "a.txt", 26, 1},
        {"F-dispute01", "dispute", "note", "a.txt", 9, 1},
    };
    const Json sarif = sarif_of(sample_run());
    const Json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
    for (const auto& c : cases) {
        const Json& result = result_with_id(sarif, c.id);
        ASSERT_TRUE(result.is_object()) << c.id;
        EXPECT_EQ(result["ruleId"], c.kind);
        EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], c.kind);
        EXPECT_EQ(result["level"], c.level);
        EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
        ASSERT_EQ(result["locations"].size(), 1u) << c.id;
        const Json& physical = result["locations"][0]["physicalLocation"];
        EXPECT_EQ(physical["artifactLocation"]["uri"], c.uri);
        EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "CORPUSROOT");
        EXPECT_EQ(physical["region"]["startLine"], c.line);
        EXPECT_EQ(physical["region"]["startColumn"], 1);
        const std::size_t related = result.contains("relatedLocations") ? result["relatedLocations"].size() : 0;
        EXPECT_EQ(related, c.related) << c.id;
    }
}

TEST(SarifWriter, RelatedLocationsPointAtTheOtherSide) {
    const Json sarif = sarif_of(sample_run());
    const Json& result = result_with_id(sarif, "F-shift01");
    const Json& related = result["relatedLocations"][0];
    EXPECT_EQ(related["id"], 1);
    EXPECT_EQ(related["physicalLocation"]["artifactLocation"]["uri"], "sub%20dir/c%20d.txt");
    EXPECT_EQ(related["physicalLocation"]["region"]["startLine"], 11);
    const std::string message = related["message"]["text"];
    EXPECT_NE(message.find("conditional — russia/peskov, 2023-03-03 (header), Herald"), std::string::npos) << message;
}

TEST(SarifWriter, ControlCharactersAndMarkupSurviveAsJsonText) {
    const std::string text = render_sarif(sample_run(), sample_context());
    EXPECT_EQ(text.find('\x07'), std::string::npos);
    EXPECT_NE(text.find("\\u0007"), std::string::npos);
    const Json sarif = Json::parse(text);
    const Json& result = result_with_id(sarif, "F-dispute01");
    const std::string message = result["locations"][0]["message"]["text"];
    EXPECT_NE(message.find("<script>alert(1)</script>"), std::string::npos);
    EXPECT_NE(message.find('\x07'), std::string::npos);
}

TEST(SarifWriter, DocumentsOutsideTheRootGetAbsoluteFileUris) {
    RunOutput run = sample_run();
    run.findings[2].sides[0].evidence[0].doc = "/elsewhere/x y.txt";  // the headline finding
    const Json sarif = sarif_of(run);
    const Json& artifact = result_with_id(sarif, "F-headline01")["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(artifact["uri"], "file:///elsewhere/x%20y.txt");
    EXPECT_FALSE(artifact.contains("uriBaseId"));
}

TEST(SarifWriter, NeverWritesTheCorpusRootPath) {
    const std::string text = render_sarif(sample_run(), sample_context());
    EXPECT_EQ(text.find(testing::sample_root), std::string::npos);
}

TEST(SarifWriter, SkippedInputsBecomeNotifications) {
    const Json sarif = sarif_of(sample_run());
    const Json& notifications = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    ASSERT_EQ(notifications.size(), 1u);
    EXPECT_EQ(notifications[0]["message"]["text"], "skipped input: binary file");
    EXPECT_EQ(notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "bin.dat");
}

TEST(SarifWriter, BaselineStateFollowsTheBaseline) {
    RunOutput run = sample_run();
    EXPECT_FALSE(result_with_id(sarif_of(run), "F-shift01").contains("baselineState"));
    run.has_baseline = true;
    for (auto& f : run.findings) f.baseline = f.id == "F-shift01" ? "new" : "present";
    const Json sarif = sarif_of(run);
    EXPECT_EQ(result_with_id(sarif, "F-shift01")["baselineState"], "new");
    EXPECT_EQ(result_with_id(sarif, "F-dispute01")["baselineState"], "unchanged");
}

TEST(SarifWriter, LevelsMapFromSeverities) {
    EXPECT_EQ(sarif_level(Severity::error), "error");
    EXPECT_EQ(sarif_level(Severity::warning), "warning");
    EXPECT_EQ(sarif_level(Severity::info), "note");
}

TEST(SarifWriter, OutputIsDeterministic) {
    RunOutput run = sample_run();
    const std::string first = render_sarif(run, sample_context());
    std::reverse(run.findings.begin(), run.findings.end());
    EXPECT_EQ(first, render_sarif(run, sample_context()));
}

}  // namespace
}  // namespace factline
