// Conflict rules: the shipped files load cleanly and pass their own cases;
// bad files are errors at file:line:col with "did you mean".
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include "checker/rule_pack.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

/// A throw-away pack holding one conflicts/<name> file.
class TempPack {
public:
    TempPack(const std::string& name, const std::string& text) {
        fs::create_directories(dir_ / "conflicts");
        std::ofstream(dir_ / "conflicts" / name) << text;
    }
    [[nodiscard]] RulePackInfo info() const { return {"test", "", "", dir_.path()}; }

private:
    testing::TempDir dir_{"factline-conflicts"};
};

struct Loaded {
    ConflictRules rules;
    Diagnostics diagnostics;
};

Loaded load(const std::string& name, const std::string& text, const Lexicon& lexicon = {}) {
    TempPack pack(name, text);
    Loaded out;
    load_conflict_rules(pack.info(), lexicon, out.rules, out.diagnostics);
    return out;
}

TEST(ConflictRules, ShippedFilesLoadAndPassTheirCases) {
    Diagnostics diagnostics;  // the whole pack: containment cases need its lexicon's `parent`s
    const RuleSet rules = load_rules({fs::path(FACTLINE_SOURCE_DIR) / "rules" / "core"}, diagnostics);
    for (const auto& d : diagnostics.items()) ADD_FAILURE() << format_diagnostic(d);
    std::vector<std::string> topics;
    for (const auto& t : rules.conflicts.topics) topics.push_back(t.topic);
    std::sort(topics.begin(), topics.end());
    EXPECT_EQ(topics, (std::vector<std::string>{"aims", "concession", "control", "event", "negotiation", "status"}));
    RuleTestReport report;
    test_conflict_rules(rules, report);
    for (const auto& failure : report.failures) ADD_FAILURE() << failure;
    EXPECT_GE(report.passed, 20);
    const TopicRules* control = rules.conflicts.find("control");
    ASSERT_NE(control, nullptr);
    EXPECT_EQ(control->conflict("russia_most", "russia_part"), nullptr);  // compatible
    ASSERT_NE(control->conflict("russia_part", "russia_none"), nullptr);
    EXPECT_EQ(control->conflict("russia_part", "russia_none")->id, "core.conflicts.control.russia_part_vs_russia_none");
    EXPECT_EQ(rules.conflicts.spec("dispute").severity, Severity::info);
}

TEST(ConflictRules, Errors) {
    const struct {
        const char* file;
        const char* text;
        const char* id;
        std::uint32_t line, col;
        const char* message_part;
    } cases[] = {
        {"t.toml", "topic = \"t\"\n[values]\nyes = \"\"\nno = \"\"\n[[conflict]]\nvalues = [\"yes\", \"nope\"]\n",
         "rules.unknown-id", 6, 18, "unknown value 'nope'; did you mean 'no'?"},
        {"t.toml", "topic = \"t\"\n[values]\nyes = \"\"\nno = \"\"\n[[conflict]]\nvalues = [\"yes\", \"no\"]\n"
                   "[[compatible]]\nvalues = [\"no\", \"yes\"]\n",
         "rules.conflict-compatible", 7, 1, "both conflicting and compatible"},
        {"t.toml", "topic = \"t\"\n[values]\nyes = \"\"\n[window]\ndisput = 3\n", "rules.unknown-id", 5, 10,
         "did you mean 'dispute'?"},
        {"t.toml", "topic = \"t\"\nvalue = 1\n", "toml.unknown-key", 2, 1, "did you mean 'values'?"},
        {"t.toml", "[values]\nyes = \"\"\n", "rules.conflict-topic", 1, 1, "needs 'topic'"},
        {"t.toml", "topic = \"t\"\n[values]\nyes = \"\"\nno = \"\"\n[[case]]\na = { value = \"yes\" }\nb = { value = \"no\" }\n"
                   "expect = \"disput\"\n",
         "rules.unknown-id", 8, 10, "did you mean 'dispute'?"},
        {"kinds.toml", "[dispute]\nseverity = \"loud\"\n", "rules.severity", 2, 12, "info, warning or error"},
        {"kinds.toml", "[disputes]\nseverity = \"info\"\n", "toml.unknown-key", 1, 2, "did you mean 'dispute'?"},
        // toml++ words the error itself; factline's hint is ours to check ("" would match any message).
        {"t.toml", "topic = \"t\" [values]", "toml.syntax", 1, 13, "check quotes, brackets and commas"},
    };
    for (const auto& c : cases) {
        const auto loaded = load(c.file, c.text);
        ASSERT_FALSE(loaded.diagnostics.items().empty()) << c.text;
        const Diagnostic& d = loaded.diagnostics.items().front();
        EXPECT_EQ(d.id, c.id) << c.text;
        EXPECT_EQ(d.line, c.line) << c.text;
        EXPECT_EQ(d.col, c.col) << c.text;
        EXPECT_NE(d.message.find(c.message_part), std::string::npos) << d.message;
        EXPECT_NE(d.path.find(c.file), std::string::npos);
    }
}

TEST(ConflictRules, LexiconIsTheAuthorityOnTopicsAndValues) {
    Lexicon lexicon;
    lexicon.topic_values = {{"status", {"russia", "ukraine"}}};
    const auto unknown_topic = load("s.toml", "topic = \"statuss\"\n", lexicon);
    ASSERT_EQ(unknown_topic.diagnostics.items().size(), 1u);
    EXPECT_NE(unknown_topic.diagnostics.items()[0].message.find("did you mean 'status'?"), std::string::npos);

    const auto unknown_value = load("s.toml", "topic = \"status\"\n[values]\nrussia = \"\"\nukrain = \"\"\n", lexicon);
    ASSERT_EQ(unknown_value.diagnostics.items().size(), 1u);
    EXPECT_EQ(unknown_value.diagnostics.items()[0].line, 4u);
    EXPECT_NE(unknown_value.diagnostics.items()[0].message.find("did you mean 'ukraine'?"), std::string::npos);
}

TEST(ConflictRules, FailingCaseIsReported) {
    auto loaded = load("t.toml",
                       "topic = \"t\"\n[values]\nyes = \"\"\nno = \"\"\n[[conflict]]\nvalues = [\"yes\", \"no\"]\n"
                       "[[case]]\na = { group = \"g\", value = \"yes\", stated = \"2022-01-01\" }\n"
                       "b = { group = \"h\", value = \"no\", stated = \"2022-01-01\" }\nexpect = \"none\"\n");
    ASSERT_FALSE(loaded.diagnostics.has_errors());
    RuleSet rules;
    rules.conflicts = loaded.rules;
    RuleTestReport report;
    test_conflict_rules(rules, report);
    EXPECT_EQ(report.failed, 1);
    ASSERT_EQ(report.failures.size(), 1u);
    EXPECT_NE(report.failures[0].find("t.toml:7: t case (yes vs no): expected none, got dispute"), std::string::npos)
        << report.failures[0];
}

}  // namespace
}  // namespace factline
