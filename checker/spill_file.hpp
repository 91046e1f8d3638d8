#pragma once
// An unlinked temporary file for data a run moves out of memory (dedup's
// shingles past their memory budget): appended to through a buffer, read
// back anywhere with pread. It has no name from the moment it is made, so
// nothing is left behind however the run ends, and its pages are the page
// cache's, not the process's resident memory. Every failure (no room, no
// folder, a short read) throws SpillError: spilled data is never guessed.
// Not thread-safe: the owner serialises appends; reads of flushed data may
// run on any thread.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace factline {

/// A spill file could not be made, written or read; the message says which file and why.
struct SpillError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class SpillFile;

/// When a store spills, and where to.
struct SpillOptions {
    std::size_t memory_budget = 0;    // bytes a store may hold in memory; at or past it, it spills
    std::filesystem::path directory;  // of the spill file; empty: $TMPDIR, else /tmp
    std::filesystem::path spill_to;   // test hook: spill to this file as it is (e.g. /dev/full)

    /// The spill file asked for: SpillFile::at(spill_to) if set, else a temporary one.
    [[nodiscard]] SpillFile open() const;
};

class SpillFile {
public:
    /// An unlinked file in `directory`, or, when it is empty, in $TMPDIR, else /tmp.
    [[nodiscard]] static SpillFile temporary(const std::filesystem::path& directory);

    /// `path` itself, opened for reading and writing, never unlinked: a test
    /// hook (/dev/full fails every write as a full disk does).
    [[nodiscard]] static SpillFile at(const std::filesystem::path& path);

    SpillFile(SpillFile&& other) noexcept;
    SpillFile& operator=(SpillFile&& other) noexcept;
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;
    ~SpillFile();

    /// Appends `bytes` bytes and returns the offset they start at.
    std::uint64_t append(const void* data, std::size_t bytes);

    /// Writes out what the buffer holds: appended data can be read only after this.
    void flush();

    /// Reads `bytes` bytes at `offset` (flushed data only).
    void read(std::uint64_t offset, void* data, std::size_t bytes) const;

    /// Where the file was made, for messages.
    [[nodiscard]] const std::string& where() const { return where_; }

private:
    SpillFile(int descriptor, std::string where);
    void write_all(const char* data, std::size_t bytes);

    static constexpr std::size_t buffer_bytes = std::size_t{1} << 20;  // one write a MiB, not one per document

    int descriptor_ = -1;
    std::string where_;
    std::uint64_t written_ = 0;  // bytes in the file (the buffer's start)
    std::vector<char> buffer_;
};

/// Ends a store's spilling: flushes `file`, if it was made and no write
/// failed, then throws SpillError("dedup could not spill <what>: <cause>")
/// if a write or the flush failed.
void finish_spill(std::optional<SpillFile>& file, std::optional<std::string>& failure, std::string_view what);

}  // namespace factline
