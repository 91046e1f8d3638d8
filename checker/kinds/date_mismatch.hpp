#pragma once
// Finding kind `date_mismatch` across documents: one event told with the same
// holder group, topic, subject and value, each with a date written in its own
// sentence, but on days 1..window_days apart in independent syndication
// clusters ("On September 9, the Defense Ministry announced …" vs "said on
// Sept. 10"). Dates taken from the document date (no date in the sentence)
// are never compared: a later story retelling the event is not a mismatch.
// Weekday-vs-date conflicts inside one document come from checker/date_checks.hpp.
#include "checker/kinds/finding_kind.hpp"

namespace factline {

class DateMismatch final : public FindingKind {
public:
    /// Reads severity and window_days from `spec` once (defaults: warning, 3 days).
    explicit DateMismatch(const RuleSpec& spec);
    [[nodiscard]] const std::string& name() const override { return options_.name; }
    [[nodiscard]] Severity severity() const override { return options_.severity; }
    void evaluate(const Timeline& timeline, FindingSink& sink) const override;
    [[nodiscard]] std::string message(const Finding& finding, const TopicRules& rules) const override;
    [[nodiscard]] std::string dump_options() const override { return options_.dump(); }
    [[nodiscard]] bool sides_by_stated_date() const override { return true; }

    static constexpr int default_window_days = 3;

private:
    /// True when the two entries tell the same value on different days at most `window` apart: one event.
    [[nodiscard]] static bool owns_pair(const TimelineEntry& a, const TimelineEntry& b, int window);

    const KindOptions options_;
    const ValueConflict rule_;  // names the findings (the sink groups episodes by rule)
};

}  // namespace factline
