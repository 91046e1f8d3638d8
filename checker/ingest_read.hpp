#pragma once
// Reading one input's bytes for ingest(): a file (one open, fstat and read),
// stdin, and their decoding, with the per-file size limit. Internal to the
// ingest stage (ingest.cpp); the public API is ingest.hpp.
#include <cstdint>
#include <fcntl.h>
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

/// The bytes of `path` (relative to the open `folder`, else to the working
/// folder), or why not (over `limit` bytes, unreadable). A string, not a
/// path: a walk names its files by joining strings.
[[nodiscard]] ReadResult read_input_file(const std::string& path, std::uint64_t limit, int folder = AT_FDCWD);

/// A folder held open while its files are read, so that each is opened
/// relative to it: the kernel then looks up only the file's own name, not
/// the folder's path again for each file. fd() is AT_FDCWD when the folder
/// could not be opened (its files are then opened by their whole paths).
class OpenFolder {
public:
    explicit OpenFolder(const std::string& path);
    ~OpenFolder();
    OpenFolder(const OpenFolder&) = delete;
    OpenFolder& operator=(const OpenFolder&) = delete;

    [[nodiscard]] int fd() const { return fd_; }
    [[nodiscard]] bool is_open() const { return fd_ != AT_FDCWD; }

private:
    int fd_ = AT_FDCWD;
};

/// All of `in` (stdin), or why not (over `limit` bytes).
[[nodiscard]] ReadResult read_input_stream(std::istream& in, std::uint64_t limit);

}  // namespace factline
