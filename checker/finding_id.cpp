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
    // Views, not copies: ids are made for every finding, and a finding may
    // hold thousands of evidence records.
    std::size_t evidence_count = 0;
    for (const auto& side : finding.sides) evidence_count += side.evidence.size();
    std::vector<std::string_view> values;
    std::vector<std::string_view> documents;
    std::vector<std::string> paths;  // reserved: the views into it must not move
    paths.reserve(evidence_count);
    documents.reserve(evidence_count);
    for (const auto& side : finding.sides) {
        values.push_back(side.value);
        // A document without a text hash (hand-written assertion files) falls
        // back to its path: the one case where a moved file changes the id.
        for (const auto& e : side.evidence) {
            if (e.doc_hash.empty()) {
                documents.push_back(paths.emplace_back("path:" + e.doc));
            } else {
                documents.push_back(e.doc_hash);
            }
        }
    }
    for (auto* list : {&values, &documents}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    // Unit separators keep ("ab", "c") and ("a", "bc") apart.
    std::string key = finding.kind + '\x1f' + finding.topic + '\x1f' + finding.subject + '\x1e';
    for (const auto v : values) key.append(v).push_back('\x1f');
    key += '\x1e';
    for (const auto d : documents) key.append(d).push_back('\x1f');
    return fmt::format("F-{:016x}", stable_hash(key));
}

}  // namespace factline
