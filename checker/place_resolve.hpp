#pragma once
// Namesake places (several villages called Lyman): when one span of text
// names several generated places, keeps the one whose containing region is
// named in the same paragraph, else the most populous (rules/README.md,
// "Namesakes"). Only spans whose meanings are all places with a population
// (GeoNames packs) are touched; hand-written ambiguity is left to extraction.
#include <string>
#include <vector>

#include "checker/lexicon.hpp"
#include "checker/lexicon_match.hpp"

namespace factline {

/// The context `mentions` give their paragraph: the region ids they name, and
/// the containing regions of the hand-written places among them ("Pokrovsk"
/// names Donetsk Oblast too). Anaphora name nothing.
[[nodiscard]] std::vector<std::string> named_regions(const std::vector<Mention>& mentions, const Lexicon& lexicon);

/// False when no span of `mentions` (in text order) has more than one
/// meaning, so that resolve_namesakes would leave them as they are and
/// needs no context.
[[nodiscard]] bool may_have_namesakes(const std::vector<Mention>& mentions);

/// Keeps one meaning per namesake span of `mentions`, using `context`
/// (region ids named in the paragraph) and then population; the meanings not
/// kept are listed on it (Mention::alternatives) so the assertion can say so.
void resolve_namesakes(std::vector<Mention>& mentions, const Lexicon& lexicon, const std::vector<std::string>& context);

}  // namespace factline
