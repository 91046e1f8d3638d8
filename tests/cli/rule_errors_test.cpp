// Rule-pack errors (issue 8): a copy of rules/core with one file broken per
// error class. `factline rules list` must exit 2 and its first stderr line
// must be the whole GNU diagnostic: file:line:col at the broken place, the
// message with its hint, and the id. Line and column are found in the broken
// file itself, so edits elsewhere in the shipped rules do not move them.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <ostream>
#include <sstream>
#include <string>

#include "cli_support.hpp"
#include "support/read_file.hpp"

namespace factline::testing {
namespace {

struct RuleErrorCase {
    const char* name;     // the error class
    const char* file;     // relative to the pack
    const char* find;     // replaced once (must be present)
    const char* replace;
    const char* anchor;   // column = last occurrence of this on the broken line; "" = end of line; the line
                          // is the first holding `replace` ("" replace: line 1)
    const char* message;  // full message, hint included
    const char* id;
};

const RuleErrorCase cases[] = {
    {"malformed_toml", "lexicon/topics.toml", "subject = \"region\"", "subject = \"region", "",
     "error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited; "
     "check quotes, brackets and commas here and on the line before",
     "toml.syntax"},
    {"unknown_key", "pack.toml", "description =", "descripton =", "descripton",
     "unknown key 'descripton' in pack.toml; did you mean 'description'?", "toml.unknown-key"},
    {"pattern_syntax", "patterns/status.toml", "pattern = '(illegal | illegitimate",
     "pattern = '((illegal | illegitimate", "'",
     "expected ')'; a pattern is words, (a | b), [optional], {slot}, @class and ..N.. gaps (rules/README.md)",
     "rules.pattern-syntax"},
    {"unknown_word_class", "patterns/status.toml", "'@condemn_verbs ..4.. by", "'@condemn_verb ..4.. by",
     "@condemn_verb", "unknown word class '@condemn_verb'; did you mean '@condemn_verbs'?", "rules.unknown-class"},
    {"unknown_region_in_group", "lexicon/region_groups.toml", "\"zaporizhzhia\", \"kherson\"]",
     "\"zaporizhzhia\", \"khersn\"]", "[",
     "unknown region 'khersn' in group 'annexed_four'; did you mean 'kherson'?", "rules.unknown-region"},
    {"unknown_actor_group", "lexicon/actors.toml", "group = \"russia\"", "group = \"rusia\"", "\"rusia\"",
     "unknown holder group 'rusia' (one of: narrator, other, russia, ukraine, west); did you mean 'russia'?",
     "rules.unknown-value"},
    {"unknown_rule_holder_group", "patterns/event.toml", "holder_groups = [\"ukraine\"",
     "holder_groups = [\"ukrane\"", "\"ukrane\"",
     "unknown holder group 'ukrane' (one of: narrator, other, russia, ukraine, west); did you mean 'ukraine'?",
     "rules.unknown-value"},
    {"unknown_conflict_topic", "conflicts/status.toml", "topic = \"status\"", "topic = \"statuss\"", "\"statuss\"",
     "unknown topic 'statuss'; did you mean 'status'?", "rules.unknown-id"},
    {"unknown_conflict_value", "conflicts/status.toml", "values = [\"russia\", \"ukraine\"]",
     "values = [\"russia\", \"ukrayina\"]", "\"ukrayina\"", "unknown value 'ukrayina'; did you mean 'ukraine'?",
     "rules.unknown-id"},
    {"unknown_boilerplate_action", "layout/boilerplate.toml", "action = \"drop_to_end\"", "action = \"drop_all\"",
     "\"drop_all\"", "unknown action 'drop_all' (drop_line, drop_to_end, drop_block)", "rules.unknown-action"},
    {"missing_pack_name", "pack.toml", "name = \"core\"", "", "",
     "pack.toml needs a 'name' (rule ids start with it)", "rules.pack-name"},
};

// Test output names the case, not its bytes.
void PrintTo(const RuleErrorCase& c, std::ostream* os) { *os << c.name; }

/// Replaces the first `find` in `path` by `replace`; returns false when absent.
bool break_file(const fs::path& path, const std::string& find, const std::string& replace) {
    std::string text = testing::read_file(path);
    const auto at = text.find(find);
    if (at == std::string::npos) return false;
    text.replace(at, find.size(), replace);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    return true;
}

/// "line:col" of the case in the broken file (1-based; columns in bytes: the
/// lines used are ASCII).
std::string expected_position(const fs::path& path, const RuleErrorCase& c) {
    if (std::string(c.replace).empty()) return "1:1";
    std::istringstream lines(testing::read_file(path));
    std::size_t number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        if (line.find(c.replace) == std::string::npos) continue;
        const std::string anchor = c.anchor;
        const std::size_t col = anchor.empty() ? line.size() + 1 : line.rfind(anchor) + 1;
        return std::to_string(number) + ":" + std::to_string(col);
    }
    return "?";
}

// `check` reads the corpus while the rules load (more than one thread); a
// broken pack still fails the run before any analysis or report.
TEST(RuleErrorsInCheck, ABrokenPackStopsTheRunWithItsPositionAndNoReports) {
    const Scratch scratch;
    fs::copy(fs::path(FACTLINE_SOURCE_DIR) / "rules" / "core", scratch / "pack", fs::copy_options::recursive);
    const RuleErrorCase& c = cases[0];
    ASSERT_TRUE(break_file(scratch / "pack" / c.file, c.find, c.replace));
    fs::create_directories(scratch / "corpus");
    for (int i = 0; i < 600; ++i) {  // more than one batch of files
        std::ofstream(scratch / "corpus" / ("a" + std::to_string(i) + ".txt")) << "Kyiv, Jan 5 - Talks resumed.\n";
    }
    EXPECT_EQ(run_factline(scratch.dir(), "check corpus --rules pack --jobs 2 --out out"), 2);
    const std::string err = testing::read_file(scratch / "factline-stderr.txt");
    const std::string first_line = err.substr(0, err.find('\n'));
    EXPECT_EQ(first_line.rfind(std::string("pack/") + c.file + ":", 0), 0u) << err;
    EXPECT_NE(first_line.find(std::string("[") + c.id + "]"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(scratch / "out" / "findings.jsonl"));
}

class RuleErrors : public ::testing::TestWithParam<RuleErrorCase> {};

TEST_P(RuleErrors, ExitTwoWithPositionMessageAndHint) {
    const RuleErrorCase& c = GetParam();
    const Scratch scratch;
    fs::copy(fs::path(FACTLINE_SOURCE_DIR) / "rules" / "core", scratch / "pack", fs::copy_options::recursive);
    ASSERT_TRUE(break_file(scratch / "pack" / c.file, c.find, c.replace)) << c.file << " no longer holds: " << c.find;

    EXPECT_EQ(run_factline(scratch.dir(), "rules list --rules pack >/dev/null"), 2);
    const std::string err = testing::read_file(scratch / "factline-stderr.txt");
    const std::string first_line = err.substr(0, err.find('\n'));
    const std::string expected = std::string("pack/") + c.file + ":" + expected_position(scratch / "pack" / c.file, c) +
                                 ": error: " + c.message + " [" + c.id + "]";
    EXPECT_EQ(first_line, expected) << "whole stderr:\n" << err;
}

INSTANTIATE_TEST_SUITE_P(EveryClass, RuleErrors, ::testing::ValuesIn(cases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace factline::testing
