#include "checker/span.hpp"

#include <algorithm>

namespace factline {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    // Most texts have no '\r': their lines end only at '\n', which find()
    // (memchr) skips to many bytes at a time; the loop below reads every byte.
    if (text.find('\r') == std::string_view::npos) {
        for (auto i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
            starts_.push_back(static_cast<std::uint32_t>(i + 1));
        }
        return;
    }
    for (std::uint32_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            starts_.push_back(i + 1);
        } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
            starts_.push_back(i + 1);
        }
    }
}

LineCol LineIndex::at(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::uint32_t>(it - starts_.begin());
    const std::uint32_t start = starts_[line - 1];
    std::uint32_t col = 1;
    for (std::uint32_t i = start; i < offset; ++i) {
        // Count code points: continuation bytes (10xxxxxx) do not start one.
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    }
    return {line, col};
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
    if (line == 0 || line > starts_.size()) return {};
    const std::uint32_t begin = starts_[line - 1];
    std::uint32_t end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
    while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
    return text_.substr(begin, end - begin);
}

}  // namespace factline
