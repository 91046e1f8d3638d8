// report.html from a hand-built RunOutput: self-contained (CSP, no external
// resources), every corpus string escaped, an anchor per finding with filter
// attributes, an SVG timeline per (subject, topic), deterministic bytes.
#include <algorithm>
#include <gtest/gtest.h>
#include <sstream>

#include "reports/html_writer.hpp"
#include "reports/report_text.hpp"
#include "tests/reports/sample_run.hpp"
#include "tests/support/temp_dir.hpp"

namespace factline {
namespace {

using testing::sample_context;
using testing::sample_run;

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) ++n;
    return n;
}

TEST(HtmlWriter, IsOneSelfContainedPage) {
    const std::string html = render_html(sample_run(), sample_context());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"),
              std::string::npos);
    // No external resource of any kind: the only URL is the SVG namespace name.
    const char* forbidden[] = {"<link", "@import", "url(", "<iframe", " src=\"", "http://", "https://"};
    std::string without_namespace = html;
    for (auto pos = without_namespace.find("http://www.w3.org/2000/svg"); pos != std::string::npos;
         pos = without_namespace.find("http://www.w3.org/2000/svg")) {
        without_namespace.erase(pos, 26);
    }
    for (const char* needle : forbidden) EXPECT_EQ(without_namespace.find(needle), std::string::npos) << needle;
    EXPECT_EQ(count(html, "<script"), 1u);  // our own filter script, nothing else
    EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(HtmlWriter, EscapesAllCorpusText) {
    const std::string html = render_html(sample_run(), sample_context());
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find('\x07'), std::string::npos);
    EXPECT_EQ(html.find('\x1b'), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
    EXPECT_NE(html.find("\u2407\u241b"), std::string::npos);  // BEL and ESC as control pictures
    // The script only toggles `hidden` and writes a count through textContent.
    const std::string script(html_filter_script());
    EXPECT_EQ(script.find("innerHTML"), std::string::npos);
    EXPECT_EQ(script.find("outerHTML"), std::string::npos);
    EXPECT_EQ(script.find("insertAdjacentHTML"), std::string::npos);
    EXPECT_EQ(script.find("document.write"), std::string::npos);
}

TEST(HtmlWriter, EachFindingHasAnAnchoredSectionWithFilterAttributes) {
    const std::string html = render_html(sample_run(), sample_context());
    const char* sections[] = {
        "<section id=\"F-headline01\" class=\"finding sev-error\" data-kind=\"headline_body\" data-severity=\"error\" "
        "data-subject=\"zaporizhzhia\" data-outlet=\"Herald\">",
        "<section id=\"F-shift01\" class=\"finding sev-warning\" data-kind=\"position_shift\" "
        "data-severity=\"warning\" data-subject=\"russia\" data-outlet=\"Herald|Wire\">",
        // A '|' inside an outlet name becomes '/', so it cannot split the list.
        "<section id=\"F-dispute01\" class=\"finding sev-info\" data-kind=\"dispute\" data-severity=\"info\" "
        "data-subject=\"kherson\" data-outlet=\"Herald|Wire/Wire2\">",
    };
    for (const char* section : sections) EXPECT_NE(html.find(section), std::string::npos) << section;
    EXPECT_LT(html.find("id=\"F-headline01\""), html.find("id=\"F-shift01\""));
    EXPECT_LT(html.find("id=\"F-shift01\""), html.find("id=\"F-dispute01\""));
    EXPECT_NE(html.find("<form id=\"filters\" class=\"filters\" hidden>"), std::string::npos);
    EXPECT_NE(html.find("<option value=\"Wire/Wire2\">Wire/Wire2</option>"), std::string::npos);
}

TEST(HtmlWriter, DrawsOneSvgTimelinePerDatedSubjectAndTopic) {
    const std::string html = render_html(sample_run(), sample_context());
    EXPECT_EQ(count(html, "<svg "), 3u);  // kherson/status, russia/negotiation, zaporizhzhia/control
    EXPECT_EQ(count(html, "<section id=\"T-"), 3u);
    EXPECT_NE(html.find("<section id=\"T-russia-negotiation\" class=\"timeline\" data-subject=\"russia\""),
              std::string::npos);
    // Evidence of a finding is ringed and links to the finding.
    EXPECT_NE(html.find("<a href=\"#F-shift01\"><circle class=\"hit\""), std::string::npos);
    // The undated assertion is listed apart, not drawn.
    EXPECT_NE(html.find("<h4>Undated</h4>"), std::string::npos);
    EXPECT_NE(html.find("undated russia/peskov: open — /srv/corpus/b.txt:4"), std::string::npos);
    EXPECT_EQ(count(html, "<circle"), 5u);  // 6 assertions, one undated
}

TEST(HtmlWriter, TimelinePlacesMarkersByDateAndRowByHolderGroup) {
    const RunOutput run = sample_run();
    const auto all = report_timelines(run.assertions);
    const EvidenceIndex index(run.findings);
    const std::string svg = render_timeline_svg(all[0], index);  // kherson/status: russia 2022, ukraine 2023
    // Every `cx="N" cy="M"` pair (a scan, not std::regex: GCC 12 warns inside <regex> under the sanitizers).
    std::vector<std::pair<int, int>> points;
    for (std::size_t at = svg.find("cx=\""); at != std::string::npos; at = svg.find("cx=\"", at + 1)) {
        const std::size_t cy = svg.find("\" cy=\"", at);
        if (cy == std::string::npos) break;
        points.emplace_back(std::stoi(svg.substr(at + 4)), std::stoi(svg.substr(cy + 6)));
    }
    ASSERT_EQ(points.size(), 2u) << svg;
    EXPECT_LT(points[0].first, points[1].first);   // earlier date further left
    EXPECT_LT(points[0].second, points[1].second); // rows: russia above ukraine
    EXPECT_NE(svg.find(">2022-11-11</text>"), std::string::npos);
    EXPECT_NE(svg.find(">2023-03-03</text>"), std::string::npos);
}

TEST(HtmlWriter, ListsSourcesSkippedInputsAndStaleIgnores) {
    RunOutput run = sample_run();
    run.stale_ignores.push_back(IgnoreEntry{"F-old", "", "", "<b>why</b>", 7, 1});
    const std::string html = render_html(run, sample_context());
    EXPECT_NE(html.find("<td rowspan=\"2\">c1 (2 copies)</td>"), std::string::npos);
    EXPECT_NE(html.find("<tr><td class=\"loc\">/srv/corpus/bin.dat</td><td>binary file</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<td>id F-old</td><td>&lt;b&gt;why&lt;/b&gt;</td>"), std::string::npos);
}

TEST(HtmlWriter, OutputIsDeterministicAndIndependentOfInputOrder) {
    RunOutput run = sample_run();
    const std::string first = render_html(run, sample_context());
    EXPECT_EQ(first, render_html(run, sample_context()));
    std::reverse(run.findings.begin(), run.findings.end());
    std::reverse(run.assertions.begin(), run.assertions.end());
    EXPECT_EQ(first, render_html(run, sample_context()));
}

TEST(HtmlWriter, EmptyRunIsStillAPage) {
    const std::string html = render_html(RunOutput{}, sample_context());
    EXPECT_NE(html.find("</html>\n"), std::string::npos);
    EXPECT_EQ(html.find("<svg"), std::string::npos);
    EXPECT_EQ(html.find("<form id=\"filters\""), std::string::npos);
}

TEST(HtmlWriter, WritesReportHtmlIntoTheOutputFolder) {
    // A fresh folder: one named by the pid alone may hold a report.html left
    // by an earlier process of that pid, which would pass for this one's.
    const testing::TempDir temp("factline-html-writer");
    const std::filesystem::path& dir = temp.path();
    HtmlWriter writer;
    Diagnostics diagnostics;
    std::ostringstream stream;
    writer.write(sample_run(), sample_context(), dir, stream, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    ASSERT_EQ(writer.outputs(dir), std::vector<std::string>{(dir / "report.html").string()});
    EXPECT_GT(std::filesystem::file_size(dir / "report.html"), 5000u);
}

}  // namespace
}  // namespace factline
