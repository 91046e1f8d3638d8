#pragma once
// Finding kind `self_contradiction`: the same holder said incompatible things in one statement: in the
// same document (same day or undated; a group's own voice counts as the same holder as its named
// actors there), or on the same day in independently sourced documents. Headline against body is
// headline_body, not this kind.
#include "checker/kinds/finding_kind.hpp"

namespace factline {

class SelfContradiction final : public FindingKind {
public:
    /// Reads severity, window_days and outlet_groups from `spec` once (defaults: warning).
    explicit SelfContradiction(const RuleSpec& spec);
    [[nodiscard]] const std::string& name() const override { return options_.name; }
    [[nodiscard]] Severity severity() const override { return options_.severity; }
    void evaluate(const Timeline& timeline, FindingSink& sink) const override;
    [[nodiscard]] std::string message(const Finding& finding, const TopicRules& rules) const override;
    [[nodiscard]] std::string dump_options() const override { return options_.dump(); }

private:
    const KindOptions options_;
};

}  // namespace factline
