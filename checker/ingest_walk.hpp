#pragma once
// What a walk of a folder finds and what its sidecars say, for ingest()
// (ingest.cpp): the listing (without a stat per file), the keys of its plain
// files without a system call, and the sidecars' record. Internal to the
// ingest stage; the public API is ingest.hpp.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "checker/ingest.hpp"

namespace factline {

/// One file found in a directory walk, relative to the walked directory.
struct WalkEntry {
    std::string relative;  // generic '/' separators; the sort key
    std::string reason;    // non-empty: list as skipped with this reason
    bool error = false;    // the reason is also an input error (an unreadable folder)
    bool plain = false;    // a regular file and no link, as the folder listing said: nothing to stat
};

/// Every file and unreadable folder under `root` into `entries` (dot folders
/// and linked folders not entered), its `sources.toml` sidecars (relative
/// paths) into `sidecars`; no order yet.
void list_walk(const std::filesystem::path& root, std::vector<WalkEntry>& entries, std::vector<std::string>& sidecars);

/// True for a relative path of plain names: no "." or ".." and no empty name
/// (as a walk's relative paths are), so that it can be looked up among them.
[[nodiscard]] bool is_plain_relative(std::string_view path);

/// The plain files one walk listed, for the manifest keys of its sidecars'
/// entries: those naming such a file need no system call either (21,577
/// lstat calls and path parses for Reuters' sources.toml: a tenth of the walk).
class PlainFiles {
public:
    /// `sorted`: the walk's entries in order of their relative paths.
    PlainFiles(const std::optional<std::string>& folder_key, const std::vector<WalkEntry>& sorted)
        : folder_key_(folder_key), sorted_(sorted) {}

    /// The key of `written`, as the sidecar of the folder `folder` ("" or
    /// "sub/", relative to the walked one) writes it, when it names a plain
    /// file of the walk; nullopt otherwise.
    [[nodiscard]] std::optional<std::string> key(const std::string& folder, const std::string& written) const;

private:
    const std::optional<std::string>& folder_key_;
    const std::vector<WalkEntry>& sorted_;
};

/// What sidecars said: each file's metadata by manifest key (a later entry
/// wins) and every entry, for the warning about entries naming no file.
struct SidecarRecord {
    std::unordered_map<std::string, SourceMeta> metadata;
    std::vector<std::pair<std::string, SourceEntry>> entries;  // (sidecar file, entry)

    /// The entries of one sidecar, in file order.
    void add(const std::string& file, std::vector<SourceEntry> read);

    /// What sidecars read later said (on another thread: the walk's), as if add() had been called here.
    void append(SidecarRecord later);
};

}  // namespace factline
