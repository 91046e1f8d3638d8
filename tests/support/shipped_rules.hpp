#pragma once
// The rule packs shipped in rules/, loaded once per test process (loading
// them, GeoNames places included, takes tens of milliseconds).
#include <filesystem>

#include "checker/rule_pack.hpp"

namespace factline::testing {

inline const RuleSet& shipped_rules() {
    static const RuleSet rules = [] {
        Diagnostics diagnostics;
        return load_rules({std::filesystem::path(FACTLINE_SOURCE_DIR) / "rules"}, diagnostics);
    }();
    return rules;
}

}  // namespace factline::testing
