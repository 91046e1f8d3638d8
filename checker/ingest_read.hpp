#pragma once
// Reading one input's bytes for ingest(): a file (one open, fstat and read),
// stdin, and their decoding, with the per-file size limit. Internal to the
// ingest stage (ingest.cpp); the public API is ingest.hpp.
#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>

#include "checker/diagnostic.hpp"

namespace factline {

/// A file's text, decoded on whichever thread read it.
struct DecodedText {
    bool is_text = false;  // false: `reason` says what it is instead
    std::string text;
    std::string reason;
    Diagnostics messages;  // what decoding reported, added to the corpus in input order
};

/// decode_text() into a DecodedText; valid UTF-8 moves, not copied.
[[nodiscard]] DecodedText decode_input(std::string bytes, const std::string& shown);

/// Bytes of a file or stream, or why they could not be read.
struct ReadResult {
    bool ok = false;
    std::string bytes;
    std::string reason;
    std::optional<DecodedText> decoded;  // set instead of `bytes` when a walk's prefetch decoded them
};

/// The bytes of `path`, or why not (over `limit` bytes, unreadable). A
/// string, not a path: a walk names its files by joining strings.
[[nodiscard]] ReadResult read_input_file(const std::string& path, std::uint64_t limit);

/// All of `in` (stdin), or why not (over `limit` bytes).
[[nodiscard]] ReadResult read_input_stream(std::istream& in, std::uint64_t limit);

}  // namespace factline
