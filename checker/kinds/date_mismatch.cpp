#include "checker/kinds/date_mismatch.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <fmt/format.h>

#include "checker/finding_sink.hpp"
#include "checker/kinds/message.hpp"
#include "grammar/parse_date.hpp"

namespace factline {

namespace {

namespace ast = grammar::ast;

/// The date was read from the evidence sentence itself ("said on Sept. 10"), not
/// inherited from the document or an earlier sentence: the sentence names a day.
bool stated_in_sentence(const TimelineEntry& entry) {
    if (!entry.dated() || !entry.relative_date) return false;
    for (const auto& expr : grammar::parse_dates(entry.assertion->evidence.text).dates) {
        const bool names_day = (expr.form == ast::DateForm::calendar && expr.day != 0) ||
                               expr.form == ast::DateForm::numeric || expr.form == ast::DateForm::weekday ||
                               expr.form == ast::DateForm::deictic;
        if (names_day) return true;
    }
    return false;
}

}  // namespace

DateMismatch::DateMismatch(const RuleSpec& spec)
    : options_(KindOptions::read(spec, "date_mismatch", Severity::warning, default_window_days)),
      rule_{options_.id, "", "", "one event dated differently"} {}

bool DateMismatch::owns_pair(const TimelineEntry& a, const TimelineEntry& b, int window) {
    if (a.value != b.value || a.group != b.group || a.cluster == b.cluster) return false;
    if (!a.dated() || !b.dated() || a.day == b.day) return false;
    return std::llabs(a.day - b.day) <= window;
}

void DateMismatch::evaluate(const Timeline& timeline, FindingSink& sink) const {
    // Without a window any distance would make every retold event a mismatch.
    const int window = options_.window_for(timeline).value_or(default_window_days);
    // One track per holder group; only entries whose sentence names their day
    // can pair. A partner has the same value, another day within the window
    // and another cluster: with the entries ordered by (value, day, cluster),
    // each entry checks, per other day in its window, the ends of that day's
    // run (a run holding any other cluster has one at an end), so a track
    // costs n log n however many entries name their day.
    std::vector<std::size_t> written;
    std::vector<std::size_t> order;  // positions in `written`, by (value, day, cluster)
    std::vector<char> hit;
    for (const auto& track : timeline.tracks) {
        written.clear();
        for (std::size_t index : track) {
            if (stated_in_sentence(timeline.entries[index])) written.push_back(index);
        }
        const auto entry = [&](std::size_t position) -> const TimelineEntry& { return timeline.entries[written[position]]; };
        const auto rank = [&](std::size_t position) {
            const TimelineEntry& e = entry(position);
            return std::tuple(e.value, e.day, e.cluster);
        };
        order.resize(written.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return rank(x) < rank(y); });
        hit.assign(written.size(), 0);
        for (const std::size_t i : order) {
            const TimelineEntry& a = entry(i);
            if (hit[i] || !a.dated()) continue;
            const auto at_or_after = [&](std::int64_t day) {
                return std::partition_point(order.begin(), order.end(), [&](std::size_t k) {
                    return std::pair(entry(k).value, entry(k).day) < std::pair(a.value, day);
                });
            };
            auto run = at_or_after(a.day - window);
            const auto stop = at_or_after(a.day + window + 1);
            while (run != stop && !hit[i]) {
                const std::int64_t day = entry(*run).day;
                const auto run_end = std::partition_point(run, stop, [&](std::size_t k) { return entry(k).day == day; });
                for (const std::size_t candidate : {*run, *(run_end - 1)}) {
                    if (owns_pair(a, entry(candidate), window)) {
                        hit[i] = hit[candidate] = 1;
                        break;
                    }
                }
                run = run_end;
            }
        }
        for (std::size_t i = 0; i < written.size(); ++i) {
            if (hit[i]) sink.report(*this, rule_, written[i]);
        }
    }
}

std::string DateMismatch::message(const Finding& finding, const TopicRules& rules) const {
    const FindingSide& first = finding.sides.front();
    const FindingSide& last = finding.sides.back();
    const FindingEvidence& a = first.evidence.front();
    const FindingEvidence& b = last.evidence.front();
    return fmt::format("{} dates this on {} but {} on {}: {}", source_name(a), a.stated ? to_iso(*a.stated) : "undated",
                       source_name(b), b.stated ? to_iso(*b.stated) : "undated",
                       value_phrase(rules, first.value, finding.subject));
}

}  // namespace factline
