#pragma once
// Words for finding messages, shared by the kinds: a value's phrase from the
// topic file ("{subject} is part of Russia"), who said it, and when/where
// ("2022-11-11, Reuters"). All vocabulary comes from the rules and the evidence.
#include <string>

#include "checker/conflict_rules.hpp"
#include "checker/finding.hpp"

namespace factline {

/// The topic file's phrase for `value` with {subject} filled in; a plain
/// "topic = value (subject)" when the file gives none.
[[nodiscard]] std::string value_phrase(const TopicRules& rules, const std::string& value, const std::string& subject);

/// "peskov (russia)", "russia", or "peskov, putin (russia)" for a side's holders.
[[nodiscard]] std::string who_said(const FindingSide& side);

/// "2022-11-11, Reuters" for one piece of evidence ("undated" when unknown; the
/// document's file name when the outlet is unknown).
[[nodiscard]] std::string when_where(const FindingEvidence& evidence);

/// "the Reuters story" style source name: the outlet, else the document's file name.
[[nodiscard]] std::string source_name(const FindingEvidence& evidence);

}  // namespace factline
