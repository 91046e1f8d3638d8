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
#include "checker/slot_table.hpp"
#include "checker/tokens.hpp"

namespace factline {

/// What the document has been about so far (for anaphora and "It is …").
struct Focus {
    std::vector<std::string> group;   // most recent set of several regions (a group or a list)
    std::vector<std::string> region;  // single regions of the most recent sentence naming one, in order
};

/// Region ids one mention names (groups expanded, anaphora resolved); empty
/// when the mention is no region mention or cannot be resolved.
[[nodiscard]] std::vector<std::string> region_ids(const Mention& mention, std::span<const Token> tokens,
                                                  const Lexicon& lexicon, const Focus& focus);

/// Builds the slot tables of a document's sentences one after another, reusing
/// its buffers (one builder per document, or per thread).
class SlotBuilder {
public:
    /// The slot table of one sentence, valid until the next build. Its ids
    /// point into `mentions`, `lexicon` and `focus`, which must outlive its use
    /// and stay unchanged meanwhile.
    const SlotTable& build(std::span<const Token> tokens, const std::vector<Mention>& mentions,
                           const Lexicon& lexicon, const Focus& focus);

private:
    using Ids = std::vector<const std::string*>;
    /// The mentions able to fill one slot, by first token (one span per token).
    struct Starts {
        std::vector<Ids> ids_at;
        std::vector<std::uint32_t> end_at;
        std::vector<std::uint32_t> used;  // tokens whose ids_at is not empty (every add brings ids)
        void reset(std::size_t tokens);
        void add(const Mention& mention, const Ids& ids);
    };
    void coordinate(Slot slot, const Starts& starts, bool place_nouns, std::span<const Token> tokens);

    Starts region_, named_, actor_, party_;
    Ids named_before_, ids_, coordinated_;
    std::vector<std::uint32_t> starts_;  // tokens a coordination may start at
    std::vector<std::pair<std::uint32_t, std::uint32_t>> found_;  // (end, how many of coordinated_)
    SlotTable table_;
};

/// True for mentions that can stand for a holder (actor alias, role, speaker-only alias).
[[nodiscard]] bool is_holder_mention(const Mention& mention);

}  // namespace factline
