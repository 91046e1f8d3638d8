#include "checker/kinds/finding_kind.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace factline {

KindOptions KindOptions::read(const RuleSpec& spec, std::string name, Severity default_severity,
                              std::optional<int> default_window) {
    KindOptions options;
    options.name = std::move(name);
    options.id = spec.id.empty() ? "conflicts.kinds." + options.name : spec.id;
    options.severity = spec.severity.value_or(default_severity);
    options.window_days = spec.window_days ? spec.window_days : default_window;
    options.outlet_groups = spec.outlet_groups;
    return options;
}

std::optional<int> KindOptions::window_for(const Timeline& timeline) const {
    if (timeline.rules != nullptr) {
        if (auto it = timeline.rules->window_days.find(name); it != timeline.rules->window_days.end()) {
            return it->second > 0 ? std::optional<int>(it->second) : std::nullopt;
        }
    }
    return window_days;
}

bool KindOptions::within_window(const TimelineEntry& a, const TimelineEntry& b, std::optional<int> window) {
    // Where time matters (a window), an undated entry can only be compared
    // within its own document: across documents it could be from any year.
    if (!a.dated() || !b.dated()) return !window || a.doc == b.doc;
    // By the times the claims describe: "took Kherson in March", told in
    // November, is no news about November.
    return !window || std::llabs(a.about_day - b.about_day) <= *window;
}

bool KindOptions::is_outlet_group(const Timeline& timeline, std::uint32_t group) const {
    const std::string& name_of = (*timeline.groups)[group];
    return std::find(outlet_groups.begin(), outlet_groups.end(), name_of) != outlet_groups.end();
}

std::string KindOptions::dump() const {
    std::string groups;
    for (const auto& g : outlet_groups) groups += (groups.empty() ? "\"" : ", \"") + g + "\"";
    return fmt::format("severity = \"{}\"\nwindow_days = {}\noutlet_groups = [{}]\n", to_string(severity),
                       window_days ? fmt::format("{}", *window_days) : "0  # any distance", groups);
}

}  // namespace factline
