// PLACEHOLDER (to be replaced by the consistency work): finds nothing.
#include "checker/consistency.hpp"

#include "checker/rule_pack.hpp"

namespace factline {

std::vector<Finding> find_conflicts(const std::vector<Assertion>&, const RuleSet&) { return {}; }
void load_conflict_rules(const RulePackInfo&, const Lexicon&, ConflictRules&, Diagnostics&) {}
void test_conflict_rules(const RuleSet&, RuleTestReport&) {}

}  // namespace factline
