#pragma once
// Errors and warnings as data (STYLE: "errors stay data until printed"). Every
// stage appends Diagnostics; only format_diagnostic() turns one into text.
#include <cstdint>
#include <string>
#include <vector>

namespace factline {

enum class Severity { info, warning, error };

[[nodiscard]] const char* to_string(Severity severity);

/// One message about a place in a user's file (input, config or rule pack).
/// line/col are 1-based; 0 means "the whole file".
struct Diagnostic {
    Severity severity = Severity::error;
    std::string id;       // e.g. "input.invalid-utf8", "rules.unknown-kind"
    std::string path;     // as the user gave it
    std::uint32_t line = 0;
    std::uint32_t col = 0;
    std::string message;  // starts in lower case
    std::string source_line;  // optional: the offending line, for a caret
};

/// Collects diagnostics; user errors make the run exit 2.
class Diagnostics {
public:
    void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
    void error(std::string id, std::string path, std::uint32_t line, std::uint32_t col, std::string message);
    void warning(std::string id, std::string path, std::uint32_t line, std::uint32_t col, std::string message);
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
    void append(const Diagnostics& other);
    /// Puts `other`'s items before item `at` (or at the end when `at` is past it).
    void insert(std::size_t at, const Diagnostics& other);

private:
    std::vector<Diagnostic> items_;
};

/// GNU format: `path:line:col: severity: message [id]`, then the source line
/// and a caret when known (ninja style).
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

/// Levenshtein distance, for "did you mean 'x'?" hints.
[[nodiscard]] std::size_t edit_distance(const std::string& a, const std::string& b);
/// The closest candidate within a small distance, or "" when none is close.
[[nodiscard]] std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace factline
