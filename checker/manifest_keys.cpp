#include "checker/manifest_keys.hpp"

#include <sys/stat.h>

#include "checker/ingest.hpp"

namespace factline {

namespace fs = std::filesystem;

ManifestKeys::ManifestKeys() {
    std::error_code ec;
    fs::path working = fs::current_path(ec);
    if (!ec) working_folder_ = std::move(working);
}

std::optional<std::string> ManifestKeys::folder_key(const fs::path& folder) {
    const std::string name = folder.native();
    {
        std::lock_guard lock(mutex_);
        if (auto it = folders_.find(name); it != folders_.end()) return it->second;
    }
    // Canonical only when the folder exists: weakly_canonical of a missing one is lexical.
    std::error_code ec;
    std::optional<std::string> key;
    if (fs::is_directory(folder, ec)) key = manifest_key(folder);
    std::lock_guard lock(mutex_);
    return folders_.emplace(name, std::move(key)).first->second;
}

std::optional<std::string> ManifestKeys::walked_folder_key(const fs::path& folder) {
    if (!working_folder_) return std::nullopt;
    // Without the separators a walked root may end in ("articles/"): key()
    // asks about a file's parent_path(), which has none.
    std::string name = folder.native();
    while (name.size() > 1 && name.back() == '/') name.pop_back();
    const fs::path plain(name);
    return folder_key(plain.is_absolute() ? plain : *working_folder_ / plain);
}

std::string ManifestKeys::below(const std::string& folder_key, std::string_view relative) {
    std::string key;
    key.reserve(folder_key.size() + 1 + relative.size());
    key += folder_key;
    if (key.empty() || key.back() != '/') key += '/';  // the root folder's key is "/"
    key += relative;
    return key;
}

std::string ManifestKeys::key(const fs::path& path) {
    const fs::path name = path.filename();
    if (!working_folder_ || name.empty() || name == "." || name == "..") return manifest_key(path);
    // fs::absolute(path) is the working folder joined with a relative path.
    const fs::path absolute = path.is_absolute() ? path : *working_folder_ / path;
    // A plain entry (not a link) of an existing folder: canonical(folder)/name
    // is canonical(folder/name). Everything else is resolved in full.
    struct stat status {};
    if (::lstat(absolute.c_str(), &status) != 0 || S_ISLNK(status.st_mode)) return manifest_key(path);
    const auto folder = folder_key(absolute.parent_path());
    if (!folder) return manifest_key(path);
    return (fs::path(*folder) / name).generic_string();
}

}  // namespace factline
