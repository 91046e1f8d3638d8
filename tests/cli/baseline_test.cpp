// CI semantics: --write-baseline, --baseline (only new findings fail),
// --fail-on and --exit-zero (SPEC §4 exit codes).
#include "tests/cli/cli_support.hpp"

namespace factline {
namespace {

using testing::read_jsonl;
using testing::run_factline;
using testing::Scratch;
namespace fs = std::filesystem;

// A dispute (info) and, in the second file, a position shift (warning).
constexpr const char* dispute_rows =
    R"({"doc":"a.txt","holder":"peskov","holder_group":"russia","topic":"status","subject":"kherson","value":"russia","stated":"2022-11-11","evidence":{"line":3,"col":1,"text":"t"},"cluster":"c1","doc_hash":"h1"})"
    "\n"
    R"({"doc":"a.txt","holder":"ukraine","holder_group":"ukraine","topic":"status","subject":"kherson","value":"ukraine","stated":"2022-11-11","evidence":{"line":4,"col":1,"text":"t"},"cluster":"c1","doc_hash":"h1"})"
    "\n";
constexpr const char* shift_rows =
    R"({"doc":"b.txt","holder":"peskov","holder_group":"russia","topic":"negotiation","subject":"russia","value":"impossible","stated":"2022-11-11","evidence":{"line":3,"col":1,"text":"t"},"cluster":"c2","doc_hash":"h2"})"
    "\n"
    R"({"doc":"c.txt","holder":"peskov","holder_group":"russia","topic":"negotiation","subject":"russia","value":"conditional","stated":"2023-02-28","evidence":{"line":8,"col":1,"text":"t"},"cluster":"c3","doc_hash":"h3"})"
    "\n";

class Baseline : public ::testing::Test {
protected:
    void SetUp() override {
        rules_ = testing::conflict_rules_root(scratch_);
        std::ofstream(scratch_ / "dispute.jsonl") << dispute_rows;
        std::ofstream(scratch_ / "shift.jsonl") << shift_rows;
    }
    int reduce(const std::string& args) {
        return run_factline(scratch_.dir(), "reduce " + args + " --rules '" + rules_.string() + "' --format json --out out");
    }
    Scratch scratch_;
    fs::path rules_;
};

TEST_F(Baseline, ExitCodes) {
    const struct {
        const char* args;
        int exit_code;
    } cases[] = {
        {"dispute.jsonl", 0},                                    // info is below the default fail-on (warning)
        {"dispute.jsonl --fail-on info", 1},
        {"dispute.jsonl shift.jsonl", 1},                        // a warning
        {"dispute.jsonl shift.jsonl --fail-on error", 0},
        {"dispute.jsonl shift.jsonl --exit-zero", 0},
        {"dispute.jsonl --write-baseline base.jsonl --fail-on info", 1},
        {"dispute.jsonl --baseline base.jsonl --fail-on info", 0},          // nothing new
        {"dispute.jsonl shift.jsonl --baseline base.jsonl", 1},             // the shift is new
        {"dispute.jsonl shift.jsonl --baseline base.jsonl --fail-on error", 0},
        {"dispute.jsonl shift.jsonl --baseline base.jsonl --exit-zero", 0},
        {"dispute.jsonl --baseline missing.jsonl", 2},
        {"no-such-file.jsonl", 2},
    };
    for (const auto& c : cases) EXPECT_EQ(reduce(c.args), c.exit_code) << c.args;
}

TEST_F(Baseline, MarksNewAndPresent) {
    ASSERT_EQ(reduce("dispute.jsonl --write-baseline base.jsonl --exit-zero"), 0);
    const auto baseline = read_jsonl(scratch_ / "base.jsonl");
    ASSERT_EQ(baseline.size(), 1u);
    ASSERT_EQ(reduce("dispute.jsonl shift.jsonl --baseline base.jsonl --exit-zero"), 0);
    const auto findings = read_jsonl(scratch_ / "out/findings.jsonl");
    ASSERT_EQ(findings.size(), 2u);
    for (const auto& f : findings) {
        const bool old = f["id"] == baseline[0]["id"];
        EXPECT_EQ(f.value("baseline", ""), old ? "present" : "new") << f.dump();
    }
    // The baseline's finding keeps its id when the shift file joins the run.
    EXPECT_TRUE(findings[0]["id"] == baseline[0]["id"] || findings[1]["id"] == baseline[0]["id"]);
}

TEST_F(Baseline, ABadBaselineIsAnError) {
    std::ofstream(scratch_ / "bad.jsonl") << "{not json\n";
    EXPECT_EQ(reduce("dispute.jsonl --baseline bad.jsonl"), 2);
}

}  // namespace
}  // namespace factline
