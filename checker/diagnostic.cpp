#include "checker/diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace factline {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

void Diagnostics::error(std::string id, std::string path, std::uint32_t line, std::uint32_t col,
                        std::string message) {
    items_.push_back({Severity::error, std::move(id), std::move(path), line, col, std::move(message), {}});
}

void Diagnostics::warning(std::string id, std::string path, std::uint32_t line, std::uint32_t col,
                          std::string message) {
    items_.push_back({Severity::warning, std::move(id), std::move(path), line, col, std::move(message), {}});
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::insert(std::size_t at, const Diagnostics& other) {
    const auto where = items_.begin() + static_cast<std::ptrdiff_t>(std::min(at, items_.size()));
    items_.insert(where, other.items_.begin(), other.items_.end());
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.path;
    if (d.line > 0) {
        out += fmt::format(":{}:{}", d.line, d.col > 0 ? d.col : 1);
    }
    out += fmt::format(": {}: {}", to_string(d.severity), d.message);
    if (!d.id.empty()) out += fmt::format(" [{}]", d.id);
    if (!d.source_line.empty()) {
        out += "\n  " + d.source_line + "\n  ";
        // The caret sits under the column, counted in code points.
        std::uint32_t col = 1;
        for (unsigned char c : d.source_line) {
            if (col >= d.col) break;
            if ((c & 0xC0) != 0x80) {
                out += c == '\t' ? '\t' : ' ';
                ++col;
            }
        }
        out += '^';
    }
    return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t previous = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t saved = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1)});
            previous = saved;
        }
    }
    return row[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace factline
