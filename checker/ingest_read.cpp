#include "checker/ingest_read.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checker/ingest.hpp"

namespace factline {

namespace {

/// "12", "1.5": MiB for messages.
std::string mebibytes(std::uint64_t bytes) {
    return fmt::format("{:g}", std::round(static_cast<double>(bytes) / (1024.0 * 1024.0) * 10.0) / 10.0);
}

std::string too_large(std::uint64_t size, std::uint64_t limit) { return too_large_reason("file", size, limit); }

}  // namespace

std::string too_large_reason(std::string_view what, std::uint64_t bytes, std::uint64_t limit) {
    return fmt::format("{} too large ({} MiB > limit {} MiB; raise [input] max_file_mb)", what, mebibytes(bytes),
                       mebibytes(limit));
}

DecodedText decode_input(std::string bytes, const std::string& shown) {
    DecodedText decoded;
    decoded.is_text = decode_text(std::move(bytes), shown, decoded.text, decoded.reason, decoded.messages);
    return decoded;
}

OpenFolder::OpenFolder(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) fd_ = fd;
}

OpenFolder::~OpenFolder() {
    if (is_open()) ::close(fd_);
}

ReadResult read_input_file(const std::string& path, std::uint64_t limit, int folder) {
    // POSIX calls, not the filesystem library and stdio: one open, one fstat
    // and (for a regular file) one read. The fstat asks the open file, not
    // the path again: a folder of small articles spent a path lookup per
    // file on a stat before the open.
    ReadResult result;
    const int file = ::openat(folder, path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0) {
        result.reason = fmt::format("cannot read file: {}", std::strerror(errno));
        return result;
    }
    struct stat status {};
    const bool regular = ::fstat(file, &status) == 0 && S_ISREG(status.st_mode);
    const std::uint64_t size = regular ? static_cast<std::uint64_t>(status.st_size) : 0;
    if (size > limit) {
        ::close(file);
        result.reason = too_large(size, limit);
        return result;
    }
    // One read for a regular file (one byte more than its size, to see it
    // end: a short read of a regular file is its end); chunks for pipes,
    // devices and files that grow. The reserve covers that byte: without it,
    // the read doubled the buffer of a large file.
    std::size_t chunk = regular && size > 0 ? size + 1 : 64 * 1024;
    result.bytes.reserve(chunk);
    int error = 0;
    for (;;) {
        const std::size_t old_size = result.bytes.size();
        result.bytes.resize(old_size + chunk);
        const ssize_t got = ::read(file, result.bytes.data() + old_size, chunk);
        if (got < 0 && errno == EINTR) {
            result.bytes.resize(old_size);
            continue;
        }
        result.bytes.resize(old_size + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
        if (got < 0) {
            error = errno;
            break;
        }
        if (result.bytes.size() > limit) {
            ::close(file);
            result.bytes.clear();
            result.reason = too_large(limit + 1, limit);
            return result;
        }
        // (A regular file that says it is empty, as /proc's do, is read to its end.)
        if (got == 0 || (regular && size > 0 && static_cast<std::size_t>(got) < chunk)) break;
        chunk = 64 * 1024;
    }
    ::close(file);
    if (error != 0) {
        result.bytes.clear();
        result.reason = fmt::format("cannot read file: {}", std::strerror(error));
        return result;
    }
    result.ok = true;
    return result;
}

ReadResult read_input_stream(std::istream& in, std::uint64_t limit) {
    ReadResult result;
    char buffer[64 * 1024];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        result.bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (result.bytes.size() > limit) {
            result.bytes.clear();
            result.reason = too_large(limit + 1, limit);
            return result;
        }
    }
    result.ok = true;
    return result;
}

}  // namespace factline
