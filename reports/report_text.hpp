#pragma once
// The work every report writer shares: escaping (HTML, Markdown, control
// characters), quote truncation, relative artifact URIs, date + provenance
// labels, and the stable orderings and groupings a report shows (findings by
// severity, counts by kind, per-(subject, topic) timelines, source clusters).
// It only reshapes a RunOutput for display: it never computes findings and
// reads no clock, so the same run always gives the same text.
#include <array>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "checker/diagnostic.hpp"
#include "checker/pipeline.hpp"

namespace factline {

// --- escaping and text ------------------------------------------------------

/// C0 controls and DEL become their visible Unicode control pictures (U+2400…);
/// tab, CR and LF become a space. Everything else is unchanged.
[[nodiscard]] std::string visible_controls(std::string_view text);

/// HTML text and attribute escaping: & < > " ' plus visible_controls().
[[nodiscard]] std::string escape_html(std::string_view text);

/// Corpus text inside Markdown prose: backslash-escapes the characters that
/// would start markup or raw HTML on GitHub, plus visible_controls().
[[nodiscard]] std::string escape_markdown(std::string_view text);

/// A Markdown table cell: escape_markdown() and `|` escaped; never empty ("—").
[[nodiscard]] std::string markdown_cell(std::string_view text);

/// At most `max_code_points` code points, cut at a code-point boundary, with "…"
/// appended when anything was cut.
[[nodiscard]] std::string truncate_text(std::string_view text, std::size_t max_code_points = 200);

// --- paths ------------------------------------------------------------------

/// RFC 3986 percent-encoding of a path: unreserved characters and '/' stay.
[[nodiscard]] std::string percent_encode_path(std::string_view path);

/// A document's SARIF artifact URI: relative to `root` (forward slashes,
/// percent-encoded) when the document lies under it, else a file:// URI for
/// absolute paths, else the path as given.
struct ArtifactUri {
    std::string uri;
    bool relative_to_root = false;
};
[[nodiscard]] ArtifactUri artifact_uri(std::string_view doc, const std::filesystem::path& root);

/// "doc:line:col" (or "doc:line" when col is 0), the path as the user gave it.
[[nodiscard]] std::string location_label(std::string_view doc, std::uint32_t line, std::uint32_t col);

// --- dates ------------------------------------------------------------------

/// "2022-11-11 (dateline)", or "undated" when the date is unknown.
[[nodiscard]] std::string dated_label(const std::optional<CivilDate>& date, DateSource source);

// --- ordering and grouping --------------------------------------------------

/// Findings by severity (error first), kind, topic, subject, id.
[[nodiscard]] std::vector<const Finding*> ordered_findings(const std::vector<Finding>& findings);

/// "holder_group/holder", or just the group when the holder is the group.
[[nodiscard]] std::string holder_label(std::string_view holder_group, std::string_view holder);

/// Finding counts for one kind, indexed by Severity (info, warning, error).
struct KindCounts {
    std::string kind;
    std::array<std::size_t, 3> by_severity{};
    [[nodiscard]] std::size_t total() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
};

/// The numbers at the top of every report.
struct ReportSummary {
    std::size_t processed = 0;
    std::size_t skipped = 0;
    std::size_t assertions = 0;
    std::size_t findings = 0;
    std::vector<KindCounts> by_kind;  // sorted by kind
    std::size_t baseline_new = 0;
    std::size_t baseline_present = 0;
    std::size_t resolved = 0;
};
[[nodiscard]] ReportSummary summarise(const RunOutput& run);

/// The assertions about one (subject, topic), dated ones by date, undated apart.
struct ReportTimeline {
    std::string subject;
    std::string topic;
    std::vector<const Assertion*> dated;    // by stated date, doc, line, col
    std::vector<const Assertion*> undated;  // by doc, line, col
    std::vector<std::string> holder_groups; // sorted, one row each in the HTML chart
    std::vector<std::string> values;        // sorted; a value's index picks its colour
};
/// Timelines sorted by subject, then topic.
[[nodiscard]] std::vector<ReportTimeline> report_timelines(const std::vector<Assertion>& assertions);

/// Which finding (first by ordered_findings) cites a given assertion's evidence.
class EvidenceIndex {
public:
    explicit EvidenceIndex(const std::vector<Finding>& findings);
    /// The id of a finding whose evidence is this assertion, or "" when none.
    [[nodiscard]] std::string finding_for(const Assertion& assertion) const;

private:
    using Key = std::tuple<std::string, std::string, std::string, std::uint32_t, std::uint32_t>;
    std::map<Key, std::string> ids_;
};

/// One syndication cluster (or a lone document) in the sources table.
struct SourceCluster {
    std::string cluster;                       // "" for a document without a cluster id
    std::vector<const DocumentRecord*> members;  // sorted by doc
};
/// Processed documents grouped by cluster, clusters in order of their first document.
[[nodiscard]] std::vector<SourceCluster> source_clusters(const std::vector<DocumentRecord>& documents);

/// Skipped documents, sorted by doc.
[[nodiscard]] std::vector<const DocumentRecord*> skipped_documents(const std::vector<DocumentRecord>& documents);

/// What an [[ignore]] entry matches, in words: "id F-…", "kind dispute", "kind dispute, subject crimea".
[[nodiscard]] std::string describe_ignore(const IgnoreEntry& entry);

/// The evidence a finding is located at (first evidence of the first side that has one).
[[nodiscard]] const FindingEvidence* primary_evidence(const Finding& finding);

// --- output -----------------------------------------------------------------

/// Writes `content` to `path` byte for byte; a failure becomes an output.unwritable error.
bool write_text_file(const std::filesystem::path& path, std::string_view content, Diagnostics& diagnostics);

}  // namespace factline
