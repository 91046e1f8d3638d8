#include "checker/toml_source.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace factline {

std::optional<toml::table> parse_toml_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
    try {
        return toml::parse_file(path.string());
    } catch (const toml::parse_error& err) {
        const auto& begin = err.source().begin;
        std::string message{err.description()};
        if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
        // toml++ names the place it stopped; the cause is often just before it.
        message += "; check quotes, brackets and commas here and on the line before";
        diagnostics.error("toml.syntax", path.string(), static_cast<std::uint32_t>(begin.line),
                          static_cast<std::uint32_t>(begin.column), message);
        return std::nullopt;
    }
}

void error_at(Diagnostics& diagnostics, const std::filesystem::path& path, const toml::node& node, std::string id,
              std::string message) {
    const auto& begin = node.source().begin;
    diagnostics.error(std::move(id), path.string(), static_cast<std::uint32_t>(begin.line),
                      static_cast<std::uint32_t>(begin.column), std::move(message));
}

void check_known_keys(Diagnostics& diagnostics, const std::filesystem::path& path, const toml::table& table,
                      const std::vector<std::string>& known, std::string_view what) {
    for (const auto& [key, node] : table) {
        const std::string name{key.str()};
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        std::string message = fmt::format("unknown key '{}' in {}", name, what);
        if (auto hint = closest_match(name, known); !hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
        const auto& begin = key.source().begin;
        diagnostics.error("toml.unknown-key", path.string(), static_cast<std::uint32_t>(begin.line),
                          static_cast<std::uint32_t>(begin.column), message);
    }
}

std::string string_or(Diagnostics& diagnostics, const std::filesystem::path& path, const toml::table& table,
                      std::string_view key, std::string fallback) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    if (auto value = node->value<std::string>()) return *value;
    error_at(diagnostics, path, *node, "toml.type", fmt::format("'{}' must be a string", key));
    return fallback;
}

bool bool_or(Diagnostics& diagnostics, const std::filesystem::path& path, const toml::table& table,
             std::string_view key, bool fallback) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    if (auto value = node->value<bool>()) return *value;
    error_at(diagnostics, path, *node, "toml.type", fmt::format("'{}' must be true or false", key));
    return fallback;
}

std::vector<std::string> strings_of(Diagnostics& diagnostics, const std::filesystem::path& path,
                                    const toml::table& table, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    if (auto value = node->value<std::string>()) {
        out.push_back(*value);
        return out;
    }
    if (const auto* array = node->as_array()) {
        for (const auto& item : *array) {
            if (auto value = item.value<std::string>()) {
                out.push_back(*value);
            } else {
                error_at(diagnostics, path, item, "toml.type", fmt::format("'{}' must hold strings", key));
            }
        }
        return out;
    }
    error_at(diagnostics, path, *node, "toml.type", fmt::format("'{}' must be a string or an array of strings", key));
    return out;
}

}  // namespace factline
