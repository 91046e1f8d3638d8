#pragma once
// Fills the pattern slots of one sentence from its lexicon mentions:
// {region} = a region, a region group (expanded to its members), an anaphor
// ("the territories", "the region") resolved against the document focus, or a
// coordination of these ("Donetsk, Luhansk, Kherson and Zaporizhzhia
// regions"); {named_region} = the same without anaphora; {holder} = actors (coordinated: "Kyiv and the West"); {party} =
// the holder groups of the actors. Knows no names: all come from the Lexicon.
#include <string>
#include <vector>

#include "checker/lexicon.hpp"
#include "checker/lexicon_match.hpp"
#include "checker/patterns.hpp"
#include "checker/tokens.hpp"

namespace factline {

/// What the document has been about so far (for anaphora and "It is …").
struct Focus {
    std::vector<std::string> group;   // most recent set of several regions (a group or a list)
    std::vector<std::string> region;  // single regions of the most recent sentence naming one, in order
};

/// Region ids one mention names (groups expanded, anaphora resolved); empty
/// when the mention is no region mention or cannot be resolved.
[[nodiscard]] std::vector<std::string> region_ids(const Mention& mention, const std::vector<Token>& tokens,
                                                  const Lexicon& lexicon, const Focus& focus);

/// The slot table of one sentence.
[[nodiscard]] SlotTable build_slots(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                    const Lexicon& lexicon, const Focus& focus);

/// True for mentions that can stand for a holder (actor alias, role, speaker-only alias).
[[nodiscard]] bool is_holder_mention(const Mention& mention);

}  // namespace factline
