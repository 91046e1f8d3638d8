#include "checker/finding_id.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace factline {

std::uint64_t stable_hash(std::string_view text) {
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string finding_id(const Finding& finding) {
    std::vector<std::string> values;
    std::vector<std::string> documents;
    for (const auto& side : finding.sides) {
        values.push_back(side.value);
        // A document without a text hash (hand-written assertion files) falls
        // back to its path: the one case where a moved file changes the id.
        for (const auto& e : side.evidence) documents.push_back(e.doc_hash.empty() ? "path:" + e.doc : e.doc_hash);
    }
    for (auto* list : {&values, &documents}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    // Unit separators keep ("ab", "c") and ("a", "bc") apart.
    std::string key = finding.kind + '\x1f' + finding.topic + '\x1f' + finding.subject + '\x1e';
    for (const auto& v : values) key += v + '\x1f';
    key += '\x1e';
    for (const auto& d : documents) key += d + '\x1f';
    return fmt::format("F-{:016x}", stable_hash(key));
}

}  // namespace factline
