#include "checker/spill_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <utility>

namespace factline {

namespace {

std::filesystem::path temporary_folder(const std::filesystem::path& directory) {
    if (!directory.empty()) return directory;
    const char* tmpdir = std::getenv("TMPDIR");
    return tmpdir != nullptr && *tmpdir != '\0' ? std::filesystem::path(tmpdir) : std::filesystem::path("/tmp");
}

std::string error_text() { return std::strerror(errno); }

}  // namespace

SpillFile SpillFile::temporary(const std::filesystem::path& directory) {
    const std::filesystem::path folder = temporary_folder(directory);
    std::string name = (folder / "factline-spill-XXXXXX").string();
    const int descriptor = ::mkostemp(name.data(), O_CLOEXEC);
    if (descriptor < 0) {
        throw SpillError(fmt::format("cannot make a temporary file in {}: {} (set TMPDIR to a writable folder)",
                                     folder.string(), error_text()));
    }
    // Unlinked at once: the data lives as long as the descriptor, and no
    // crash leaves a file behind.
    ::unlink(name.c_str());
    return SpillFile(descriptor, fmt::format("a temporary file in {}", folder.string()));
}

SpillFile SpillFile::at(const std::filesystem::path& path) {
    const int descriptor = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (descriptor < 0) throw SpillError(fmt::format("cannot open {}: {}", path.string(), error_text()));
    return SpillFile(descriptor, path.string());
}

SpillFile SpillOptions::open() const {
    return spill_to.empty() ? SpillFile::temporary(directory) : SpillFile::at(spill_to);
}

SpillFile::SpillFile(int descriptor, std::string where) : descriptor_(descriptor), where_(std::move(where)) {
    buffer_.reserve(buffer_bytes);
}

SpillFile::SpillFile(SpillFile&& other) noexcept
    : descriptor_(std::exchange(other.descriptor_, -1)),
      where_(std::move(other.where_)),
      written_(other.written_),
      buffer_(std::move(other.buffer_)) {}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
    if (this != &other) {
        if (descriptor_ >= 0) ::close(descriptor_);
        descriptor_ = std::exchange(other.descriptor_, -1);
        where_ = std::move(other.where_);
        written_ = other.written_;
        buffer_ = std::move(other.buffer_);
    }
    return *this;
}

SpillFile::~SpillFile() {
    if (descriptor_ >= 0) ::close(descriptor_);
}

std::uint64_t SpillFile::append(const void* data, std::size_t bytes) {
    const std::uint64_t offset = written_ + buffer_.size();
    const auto* first = static_cast<const char*>(data);
    if (buffer_.size() + bytes > buffer_bytes) flush();
    if (bytes >= buffer_bytes) {
        write_all(first, bytes);
    } else {
        buffer_.insert(buffer_.end(), first, first + bytes);
    }
    return offset;
}

void SpillFile::flush() {
    if (buffer_.empty()) return;
    write_all(buffer_.data(), buffer_.size());
    buffer_.clear();
}

void SpillFile::write_all(const char* data, std::size_t bytes) {
    while (bytes > 0) {
        const ssize_t done = ::write(descriptor_, data, bytes);
        if (done < 0 && errno == EINTR) continue;
        if (done <= 0) {
            throw SpillError(fmt::format("cannot write {} bytes to {}: {} (set TMPDIR to a folder with room)", bytes,
                                         where_, done < 0 ? error_text() : "nothing written"));
        }
        data += done;
        bytes -= static_cast<std::size_t>(done);
        written_ += static_cast<std::uint64_t>(done);
    }
}

void SpillFile::read(std::uint64_t offset, void* data, std::size_t bytes) const {
    auto* out = static_cast<char*>(data);
    while (bytes > 0) {
        const ssize_t done = ::pread(descriptor_, out, bytes, static_cast<off_t>(offset));
        if (done < 0 && errno == EINTR) continue;
        if (done <= 0) {
            throw SpillError(fmt::format("cannot read {} bytes at offset {} of {}: {}", bytes, offset, where_,
                                         done < 0 ? error_text() : "the file ended early"));
        }
        out += done;
        bytes -= static_cast<std::size_t>(done);
        offset += static_cast<std::uint64_t>(done);
    }
}

void finish_spill(std::optional<SpillFile>& file, std::optional<std::string>& failure, std::string_view what) {
    if (file && !failure) {
        try {
            file->flush();
        } catch (const SpillError& error) {
            failure = error.what();
        }
    }
    if (failure) throw SpillError("dedup could not spill " + std::string(what) + ": " + *failure);
}

}  // namespace factline
