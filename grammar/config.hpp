#pragma once
// The one iterator and context type every grammar in grammar/ is instantiated
// with (STYLE.md). A mismatch between these and the context parse_*.cpp builds
// shows up as a linker error on parse_rule: this file is where to look.
// Holds no rules.
#include <boost/spirit/home/x3.hpp>

#include <cstdint>
#include <vector>

#include "grammar/parse_message.hpp"

namespace factline::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

/// What rules may read and write while parsing: where the text starts (so
/// that spans are byte offsets of the document) and the diagnostics sink.
struct ParseState {
    const char* document_start = nullptr;
    std::vector<ParseMessage>* diagnostics = nullptr;
};

struct parse_state_tag;

/// Built by x3::with<parse_state_tag>(state)[rule] with no skipper.
using context_type = x3::context<parse_state_tag, ParseState, x3::unused_type>;

/// Byte offset of `where` from the start of the document being parsed.
template <typename Context>
std::uint32_t offset_in_document(const Context& context, iterator_type where) {
    return static_cast<std::uint32_t>(where - x3::get<parse_state_tag>(context).document_start);
}

}  // namespace factline::grammar
