// JSON Lines files read a block of lines at a time (issue 7). The whole-file
// path held the raw bytes, then the decoded copy, beside the records made
// from them, and a file over [input] max_file_mb (256 MiB: about 190,000
// articles) was skipped whole, although JSON Lines is how large corpora
// arrive. Here only one block and the records are held, and the size limit
// applies to each record. Anything decode_text() would change (UTF-16/32,
// NULs, invalid UTF-8) sends the file back to the whole-file path, whose
// messages say what was repaired.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <memory>
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

/// The bytes read and not yet given to the record reader, in one allocation
/// reused block after block. A std::string resized for each read zero-filled
/// the block first and, with a line carried over, moved to a buffer twice the
/// size: 48 MiB of fresh pages for a 27 MB file, each page a fault (issue 7).
class ReadBuffer {
public:
    explicit ReadBuffer(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

    /// Reads what fits after the kept bytes (growing only when they fill the
    /// buffer: a line longer than a block). 0 at the end of the file, -1 on error.
    ssize_t read_from(int fd) {
        if (!data_) data_ = std::make_unique_for_overwrite<char[]>(capacity_);  // read() fills it
        if (size_ == capacity_) grow();
        const ssize_t got = read_some(fd, data_.get() + size_, capacity_ - size_);
        if (got > 0) size_ += static_cast<std::size_t>(got);
        return got;
    }

    [[nodiscard]] std::string_view bytes() const { return {data_.get(), size_}; }
    void drop_front(std::size_t count) {
        std::memmove(data_.get(), data_.get() + count, size_ - count);
        size_ -= count;
    }
    void clear() { size_ = 0; }

private:
    void grow() {
        auto larger = std::make_unique_for_overwrite<char[]>(capacity_ * 2);
        std::memcpy(larger.get(), data_.get(), size_);
        data_ = std::move(larger);
        capacity_ *= 2;
    }

    std::unique_ptr<char[]> data_;
    std::size_t capacity_;
    std::size_t size_ = 0;
};

/// How one pass over a file's lines ended.
enum class PassEnd { done, not_plain, read_error, stopped };

/// One pass over the file at `fd` from its start, a run of whole lines at a
/// time: `on_lines(lines)` for each run (false: stop), `on_passed_line(bytes)`
/// for a line longer than `max_line_bytes`, which is passed over as it is
/// read, not held. With `check_plain`, every byte is checked once, in file
/// order, as part of a run of whole lines or of a line being passed over,
/// and the pass ends at the first that decode_text() would change.
template <typename OnLines, typename OnPassedLine>
PassEnd pass_over_lines(int fd, std::size_t block_bytes, std::uint64_t max_line_bytes, bool check_plain,
                        OnLines on_lines, OnPassedLine on_passed_line) {
    ReadBuffer buffer(block_bytes);
    bool file_start = true;
    bool passing_over = false;
    std::uint64_t passed_bytes = 0;
    const auto plain = [&](std::string_view bytes) {
        const bool ok = !check_plain || decodes_to_itself(bytes, file_start);
        file_start = file_start && bytes.empty();
        return ok;
    };
    for (bool at_end = false; !at_end;) {
        const ssize_t got = buffer.read_from(fd);
        if (got < 0) return PassEnd::read_error;
        at_end = got == 0;
        // Whole lines only (a line break never falls inside a UTF-8 sequence); at the end, everything.
        const std::string_view read = buffer.bytes();
        const std::size_t last_break = read.rfind('\n');
        const std::size_t whole = at_end ? read.size() : (last_break == std::string_view::npos ? 0 : last_break + 1);
        std::string_view lines = read.substr(0, whole);
        const bool starts_file = file_start;
        if (!plain(lines)) return PassEnd::not_plain;
        if (starts_file && lines.substr(0, 3) == "\xEF\xBB\xBF") lines.remove_prefix(3);  // as decode_text drops it
        if (passing_over && !lines.empty()) {
            const std::size_t end = std::min(lines.find('\n'), lines.size());
            on_passed_line(passed_bytes + end - (end > 0 && lines[end - 1] == '\r' ? 1 : 0));
            passing_over = false;
            passed_bytes = 0;
            lines.remove_prefix(std::min(end + 1, lines.size()));
        }
        // Mid-file, `lines` ends with a line break, so the last line read is the last of the run.
        if (!on_lines(lines)) return PassEnd::stopped;
        buffer.drop_front(whole);
        const std::string_view kept = buffer.bytes();
        if (!at_end && kept.size() > 1 && kept.size() - 1 > max_line_bytes) {  // (no overflow at UINT64_MAX)
            // No line break within the limit (a '\r' aside): too large, whatever follows.
            if (!plain(kept)) return PassEnd::not_plain;
            passing_over = true;
            passed_bytes += kept.size();
            buffer.clear();
        }
    }
    if (passing_over) on_passed_line(passed_bytes);
    return PassEnd::done;
}

}  // namespace

JsonLinesStream stream_json_lines_file(const std::filesystem::path& file, const std::string& path, Corpus& corpus,
                                       int jobs, std::uint64_t max_line_bytes, std::string& reason,
                                       std::size_t block_bytes, const JsonLinesHandOver* hand_over) {
    const OpenFile in{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
    const auto cannot_read = [&] {
        reason = fmt::format("cannot read file: {}", std::strerror(errno));
        return JsonLinesStream::skipped;
    };
    if (in.fd < 0) return cannot_read();
    struct stat status {};
    if (::fstat(in.fd, &status) != 0 || !S_ISREG(status.st_mode)) return JsonLinesStream::fall_back;

    // A large file is checked whole first when its records may be handed on
    // as they are read: once they are, nothing can send the file back.
    // Checking is most of a pass's work, so the read after it checks nothing.
    bool checked = false;
    if (hand_over != nullptr && static_cast<std::uint64_t>(status.st_size) > hand_over->above_bytes) {
        const auto ignore_lines = [](std::string_view) { return true; };
        const auto ignore_passed = [](std::uint64_t) {};
        switch (pass_over_lines(in.fd, block_bytes, max_line_bytes, true, ignore_lines, ignore_passed)) {
            case PassEnd::read_error: return cannot_read();
            case PassEnd::not_plain: return JsonLinesStream::fall_back;
            case PassEnd::done:
            case PassEnd::stopped: break;
        }
        if (::lseek(in.fd, 0, SEEK_SET) != 0) return cannot_read();
        checked = true;
    }

    Corpus records;  // joins `corpus` only once the whole file has read as plain UTF-8 (unless checked)
    Corpus& into = checked ? corpus : records;
    std::uint32_t lines_before = 0;
    bool any_text = false;
    const auto read_lines = [&](std::string_view lines) {
        any_text = any_text || !is_blank(lines);
        lines_before = read_json_lines_block(lines, lines_before, path, into, jobs, max_line_bytes);
        return !checked || hand_over->after_block();
    };
    // Rejected as the record reader rejects a line over the limit, once its end is found.
    const auto reject_passed_line = [&](std::uint64_t bytes) {
        reject_oversized_record(into, path, lines_before + 1, bytes, max_line_bytes);
        any_text = true;
        ++lines_before;
    };
    switch (pass_over_lines(in.fd, block_bytes, max_line_bytes, !checked, read_lines, reject_passed_line)) {
        case PassEnd::read_error: return cannot_read();
        case PassEnd::not_plain: return JsonLinesStream::fall_back;
        case PassEnd::stopped: return JsonLinesStream::read;  // the run is abandoned: what was read is handed on
        case PassEnd::done: break;
    }
    if (!any_text) {
        reason = "empty file";
        return JsonLinesStream::skipped;
    }
    if (!checked) corpus.append(std::move(records));
    return JsonLinesStream::read;
}

}  // namespace factline
