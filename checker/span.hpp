#pragma once
// Byte spans into a document's text, and the mapping from byte offsets to the
// 1-based line:column that users see (columns count Unicode code points, as
// SARIF's unicodeCodePoints). Does not own or copy the text.
#include <cstdint>
#include <string_view>
#include <vector>

namespace factline {

/// Half-open byte range [begin, end) into one document's text.
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    [[nodiscard]] std::uint32_t size() const { return end - begin; }
    [[nodiscard]] bool empty() const { return end <= begin; }
    [[nodiscard]] std::string_view of(std::string_view text) const {
        return text.substr(begin, end - begin);
    }
    friend bool operator==(const Span&, const Span&) = default;
};

/// A 1-based position as shown to users.
struct LineCol {
    std::uint32_t line = 1;
    std::uint32_t col = 1;
};

/// Maps byte offsets to line:col. A line ends at "\n", "\r\n" or a lone "\r".
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    /// Position of the byte at `offset` (offsets past the end map to the end).
    [[nodiscard]] LineCol at(std::uint32_t offset) const;
    /// Text of 1-based line `line`, without its line break.
    [[nodiscard]] std::string_view line_text(std::uint32_t line) const;
    [[nodiscard]] std::uint32_t line_count() const {
        return static_cast<std::uint32_t>(starts_.size());
    }

private:
    std::string_view text_;
    std::vector<std::uint32_t> starts_;
};

}  // namespace factline
