#pragma once
// The interface every finding kind implements (STYLE: "finding kinds =
// classes in one explicit table"). A kind decides which pairs of conflicting
// entries of a timeline it owns and words its findings; aggregation into
// episodes, ids and ordering are the sink's job (checker/finding_sink.hpp).
#include <optional>
#include <string>

#include "checker/conflict_rules.hpp"
#include "checker/finding.hpp"
#include "checker/timeline.hpp"

namespace factline {

class FindingSink;

class FindingKind {
public:
    virtual ~FindingKind() = default;
    [[nodiscard]] virtual const std::string& name() const = 0;
    [[nodiscard]] virtual Severity severity() const = 0;
    /// Reports to `sink` every pair of conflicting entries of `timeline` that makes this kind.
    virtual void evaluate(const Timeline& timeline, FindingSink& sink) const = 0;
    /// One sentence an editor understands, for a finding this kind made.
    [[nodiscard]] virtual std::string message(const Finding& finding, const TopicRules& rules) const = 0;
    /// The effective options, one "key = value" per line (`factline rules list --verbose`).
    [[nodiscard]] virtual std::string dump_options() const = 0;
    /// True when the sink splits sides by stated date as well as by (value, holder group):
    /// kinds about dates (date_mismatch) compare one value told on different days.
    [[nodiscard]] virtual bool sides_by_stated_date() const { return false; }
};

/// Options every kind reads from its RuleSpec, with the kind's defaults.
struct KindOptions {
    std::string name;
    std::string id;
    Severity severity = Severity::warning;
    std::optional<int> window_days;
    std::vector<std::string> outlet_groups;

    [[nodiscard]] static KindOptions read(const RuleSpec& spec, std::string name, Severity default_severity,
                                          std::optional<int> default_window = std::nullopt);
    /// The window for `timeline`'s topic: the topic file's [window] entry, else the kind's.
    [[nodiscard]] std::optional<int> window_for(const Timeline& timeline) const;
    /// True when the two entries are close enough in time (the times their
    /// claims describe) for `window` (window_for(), looked up once per
    /// timeline, not per pair). Without a window any pair is; with one, an
    /// undated entry is close only to entries of its own document.
    [[nodiscard]] static bool within_window(const TimelineEntry& a, const TimelineEntry& b, std::optional<int> window);
    /// True when `group` (an index into timeline.groups) speaks for an outlet itself.
    [[nodiscard]] bool is_outlet_group(const Timeline& timeline, std::uint32_t group) const;
    /// Common lines of dump_options().
    [[nodiscard]] std::string dump() const;
};

}  // namespace factline
