#pragma once
// manifest_key() for the many files of a few folders. A key is the file's
// canonical path, which the filesystem library finds by resolving every
// component (a readlink and a stat each: a dozen system calls per file, a
// tenth of a 21,577-file walk). Most files are plain entries of a folder
// whose key is already known: their key is that folder's key plus their
// name, at the cost of one lstat. Anything else (a link, a missing file, a
// "..", an error) takes manifest_key() itself, so keys are always the same.
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace factline {

class ManifestKeys {
public:
    ManifestKeys();

    /// manifest_key(path); safe to call from several threads.
    [[nodiscard]] std::string key(const std::filesystem::path& path);

    /// The key of a walked folder, from which below() makes its files'
    /// keys; nullopt when it has none of its own (its files then take key()).
    [[nodiscard]] std::optional<std::string> walked_folder_key(const std::filesystem::path& folder);

    /// key(folder / relative) without a system call, for what a walk found
    /// below a folder whose walked_folder_key() is `folder_key`: `relative`
    /// names plain folders (no links) and, last, a regular file that is no
    /// link either, as the folder listings said ('/' separators, no "." or
    /// ".."). The canonical path of such a file is its folder's and its
    /// relative path: there is no link on the way to resolve.
    [[nodiscard]] static std::string below(const std::string& folder_key, std::string_view relative);

private:
    /// manifest_key(folder) once per folder; nullopt when it failed (its files then take the long way).
    std::optional<std::string> folder_key(const std::filesystem::path& folder);

    std::optional<std::filesystem::path> working_folder_;  // fs::absolute's base, read once
    std::mutex mutex_;
    std::unordered_map<std::string, std::optional<std::string>> folders_;
};

}  // namespace factline
