#pragma once
// Finding kind `cross_source`: outlets' own reporting (holder groups listed in outlet_groups, e.g. the
// narrator) disagrees across independent syndication clusters within a window (control: the situation
// on the ground changes).
#include "checker/kinds/finding_kind.hpp"

namespace factline {

class CrossSource final : public FindingKind {
public:
    /// Reads severity, window_days and outlet_groups from `spec` once (defaults: warning, any distance).
    explicit CrossSource(const RuleSpec& spec);
    [[nodiscard]] const std::string& name() const override { return options_.name; }
    [[nodiscard]] Severity severity() const override { return options_.severity; }
    void evaluate(const Timeline& timeline, FindingSink& sink) const override;
    [[nodiscard]] std::string message(const Finding& finding, const TopicRules& rules) const override;
    [[nodiscard]] std::string dump_options() const override { return options_.dump(); }

private:
    const KindOptions options_;
};

}  // namespace factline
