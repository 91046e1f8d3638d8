// libFuzzer target: the rule-pack loader. A copy of rules/core is made once in
// a temp folder; each input replaces one of its TOML files (chosen by the
// first byte) and the pack is loaded. Bad TOML must end in Diagnostics, never
// a crash or an exception; the original file is restored after each run.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "checker/rule_pack.hpp"
#include "tests/support/temp_dir.hpp"

#ifndef FACTLINE_SOURCE_DIR
#error "FACTLINE_SOURCE_DIR must name the source tree (rules/core is copied from it)"
#endif

namespace {

namespace fs = std::filesystem;

// One file per loader: the pack header, each lexicon part, a layout, a
// pattern and two conflict files.
constexpr std::array<const char*, 11> targets = {
    "pack.toml",           "lexicon/topics.toml",  "lexicon/regions.toml",        "lexicon/words.toml",
    "lexicon/actors.toml", "lexicon/holders.toml", "lexicon/region_groups.toml", "layout/boilerplate.toml",
    "patterns/status.toml", "conflicts/status.toml", "conflicts/kinds.toml",
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const char* data, std::size_t size) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(data, static_cast<std::streamsize>(size));
}

/// Keeps the comment header and the first `tables` top-level tables of a
/// lexicon file. The full region and actor lists are most of the load time
/// under the sanitizers and add no new code paths, only more of the same
/// entries; ids the trimmed copy no longer has end in diagnostics, which the
/// loader must handle anyway.
void keep_first_tables(const fs::path& path, int tables) {
    const std::string text = read_file(path);
    std::size_t cut = 0;
    for (int seen = 0; cut != std::string::npos && seen <= tables; ++seen) {
        cut = text.find("\n[", cut == 0 ? 0 : cut + 1);
    }
    if (cut != std::string::npos) write_file(path, text.data(), cut + 1);
}

fs::path pack_copy() {
    static const factline::testing::TempDir scratch("factline-fuzz-pack");  // removed at exit
    static const fs::path dir = [] {
        const fs::path d = scratch / "core";
        fs::copy(fs::path(FACTLINE_SOURCE_DIR) / "rules" / "core", d, fs::copy_options::recursive);
        keep_first_tables(d / "lexicon" / "regions.toml", 40);
        keep_first_tables(d / "lexicon" / "actors.toml", 25);
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const fs::path dir = pack_copy();
    const fs::path file = dir / targets[data[0] % targets.size()];
    const std::string original = read_file(file);
    write_file(file, reinterpret_cast<const char*>(data) + 1, size - 1);
    factline::Diagnostics diagnostics;
    (void)factline::load_rules({dir}, diagnostics);
    write_file(file, original.data(), original.size());
    return 0;
}
