#pragma once
// Finding kind `position_shift`: the same holder group took incompatible stances on different days
// ("talks impossible" in November, "open on conditions" in February). Both dates must be known and
// differ; copies of one syndicated story never count against each other, and groups that are an
// outlet's own voice are left to cross_source.
#include "checker/kinds/finding_kind.hpp"

namespace factline {

class PositionShift final : public FindingKind {
public:
    /// Reads severity, window_days and outlet_groups from `spec` once (defaults: warning, any distance).
    explicit PositionShift(const RuleSpec& spec);
    [[nodiscard]] const std::string& name() const override { return options_.name; }
    [[nodiscard]] Severity severity() const override { return options_.severity; }
    void evaluate(const Timeline& timeline, FindingSink& sink) const override;
    [[nodiscard]] std::string message(const Finding& finding, const TopicRules& rules) const override;
    [[nodiscard]] std::string dump_options() const override { return options_.dump(); }

private:
    const KindOptions options_;
};

}  // namespace factline
