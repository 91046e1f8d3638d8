#pragma once
// A contradiction as an editor sees it: one finding per conflict episode, with
// every piece of evidence grouped by side (SPEC §5 findings.jsonl).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker/civil_date.hpp"
#include "checker/diagnostic.hpp"
#include "checker/interned.hpp"
#include "checker/shared_text.hpp"

namespace factline {

// One assertion as a finding cites it. Its texts are the assertion's, shared
// (a finding on a large corpus cites millions of assertions: a copy of a
// dozen strings each was most of a 1 M-article run's memory).
// The one-byte fields are last, packed together: 96 bytes (104 when they
// were spread between wider ones).
struct FindingEvidence {
    SharedText doc;
    std::uint32_t line = 0;
    std::uint32_t col = 0;
    std::optional<CivilDate> stated;
    SharedText text;
    Interned holder;
    SharedText outlet;
    SharedText cluster;
    Interned rule;
    SharedText doc_hash;
    Interned subject;  // the assertion's subject when it is a place inside the finding's subject, else ""
    DateSource stated_source = DateSource::unknown;
    bool headline = false;
};

struct FindingSide {
    std::string value;
    std::string holder_group;
    std::vector<FindingEvidence> evidence;  // sorted by stated date, then doc, then line
    int clusters = 0;                       // independent sources (syndication clusters count once)
};

struct Finding {
    std::string id;        // "F-" + stable hash (kind, topic, subject, values, evidence document hashes)
    std::string kind;      // position_shift | self_contradiction | dispute | cross_source | headline_body | date_mismatch
    Severity severity = Severity::warning;
    std::string topic;
    std::string subject;
    std::vector<FindingSide> sides;
    std::string message;   // one sentence an editor understands
    std::string rule;      // conflict rule id
    bool undated = false;  // some evidence has no stated date
    std::string baseline;  // "" without a baseline; else "new" | "present"
};

}  // namespace factline
