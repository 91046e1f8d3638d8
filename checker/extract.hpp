#pragma once
// Stage 6: assertion extraction. For each sentence: lexicon mentions, reported
// speech attribution (quotes, "X said", "he added" carry-over, narrator),
// negation and modality, and the rule packs' patterns; the stated date comes
// from the time stage. Knows no actor, region or value by name.
#include <vector>

#include "checker/assertion.hpp"
#include "checker/civil_date.hpp"
#include "checker/document.hpp"
#include "checker/layout.hpp"
#include "checker/sentences.hpp"

namespace factline {

struct RuleSet;
class DateScan;

struct ExtractInput {
    const Document& document;
    const Layout& layout;
    const std::vector<Sentence>& sentences;
    DatedBy document_date;  // the DCT and where it came from
    // The document's date scan, shared with the weekday checks; without one
    // extraction makes its own (same result).
    DateScan* dates = nullptr;
};

/// Assertions of one document, in text order. Fields `cluster` and `doc_hash`
/// are filled by the pipeline.
[[nodiscard]] std::vector<Assertion> extract_assertions(const ExtractInput& input, const RuleSet& rules);

}  // namespace factline
