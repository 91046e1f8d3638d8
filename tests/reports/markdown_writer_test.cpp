// report.md from a hand-built RunOutput: sections, finding tables, timelines,
// sources, skipped inputs, baseline, escaping and determinism.
#include <algorithm>
#include <gtest/gtest.h>
#include <sstream>

#include "reports/markdown_writer.hpp"
#include "tests/reports/sample_run.hpp"
#include "tests/support/temp_dir.hpp"

namespace factline {
namespace {

using testing::sample_context;
using testing::sample_run;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

bool has_line(const std::string& text, const std::string& line) {
    const auto lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

/// Unescaped '|' characters: the column separators of a table row.
std::size_t separators(const std::string& row) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < row.size(); ++i) count += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
    return count;
}

TEST(MarkdownWriter, WritesEveryExpectedLine) {
    const std::string md = render_markdown(sample_run(), sample_context());
    const char* expected[] = {
        "# factline report",
        "## Summary",
        "| 3 | 1 | 6 | 3 |",
        "| dispute | 0 | 0 | 1 | 1 |",
        "| headline_body | 1 | 0 | 0 | 1 |",
        "| position_shift | 0 | 1 | 0 | 1 |",
        "### F-headline01 · headline_body · error",
        "### F-shift01 · position_shift · warning",
        "### F-dispute01 · dispute · info",
        "- **Topic / subject:** negotiation / russia",
        "- **Sides:** impossible (russia, 1 source) ⟷ conditional (russia, 1 source)",
        "> Russia's stance on talks changed from impossible to conditional.",
        "| Value | Holder group | Quote | Speaker | Outlet | Stated (provenance) | Location |",
        "| impossible | russia | “However, peace talks are impossible,” he added. | peskov | Wire | "
        "2022-11-11 (dateline) | /srv/corpus/a.txt:26:1 |",
        "| russia_full | narrator | Russia Takes Full Control of Zaporizhzhia (headline) | narrator | Herald | "
        "2023-03-03 (header) | /srv/corpus/sub dir/c d.txt:1:1 |",
        "## Timelines",
        "### russia",
        "**negotiation**",
        "- 2022-11-11 (dateline) russia/peskov: impossible — /srv/corpus/a.txt:26 ⚑ F-shift01",
        "- 2023-03-03 (header) russia/peskov: conditional — /srv/corpus/sub dir/c d.txt:11 ⚑ F-shift01",
        "- undated russia/peskov: open — /srv/corpus/b.txt:4",
        "## Sources",
        "| c1 (2 copies) | /srv/corpus/a.txt | Wire | 2022-11-11 (dateline) | Kremlin says Kherson status unchanged | 3 |",
        "| c2 | /srv/corpus/sub dir/c d.txt | Herald | 2023-03-03 (header) | "
        "Kremlin says Kherson status unchanged | 2 |",
        "## Skipped inputs",
        "| /srv/corpus/bin.dat | binary file |",
        "## Stale `[[ignore]]` entries",
    };
    for (const char* line : expected) EXPECT_TRUE(has_line(md, line)) << "missing line: " << line << "\n" << md;
}

TEST(MarkdownWriter, FindingsAppearBySeverity) {
    const std::string md = render_markdown(sample_run(), sample_context());
    const auto error = md.find("### F-headline01");
    const auto warning = md.find("### F-shift01");
    const auto info = md.find("### F-dispute01");
    ASSERT_NE(info, std::string::npos);
    EXPECT_LT(error, warning);
    EXPECT_LT(warning, info);
}

TEST(MarkdownWriter, HostileQuoteStaysInOneEscapedCell) {
    const std::string md = render_markdown(sample_run(), sample_context());
    // Every '<' is backslash-escaped, so GitHub renders no raw HTML.
    for (std::size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1)) {
        EXPECT_TRUE(i > 0 && md[i - 1] == '\\') << md.substr(i, 20);
    }
    EXPECT_EQ(md.find('\x07'), std::string::npos);
    EXPECT_EQ(md.find('\x1b'), std::string::npos);
    EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos);
    // Every table row keeps its column count: 8 separators for a finding row.
    bool found = false;
    for (const auto& line : lines_of(md)) {
        if (line.find("alert(1)") == std::string::npos || line.rfind("| ", 0) != 0) continue;
        found = true;
        EXPECT_EQ(separators(line), 8u) << line;
        EXPECT_NE(line.find("\\| pipe next line"), std::string::npos) << line;
    }
    EXPECT_TRUE(found);
}

TEST(MarkdownWriter, LongQuotesAreTruncated) {
    RunOutput run = sample_run();
    run.findings[1].sides[0].evidence[0].text = std::string(300, 'x');
    const std::string md = render_markdown(run, sample_context());
    EXPECT_NE(md.find("| " + std::string(200, 'x') + "… |"), std::string::npos);
    EXPECT_EQ(md.find(std::string(201, 'x')), std::string::npos);
}

TEST(MarkdownWriter, BaselineCountsAndResolvedFindingsOnlyWithABaseline) {
    RunOutput run = sample_run();
    const std::string without = render_markdown(run, sample_context());
    EXPECT_EQ(without.find("baseline"), std::string::npos);

    run.has_baseline = true;
    run.findings[0].baseline = "new";
    run.findings[1].baseline = "present";
    run.findings[2].baseline = "present";
    run.resolved.push_back(testing::sample_finding("F-gone01", "position_shift", Severity::warning, "aims", "any", {},
                                                   "An old shift."));
    const std::string with = render_markdown(run, sample_context());
    EXPECT_TRUE(has_line(with, "Against the baseline: 1 new, 2 still present, 1 resolved.")) << with;
    EXPECT_TRUE(has_line(with, "## Resolved since the baseline"));
    EXPECT_TRUE(has_line(with, "- F-gone01 · position_shift · aims / any: An old shift.")) << with;
    EXPECT_TRUE(has_line(with, "- **Baseline:** new"));
}

TEST(MarkdownWriter, ListsStaleIgnoresAndIgnoredCount) {
    RunOutput run = sample_run();
    run.ignored = 2;
    run.stale_ignores.push_back(IgnoreEntry{"", "dispute", "crimea", "known | accepted", 14, 1});
    const std::string md = render_markdown(run, sample_context());
    EXPECT_TRUE(has_line(md, "Suppressed by `[[ignore]]` entries: 2.")) << md;
    EXPECT_TRUE(has_line(md, "| 14 | kind dispute, subject crimea | known \\| accepted |")) << md;
}

TEST(MarkdownWriter, EmptyRunSaysSo) {
    const std::string md = render_markdown(RunOutput{}, sample_context());
    EXPECT_TRUE(has_line(md, "No findings."));
    EXPECT_TRUE(has_line(md, "No assertions."));
    EXPECT_TRUE(has_line(md, "No documents processed."));
}

TEST(MarkdownWriter, OutputIsDeterministicAndIndependentOfFindingOrder) {
    RunOutput run = sample_run();
    const std::string first = render_markdown(run, sample_context());
    EXPECT_EQ(first, render_markdown(run, sample_context()));
    std::reverse(run.findings.begin(), run.findings.end());
    std::reverse(run.assertions.begin(), run.assertions.end());
    EXPECT_EQ(first, render_markdown(run, sample_context()));
}

TEST(MarkdownWriter, WritesReportMdIntoTheOutputFolder) {
    // A fresh folder: one named by the pid alone may hold a report.md left
    // by an earlier process of that pid, which would pass for this one's.
    const testing::TempDir temp("factline-md-writer");
    const std::filesystem::path& dir = temp.path();
    MarkdownWriter writer;
    Diagnostics diagnostics;
    std::ostringstream stream;
    writer.write(sample_run(), sample_context(), dir, stream, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    EXPECT_TRUE(stream.str().empty());
    ASSERT_EQ(writer.outputs(dir), std::vector<std::string>{(dir / "report.md").string()});
    EXPECT_GT(std::filesystem::file_size(dir / "report.md"), 1000u);
}

}  // namespace
}  // namespace factline
