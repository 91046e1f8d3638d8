#pragma once
// Consistency rules from rules/<pack>/conflicts/*.toml: which values of a topic
// conflict, which refine each other, time windows and severities per kind.
// OWNER: consistency work (issue 5). This is the first cut of the structure.
#include <string>
#include <vector>

namespace factline {

struct ConflictRules {
    std::vector<std::string> topics;
};

}  // namespace factline
