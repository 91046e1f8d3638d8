#pragma once
// The stable hash of a document's text: cluster names and finding ids are
// made from it.
#include <string>
#include <string_view>

namespace factline {

/// Stable hex hash of a document's text: FNV-1a 64 over the text with
/// whitespace runs folded to one space and the leading run dropped, so that a
/// re-scraped copy with other line breaks keeps its hash.
[[nodiscard]] std::string text_hash(std::string_view text);

}  // namespace factline
