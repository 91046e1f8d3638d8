#pragma once
// Finding kind `dispute`: different holder groups hold incompatible values (Moscow: part of Russia;
// Kyiv: Ukrainian territory). Informational by default: disputes are the news, not an error of the
// text.
#include "checker/kinds/finding_kind.hpp"

namespace factline {

class Dispute final : public FindingKind {
public:
    /// Reads severity, window_days and outlet_groups from `spec` once (defaults: info, any distance).
    explicit Dispute(const RuleSpec& spec);
    [[nodiscard]] const std::string& name() const override { return options_.name; }
    [[nodiscard]] Severity severity() const override { return options_.severity; }
    void evaluate(const Timeline& timeline, FindingSink& sink) const override;
    [[nodiscard]] std::string message(const Finding& finding, const TopicRules& rules) const override;
    [[nodiscard]] std::string dump_options() const override { return options_.dump(); }

private:
    const KindOptions options_;
};

}  // namespace factline
