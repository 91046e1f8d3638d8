#pragma once
// The steps of analyse_layout (layout.cpp) that read its blocks as titles:
// the headline, the dateline and the related-story headlines closing a page.
#include <string_view>

#include "checker/layout.hpp"

namespace factline {

/// Headline (first title-like line at the top), its repeats and sub-headlines,
/// short labels above it ("World"); stops at the first body paragraph.
void find_headline(std::string_view text, Layout& layout);

/// The dateline opening one of the first body paragraphs.
void find_dateline(std::string_view text, Layout& layout);

/// Two or more title-like lines closing the page become boilerplate.
void drop_trailing_headlines(std::string_view text, Layout& layout);

}  // namespace factline
