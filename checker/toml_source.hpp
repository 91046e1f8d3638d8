#pragma once
// Reading TOML files (config and rule packs) with errors in GNU format at the
// file:line:col of the offending node. toml++ errors are reformatted from
// err.source(); checks made after parsing use node.source().
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "checker/diagnostic.hpp"

namespace factline {

/// Parses a TOML file; on a syntax error appends it to `diagnostics` and returns nullopt.
[[nodiscard]] std::optional<toml::table> parse_toml_file(const std::filesystem::path& path,
                                                         Diagnostics& diagnostics);

/// An error at `node`'s position in `path`.
void error_at(Diagnostics& diagnostics, const std::filesystem::path& path, const toml::node& node,
              std::string id, std::string message);

/// Reports keys of `table` not in `known` (with a "did you mean" hint).
void check_known_keys(Diagnostics& diagnostics, const std::filesystem::path& path, const toml::table& table,
                      const std::vector<std::string>& known, std::string_view what);

/// Reads an optional string key; a non-string value is an error at its position.
[[nodiscard]] std::string string_or(Diagnostics& diagnostics, const std::filesystem::path& path,
                                    const toml::table& table, std::string_view key, std::string fallback = {});

/// Reads an optional boolean key; a non-boolean value is an error at its position.
[[nodiscard]] bool bool_or(Diagnostics& diagnostics, const std::filesystem::path& path, const toml::table& table,
                           std::string_view key, bool fallback = false);

/// Reads a string or an array of strings (for aliases, patterns, …).
[[nodiscard]] std::vector<std::string> strings_of(Diagnostics& diagnostics, const std::filesystem::path& path,
                                                  const toml::table& table, std::string_view key);

}  // namespace factline
