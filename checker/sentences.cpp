// PLACEHOLDER (to be replaced by the sentence work): one sentence per block.
#include "checker/sentences.hpp"

namespace factline {

std::vector<Sentence> split_sentences(std::string_view, const Layout& layout) {
    std::vector<Sentence> out;
    for (std::uint32_t i = 0; i < layout.blocks.size(); ++i) {
        if (Layout::extractable(layout.blocks[i].kind)) out.push_back({layout.blocks[i].span, i, false, true});
    }
    return out;
}

std::vector<Span> split_span(std::string_view, Span span) { return {span}; }

}  // namespace factline
