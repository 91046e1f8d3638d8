#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>

#include "checker/ingest.hpp"
#include "tests/checker/ingest_fixture.hpp"

namespace factline {
namespace {

using testing::IngestFolder;

TEST(Manifest, PathsAreRelativeToTheTomlFile) {
    IngestFolder dir;
    const auto toml = dir.write("meta/sources.toml",
                                "[[source]]\npath = \"../corpus/a.txt\"\nurl = \"https://x/a\"\noutlet = \"X\"\n"
                                "published = \"2023-01-05\"\n\n"
                                "[[source]]\npath = \"b.txt\"\npublished = \"\"\n\n"
                                "[[source]]\npath = \"c.txt\"\npublished = 2023-03-01\n");
    std::map<std::string, SourceMeta> manifest;
    Diagnostics diagnostics;
    read_source_tables(toml, manifest, diagnostics);
    EXPECT_TRUE(diagnostics.items().empty());
    ASSERT_EQ(manifest.size(), 3u);
    const auto a = manifest.find(manifest_key(dir.path() / "corpus" / "a.txt"));
    ASSERT_NE(a, manifest.end());
    EXPECT_EQ(a->second.url, "https://x/a");
    EXPECT_EQ(a->second.outlet, "X");
    ASSERT_TRUE(a->second.published.has_value());
    EXPECT_EQ(to_iso(*a->second.published), "2023-01-05");
    const auto b = manifest.find(manifest_key(dir.path() / "meta" / "b.txt"));
    ASSERT_NE(b, manifest.end());
    EXPECT_FALSE(b->second.published.has_value());  // "" = unknown
    const auto c = manifest.find(manifest_key(dir.path() / "meta" / "c.txt"));
    ASSERT_NE(c, manifest.end());
    ASSERT_TRUE(c->second.published.has_value());  // a TOML date works too
    EXPECT_EQ(to_iso(*c->second.published), "2023-03-01");
}

TEST(Manifest, KeyIgnoresDotSegmentsAndRelativeSpelling) {
    IngestFolder dir;
    dir.write("x/a.txt", "a");
    EXPECT_EQ(manifest_key(dir.path() / "x" / ".." / "x" / "a.txt"), manifest_key(dir.path() / "x/./a.txt"));
    EXPECT_EQ(manifest_key(dir.path() / "x" / "missing.txt"), (dir.path() / "x" / "missing.txt").generic_string());
}

struct ManifestErrorCase {
    const char* name;
    std::string toml;
    std::string id;
    std::uint32_t line;
    std::uint32_t col;
    std::string message;  // substring
};

const ManifestErrorCase manifest_error_cases[] = {
    {"bad_date", "[[source]]\npath = \"a.txt\"\npublished = \"2023-13-01\"\n", "source.published", 3, 13,
     "'published' must be a date YYYY-MM-DD or \"\" (unknown), not '2023-13-01'"},
    {"date_in_other_format", "[[source]]\npath = \"a.txt\"\npublished = \"Jan 5, 2023\"\n", "source.published", 3,
     13, "YYYY-MM-DD"},
    {"date_of_wrong_type", "[[source]]\npath = \"a.txt\"\npublished = 20230105\n", "source.published", 3, 13,
     "YYYY-MM-DD"},
    {"unknown_key", "[[source]]\npath = \"a.txt\"\npublshed = \"2023-01-05\"\n", "toml.unknown-key", 3, 1,
     "did you mean 'published'?"},
    {"missing_path", "[[source]]\nurl = \"https://x\"\n", "source.path", 1, 1, "needs a 'path'"},
    {"path_not_a_string", "[[source]]\npath = 3\n", "toml.type", 2, 8, "'path' must be a string"},
    {"source_not_tables", "source = \"a.txt\"\n", "source.type", 1, 10, "array of tables"},
    {"syntax_error", "[[source]\npath = \"a.txt\"\n", "toml.syntax", 1, 10, "check quotes, brackets and commas"},
};

class ManifestError : public ::testing::TestWithParam<ManifestErrorCase> {};

TEST_P(ManifestError, IsReportedAtItsPosition) {
    const ManifestErrorCase& c = GetParam();
    IngestFolder dir;
    const auto toml = dir.write("sources.toml", c.toml);
    std::map<std::string, SourceMeta> manifest;
    Diagnostics diagnostics;
    read_source_tables(toml, manifest, diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 1u) << diagnostics.items().size();
    const Diagnostic& d = diagnostics.items()[0];
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.id, c.id);
    EXPECT_EQ(d.path, toml.string());
    EXPECT_EQ(d.line, c.line);
    EXPECT_EQ(d.col, c.col);
    EXPECT_NE(d.message.find(c.message), std::string::npos) << d.message;
    // A sidecar in the plain form is read without toml++ (source_lines.hpp):
    // whatever has something to report must still reach the parser.
    Diagnostics as_sidecar;
    (void)read_source_entries(toml, true, as_sidecar);
    ASSERT_EQ(as_sidecar.items().size(), 1u);
    EXPECT_EQ(format_diagnostic(as_sidecar.items()[0]), format_diagnostic(d));
}

INSTANTIATE_TEST_SUITE_P(Ingest, ManifestError, ::testing::ValuesIn(manifest_error_cases),
                         [](const auto& info) { return std::string(info.param.name); });

std::string entry_text(const SourceEntry& e) {
    return fmt::format("{}:{} {} -> {} | {} | {} | {}", e.line, e.col, e.path, e.key, e.meta.url, e.meta.outlet,
                       e.meta.published ? to_iso(*e.meta.published) : "-");
}

// The plain form of a sidecar is read line by line; the same file with one
// thing more that sends it to toml++ (a comment) must give the same entries,
// positions and keys.
TEST(Manifest, PlainSidecarReadsAsTheTomlParserReadsIt) {
    IngestFolder dir;
    const std::string plain =
        "\n[[source]]\npath = \"a.txt\"\npublished = \"1987-02-26\"\n\n"
        "[[source]]\n  outlet = \"Indented, with = and # inside\"\npath=\"sub/b.txt\"\nurl = \"https://x/b?q=1\"\n"
        "   \t\n"
        "[[source]]\npath = \"../c.txt\"\t\npublished = \"\"\n"
        "[[source]]\npath = \"a.txt\"\noutlet = \"\"";
    const auto fast = dir.write("one/sources.toml", plain);
    const auto slow = dir.write("two/sources.toml", plain + "\n# a comment: toml++ reads this one\n");
    Diagnostics fast_messages;
    Diagnostics slow_messages;
    const auto fast_entries = read_source_entries(fast, true, fast_messages);
    const auto slow_entries = read_source_entries(slow, true, slow_messages);
    EXPECT_TRUE(fast_messages.items().empty());
    EXPECT_TRUE(slow_messages.items().empty());
    ASSERT_EQ(fast_entries.size(), 4u);
    ASSERT_EQ(slow_entries.size(), fast_entries.size());
    for (std::size_t i = 0; i < fast_entries.size(); ++i) {
        std::string expected = entry_text(slow_entries[i]);
        const std::string two = (dir.path() / "two").generic_string();
        const std::string one = (dir.path() / "one").generic_string();
        if (const auto at = expected.find(two); at != std::string::npos) expected.replace(at, two.size(), one);
        EXPECT_EQ(entry_text(fast_entries[i]), expected);
    }
    EXPECT_EQ(fast_entries[1].meta.outlet, "Indented, with = and # inside");
    EXPECT_EQ(fast_entries[2].key, manifest_key(dir.path() / "c.txt"));
}

TEST(Manifest, SidecarMayHoldOnlySourceTables) {
    IngestFolder dir;
    const auto toml = dir.write("sources.toml", "fail_on = \"error\"\n[[source]]\npath = \"a.txt\"\n");
    Diagnostics diagnostics;
    const auto entries = read_source_entries(toml, true, diagnostics);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].path, "a.txt");
    EXPECT_EQ(entries[0].line, 2u);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].id, "toml.unknown-key");
    Diagnostics as_config;
    (void)read_source_entries(toml, false, as_config);
    EXPECT_TRUE(as_config.items().empty());
}

TEST(Manifest, LaterEntryForTheSameFileWins) {
    IngestFolder dir;
    const auto toml =
        dir.write("sources.toml", "[[source]]\npath = \"a.txt\"\noutlet = \"first\"\n[[source]]\npath = \"./a.txt\"\n"
                                  "outlet = \"second\"\n");
    std::map<std::string, SourceMeta> manifest;
    Diagnostics diagnostics;
    read_source_tables(toml, manifest, diagnostics);
    ASSERT_EQ(manifest.size(), 1u);
    EXPECT_EQ(manifest.begin()->second.outlet, "second");
}

}  // namespace
}  // namespace factline
