#pragma once
// The unit of meaning: who (holder) said what (topic = value) about which
// subject, when (stated), with the evidence. Produced by extraction, consumed
// by consistency and the writers (assertions.jsonl, SPEC §5).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker/civil_date.hpp"
#include "checker/interned.hpp"
#include "checker/interned_list.hpp"
#include "checker/shared_text.hpp"
#include "checker/span.hpp"

namespace factline {

struct Evidence {
    std::uint32_t line = 0;  // 1-based, in the document's text
    std::uint32_t col = 0;   // 1-based, code points
    Span span;               // bytes of the evidence sentence
    SharedText text;         // the sentence as written (original characters); findings share it
};

// The vocabulary fields (ids a rule pack defines) are Interned: 8 bytes each,
// one copy per id however many assertions name it. The per-document fields
// (doc, cluster, outlet, doc_hash) grow with the corpus: SharedText, one copy
// per document that its record, its assertions and their evidence share.
// The one-byte fields come last, packed together: 152 bytes an assertion,
// where they were spread between wider ones (176).
struct Assertion {
    SharedText doc;         // document path as given
    Interned holder;        // actor id ("peskov"), or a group id when no actor is named ("russia", "narrator")
    Interned holder_group;  // russia | ukraine | west | narrator | other (rule-pack defined)
    Interned topic;         // status | control | event | negotiation | concession | aims | …
    Interned subject;       // region id, party id or "any"
    Interned value;
    std::optional<CivilDate> stated;
    // The earlier time the claim describes, when the sentence names one ("took
    // Kherson in March" in a November story): the first day of that period.
    // Time windows compare claims by it; `stated` stays the day of the statement.
    std::optional<CivilDate> about;
    Evidence evidence;
    SharedText cluster;                 // syndication cluster id ("c1"), set by dedup
    Interned rule;                      // id of the pattern rule that produced it
    SharedText outlet;                  // the document's metadata, else its dateline's agency (may be "")
    SharedText doc_hash;                // hash of the document text (stable finding ids)
    InternedList subject_alternatives;  // other places of the same name the subject could be
    DateSource stated_source = DateSource::unknown;
    bool headline = false;  // evidence is the headline
    bool negated = false;   // the value came from a negated pattern
};

}  // namespace factline
