#pragma once
// The one explicit table of finding kinds (no static self-registration). A
// new kind is a class in checker/kinds/, one line in registry.cpp, a test in
// tests/checker/kinds/ and a line in the README's kinds table.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checker/conflict_rules.hpp"
#include "checker/kinds/finding_kind.hpp"

namespace factline {

struct KindEntry {
    std::string_view name;
    std::unique_ptr<FindingKind> (*make)(const RuleSpec& spec);
};

/// Every kind, in evaluation order.
[[nodiscard]] const std::vector<KindEntry>& kind_table();

/// The names of kind_table(), for validation and "did you mean".
[[nodiscard]] std::vector<std::string> kind_names();

/// One instance of each enabled kind, configured from `rules` (kinds.toml).
[[nodiscard]] std::vector<std::unique_ptr<FindingKind>> make_kinds(const ConflictRules& rules);

}  // namespace factline
