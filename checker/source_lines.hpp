#pragma once
// A sources.toml in the plain form a tool writes for a folder of articles
// (`[[source]]` headers, `key = "string"` lines, blank lines), read line by
// line without building a TOML tree: toml++ took a twentieth of a run over
// Reuters' 21,577-entry sidecar. Anything else in the file, valid or not, is
// left to the TOML parser, which alone reports errors. Internal to ingest.
#include <optional>
#include <string_view>
#include <vector>

#include "checker/ingest.hpp"

namespace factline {

/// The `[[source]]` entries of `text` (keys not made yet), as
/// read_source_entries() reads them from a sidecar, when `text` is in the
/// plain form and holds nothing to report; nullopt otherwise (then the
/// TOML parser must read it).
[[nodiscard]] std::optional<std::vector<SourceEntry>> read_plain_source_entries(std::string_view text);

}  // namespace factline
