#pragma once
// A message a grammar reports while parsing, as a byte range into the parsed
// document. Plain data with no Boost header, so that checker/ can turn it into
// a Diagnostic (file:line:col) without compiling X3.
#include <cstdint>
#include <string>

namespace factline::grammar {

struct ParseMessage {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string message;  // starts in lower case, as users read it
};

}  // namespace factline::grammar
