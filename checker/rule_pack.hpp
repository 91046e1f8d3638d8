#pragma once
// Loads rule packs: every folder under a rules root that holds a pack.toml.
// Each part of a pack is read by its stage's loader (layout rules, lexicon and
// patterns, conflict rules); errors name file:line:col and the run stops.
#include <filesystem>
#include <string>
#include <vector>

#include "checker/conflict_rules.hpp"
#include "checker/diagnostic.hpp"
#include "checker/layout.hpp"
#include "checker/lexicon.hpp"
#include "checker/patterns.hpp"

namespace factline {

struct RulePackInfo {
    std::string name;        // from pack.toml; rule ids start with it ("core.")
    std::string version;
    std::string description;
    std::filesystem::path dir;
};

struct RuleSet {
    std::vector<RulePackInfo> packs;
    LayoutRules layout;
    Lexicon lexicon;
    PatternSet patterns;
    ConflictRules conflicts;
};

/// Loads every pack found under each root (a root may itself be a pack), in
/// sorted order. Errors go to `diagnostics`.
[[nodiscard]] RuleSet load_rules(const std::vector<std::filesystem::path>& roots, Diagnostics& diagnostics);

/// Per-part loaders, each owned by its stage. They append to `into`.
void load_layout_rules(const RulePackInfo& pack, LayoutRules& into, Diagnostics& diagnostics);
void load_lexicon(const RulePackInfo& pack, Lexicon& into, Diagnostics& diagnostics);
/// Builds the lexicon's matcher and phrase indexes from every pack loaded into
/// it: once, after the last pack (built after each pack, every matcher but the
/// last was thrown away unused).
void compile_lexicon(Lexicon& into);
void load_patterns(const RulePackInfo& pack, const Lexicon& lexicon, PatternSet& into, Diagnostics& diagnostics);
void load_conflict_rules(const RulePackInfo& pack, const Lexicon& lexicon, ConflictRules& into,
                         Diagnostics& diagnostics);

/// Outcome of `factline rules test`: every rule's own examples.
struct RuleTestReport {
    int passed = 0;
    int failed = 0;
    std::vector<std::string> failures;  // "rule-id: what went wrong"
};

/// Runs the patterns' examples (must match) and counter-examples (must not).
void test_patterns(const RuleSet& rules, RuleTestReport& report);
/// Runs the conflict rules' assertion-level cases.
void test_conflict_rules(const RuleSet& rules, RuleTestReport& report);
/// Runs the layout rules' examples.
void test_layout_rules(const RuleSet& rules, RuleTestReport& report);

}  // namespace factline
