#include "checker/ingest_walk.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

#include "checker/manifest_keys.hpp"

namespace factline {

namespace fs = std::filesystem;

namespace {

constexpr const char* sidecar_name = "sources.toml";

}  // namespace

void list_walk(const fs::path& root, std::vector<WalkEntry>& entries, std::vector<std::string>& sidecars) {
    std::vector<std::string> pending{""};
    while (!pending.empty()) {
        const std::string relative_dir = std::move(pending.back());
        pending.pop_back();
        std::error_code ec;
        fs::directory_iterator it(root / relative_dir, ec);
        if (ec) {
            entries.push_back({relative_dir, fmt::format("cannot read folder: {}", ec.message()), true});
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            std::string relative = relative_dir.empty() ? name : relative_dir + "/" + name;
            // The entry's type as the folder listing gave it (no stat per file);
            // a link is followed, as status() would.
            std::error_code status_ec;
            if (it->is_directory(status_ec)) {
                // Dot folders (.git, .cache) hold no articles; linked folders could loop.
                if (name.front() == '.') continue;
                if (it->is_symlink(status_ec)) {
                    entries.push_back({std::move(relative), "link to a folder (not followed)", false});
                } else {
                    pending.push_back(std::move(relative));
                }
                continue;
            }
            if (name == sidecar_name) {
                sidecars.push_back(std::move(relative));
            } else {
                // The listing's own type (no system call where the file system gives one;
                // directory_entry::symlink_status() would always ask).
                const bool plain = !it->is_symlink(status_ec) && !status_ec && it->is_regular_file(status_ec);
                entries.push_back({std::move(relative), {}, false, plain && !status_ec});
            }
        }
        if (ec) entries.push_back({relative_dir, fmt::format("cannot read folder: {}", ec.message()), true});
    }
}

bool is_plain_relative(std::string_view path) {
    if (path.empty()) return false;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view name = path.substr(start, end - start);
        if (name.empty() || name == "." || name == "..") return false;
        if (end == path.size()) return true;
        start = end + 1;
    }
}

std::optional<std::string> PlainFiles::key(const std::string& folder, const std::string& written) const {
    if (!folder_key_ || !is_plain_relative(written)) return std::nullopt;
    const std::string relative = folder + written;
    const auto it = std::lower_bound(sorted_.begin(), sorted_.end(), relative,
                                     [](const WalkEntry& entry, const std::string& r) { return entry.relative < r; });
    if (it == sorted_.end() || it->relative != relative || !it->plain || !it->reason.empty()) return std::nullopt;
    return ManifestKeys::below(*folder_key_, relative);
}

void SidecarRecord::add(const std::string& file, std::vector<SourceEntry> read) {
    metadata.reserve(metadata.size() + read.size());
    entries.reserve(entries.size() + read.size());
    for (auto& entry : read) {
        metadata.insert_or_assign(entry.key, entry.meta);
        entries.emplace_back(file, std::move(entry));
    }
}

void SidecarRecord::append(SidecarRecord later) {
    if (metadata.empty()) {
        metadata = std::move(later.metadata);
    } else {
        for (auto& [key, meta] : later.metadata) metadata.insert_or_assign(key, std::move(meta));
    }
    if (entries.empty()) {
        entries = std::move(later.entries);
    } else {
        entries.insert(entries.end(), std::make_move_iterator(later.entries.begin()),
                       std::make_move_iterator(later.entries.end()));
    }
}

}  // namespace factline
