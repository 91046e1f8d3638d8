#pragma once
// Finding kind `headline_body`: the headline of a document contradicts (or overstates) its own body:
// same holder group, one assertion from the headline, one from the body.
#include "checker/kinds/finding_kind.hpp"

namespace factline {

class HeadlineBody final : public FindingKind {
public:
    /// Reads severity, window_days and outlet_groups from `spec` once (defaults: warning).
    explicit HeadlineBody(const RuleSpec& spec);
    [[nodiscard]] const std::string& name() const override { return options_.name; }
    [[nodiscard]] Severity severity() const override { return options_.severity; }
    void evaluate(const Timeline& timeline, FindingSink& sink) const override;
    [[nodiscard]] std::string message(const Finding& finding, const TopicRules& rules) const override;
    [[nodiscard]] std::string dump_options() const override { return options_.dump(); }

private:
    const KindOptions options_;
};

}  // namespace factline
