#include "checker/kinds/message.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace factline {

std::string value_phrase(const TopicRules& rules, const std::string& value, const std::string& subject) {
    const auto names = rules.subject_names.find(subject);
    const std::string subject_words = names == rules.subject_names.end() ? subject : names->second;
    const auto phrase = rules.phrases.find(value);
    if (phrase == rules.phrases.end() || phrase->second.empty()) {
        return fmt::format("{} was {} ({})", rules.topic, value, subject_words);
    }
    std::string out = phrase->second;
    for (std::size_t at = out.find("{subject}"); at != std::string::npos; at = out.find("{subject}", at)) {
        out.replace(at, 9, subject_words);
        at += subject_words.size();
    }
    return out;
}

std::string who_said(const FindingSide& side) {
    std::set<std::string> holders;
    for (const auto& e : side.evidence) {
        if (!e.holder.empty() && e.holder != side.holder_group) holders.insert(e.holder);
    }
    if (holders.empty()) return side.holder_group;
    std::string names;
    for (const auto& h : holders) names += (names.empty() ? "" : ", ") + h;
    return fmt::format("{} ({})", names, side.holder_group);
}

std::string source_name(const FindingEvidence& evidence) {
    if (!evidence.outlet.empty()) return evidence.outlet.str();
    return std::filesystem::path(evidence.doc.str()).filename().string();
}

std::string when_where(const FindingEvidence& evidence) {
    return fmt::format("{}, {}", evidence.stated ? to_iso(*evidence.stated) : "undated", source_name(evidence));
}

}  // namespace factline
