#pragma once
// Stable finding ids (SPEC §4): "F-" + 16 hex digits of a fixed 64-bit hash
// (FNV-1a) over the kind, topic, subject, the sorted values and the sorted set
// of evidence document hashes. Never paths, line numbers or input order, so a
// moved or re-scraped article keeps its findings' ids.
#include <string>

#include "checker/finding.hpp"

namespace factline {

/// The id of `finding` from its kind, topic, subject, side values and evidence doc hashes.
[[nodiscard]] std::string finding_id(const Finding& finding);

/// FNV-1a 64 of `text` (the same on every platform).
[[nodiscard]] std::uint64_t stable_hash(std::string_view text);

}  // namespace factline
