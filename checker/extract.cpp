// PLACEHOLDER (to be replaced by the extraction work): extracts nothing.
#include "checker/extract.hpp"

#include "checker/rule_pack.hpp"

namespace factline {

std::vector<Assertion> extract_assertions(const ExtractInput&, const RuleSet&) { return {}; }
void load_lexicon(const RulePackInfo&, Lexicon&, Diagnostics&) {}
void load_patterns(const RulePackInfo&, const Lexicon&, PatternSet&, Diagnostics&) {}
void test_patterns(const RuleSet&, RuleTestReport&) {}

}  // namespace factline
