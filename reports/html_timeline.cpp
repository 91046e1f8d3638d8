// The inline SVG chart of one (subject, topic) timeline in report.html.
// Coordinates are whole pixels computed from day numbers, so the markup is the
// same on every run and every machine.
#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "reports/html_writer.hpp"
#include "reports/report_text.hpp"

namespace factline {

namespace {

constexpr int width = 760;
constexpr int label_width = 120;  // holder-group names left of the plot
constexpr int right_pad = 30;
constexpr int top_pad = 14;
constexpr int row_height = 30;
constexpr int axis_height = 34;
constexpr int marker_inset = 12;  // keeps the first and last markers inside the frame
constexpr int duplicate_step = 9; // markers on the same day and row are spread sideways

struct Scale {
    std::int64_t first = 0;
    std::int64_t last = 0;
    [[nodiscard]] int x(std::int64_t day) const {
        const int left = label_width + marker_inset;
        const int right = width - right_pad - marker_inset;
        if (last == first) return (left + right) / 2;
        return left + static_cast<int>((day - first) * (right - left) / (last - first));
    }
};

void axis(std::string& out, const Scale& scale, int y) {
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/>\n", label_width, y,
                       width - right_pad, y);
    std::vector<std::int64_t> ticks;
    const int count = scale.last == scale.first ? 1 : 5;
    for (int i = 0; i < count; ++i) {
        const std::int64_t day = count == 1 ? scale.first : scale.first + (scale.last - scale.first) * i / (count - 1);
        if (ticks.empty() || ticks.back() != day) ticks.push_back(day);
    }
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        const int x = scale.x(ticks[i]);
        const char* anchor = ticks.size() == 1 ? "middle" : i == 0 ? "start" : i + 1 == ticks.size() ? "end" : "middle";
        out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888\"/>"
                           "<text x=\"{0}\" y=\"{3}\" text-anchor=\"{4}\">{5}</text>\n",
                           x, y, y + 5, y + 18, anchor, to_iso(civil_from_days(ticks[i])));
    }
}

}  // namespace

std::string render_timeline_svg(const ReportTimeline& timeline, const EvidenceIndex& index) {
    if (timeline.dated.empty()) return {};
    Scale scale{days_from_civil(*timeline.dated.front()->stated), days_from_civil(*timeline.dated.back()->stated)};
    std::map<std::string, int> row_of;
    for (const auto& group : timeline.holder_groups) row_of.emplace(group, static_cast<int>(row_of.size()));
    std::map<std::string, std::size_t> colour_of;
    for (const auto& value : timeline.values) colour_of.emplace(value, colour_of.size());

    const int rows = static_cast<int>(timeline.holder_groups.size());
    const int height = top_pad + rows * row_height + axis_height;
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
        "aria-label=\"{2} over time for {3}\">\n",
        width, height, escape_html(timeline.topic), escape_html(timeline.subject));
    for (const auto& [group, row] : row_of) {
        const int y = top_pad + row * row_height + row_height / 2;
        out += fmt::format("<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#e5e7eb\"/>"
                           "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>\n",
                           label_width, width - right_pad, y, label_width - 10, y + 4, escape_html(group));
    }
    axis(out, scale, top_pad + rows * row_height + 4);

    std::map<std::pair<int, std::int64_t>, int> seen;  // (row, day) → markers drawn there so far
    for (const Assertion* a : timeline.dated) {
        const std::int64_t day = days_from_civil(*a->stated);
        const int row = row_of[a->holder_group];
        const int k = seen[{row, day}]++;
        const int offset = (k % 2 == 1 ? 1 : -1) * ((k + 1) / 2) * duplicate_step;
        const int x = scale.x(day) + offset;
        const int y = top_pad + row * row_height + row_height / 2;
        const std::string finding = index.finding_for(*a);
        const std::string title = fmt::format("{} {}: {} — {} — {}", dated_label(a->stated, a->stated_source),
                                              holder_label(a->holder_group, a->holder), a->value,
                                              location_label(a->doc, a->evidence.line, a->evidence.col),
                                              truncate_text(a->evidence.text, 160));
        const std::string circle =
            fmt::format("<circle{} cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\"><title>{}</title></circle>",
                        finding.empty() ? "" : " class=\"hit\"", x, y, value_colour(colour_of[a->value]),
                        escape_html(finding.empty() ? title : title + " — " + finding));
        if (finding.empty()) out += circle + "\n";
        else out += fmt::format("<a href=\"#{}\">{}</a>\n", escape_html(finding), circle);
    }
    out += "</svg>\n";
    return out;
}

}  // namespace factline
