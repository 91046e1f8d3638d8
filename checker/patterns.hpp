#pragma once
// Compiled extraction patterns (rules/<pack>/patterns/<topic>.toml), parsed by
// the pattern grammar in grammar/. OWNER: extraction work (issue 4).
#include <string>
#include <vector>

namespace factline {

struct PatternSet {
    std::vector<std::string> ids;
};

}  // namespace factline
