// JSON Lines files read a block of lines at a time (issue 7). The whole-file
// path held the raw bytes, then the decoded copy, beside the records made
// from them, and a file over [input] max_file_mb (256 MiB: about 190,000
// articles) was skipped whole, although JSON Lines is how large corpora
// arrive. Here only one block and the records are held, and the size limit
// applies to each record. Anything decode_text() would change (UTF-16/32,
// NULs, invalid UTF-8) sends the file back to the whole-file path, whose
// messages say what was repaired.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checker/ingest.hpp"

namespace factline {

namespace {

/// A file descriptor closed on every way out.
struct OpenFile {
    int fd;
    ~OpenFile() {
        if (fd >= 0) ::close(fd);
    }
};

ssize_t read_some(int fd, char* into, std::size_t size) {
    for (;;) {
        const ssize_t got = ::read(fd, into, size);
        if (got >= 0 || errno != EINTR) return got;
    }
}

}  // namespace

JsonLinesStream stream_json_lines_file(const std::filesystem::path& file, const std::string& path, Corpus& corpus,
                                       int jobs, std::uint64_t max_line_bytes, std::string& reason,
                                       std::size_t block_bytes) {
    const OpenFile in{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) {
        reason = fmt::format("cannot read file: {}", std::strerror(errno));
        return JsonLinesStream::skipped;
    }
    struct stat status {};
    if (::fstat(in.fd, &status) != 0 || !S_ISREG(status.st_mode)) return JsonLinesStream::fall_back;

    Corpus records;  // joins `corpus` only once the whole file has read as plain UTF-8
    std::string buffer;  // the bytes read and not yet given to the record reader
    std::uint32_t lines_before = 0;
    bool file_start = true;
    bool any_text = false;
    // A line longer than the limit is passed over as it is read, not held:
    // it is rejected (as the record reader rejects it) once its end is found.
    bool passing_over = false;
    std::uint64_t passed_bytes = 0;
    const auto reject_passed_line = [&](std::uint64_t bytes) {
        reject_oversized_record(records, path, lines_before + 1, bytes, max_line_bytes);
        any_text = true;
        passing_over = false;
        passed_bytes = 0;
    };
    // Every byte is checked once, in file order, as part of a run of whole
    // lines or of a line being passed over.
    const auto plain = [&](std::string_view bytes) {
        const bool ok = decodes_to_itself(bytes, file_start);
        file_start = file_start && bytes.empty();
        return ok;
    };
    for (bool at_end = false; !at_end;) {
        const std::size_t kept = buffer.size();
        buffer.resize(kept + block_bytes);
        const ssize_t got = read_some(in.fd, buffer.data() + kept, block_bytes);
        if (got < 0) {
            reason = fmt::format("cannot read file: {}", std::strerror(errno));
            return JsonLinesStream::skipped;
        }
        buffer.resize(kept + static_cast<std::size_t>(got));
        at_end = got == 0;
        // Whole lines only (a line break never falls inside a UTF-8 sequence); at the end, everything.
        const std::size_t last_break = buffer.rfind('\n');
        const std::size_t whole = at_end ? buffer.size() : (last_break == std::string::npos ? 0 : last_break + 1);
        std::string_view lines(buffer.data(), whole);
        const bool starts_file = file_start;
        if (!plain(lines)) return JsonLinesStream::fall_back;
        if (starts_file && lines.substr(0, 3) == "\xEF\xBB\xBF") lines.remove_prefix(3);  // as decode_text drops it
        if (passing_over && !lines.empty()) {
            const std::size_t end = std::min(lines.find('\n'), lines.size());
            reject_passed_line(passed_bytes + end - (end > 0 && lines[end - 1] == '\r' ? 1 : 0));
            ++lines_before;
            lines.remove_prefix(std::min(end + 1, lines.size()));
        }
        any_text = any_text || !is_blank(lines);
        // Mid-file, `lines` ends with a line break, so the last line read is the last of the run.
        lines_before = read_json_lines_block(lines, lines_before, path, records, jobs, max_line_bytes);
        buffer.erase(0, whole);
        if (!at_end && buffer.size() > 1 && buffer.size() - 1 > max_line_bytes) {  // (no overflow at UINT64_MAX)
            // No line break within the limit (a '\r' aside): too large, whatever follows.
            if (!plain(buffer)) return JsonLinesStream::fall_back;
            passing_over = true;
            passed_bytes += buffer.size();
            buffer.clear();
        }
    }
    if (passing_over) reject_passed_line(passed_bytes);
    if (!any_text) {
        reason = "empty file";
        return JsonLinesStream::skipped;
    }
    corpus.append(std::move(records));
    return JsonLinesStream::read;
}

}  // namespace factline
