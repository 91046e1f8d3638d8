#include "checker/config.hpp"
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <string>

namespace factline {
namespace {

namespace fs = std::filesystem;

fs::path write_temp(const std::string& name, const std::string& text) {
    static const testing::TempDir dir("factline-config");  // one per test process, removed at exit
    const fs::path path = dir / name;
    std::ofstream(path) << text;
    return path;
}

TEST(Config, ReadsKnownKeys) {
    const auto path = write_temp("ok.toml", "fail_on = \"error\"\nformats = [\"md\"]\n[dedup]\nthreshold = 0.7\n");
    Diagnostics diagnostics;
    const Config config = load_config(path, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    EXPECT_EQ(config.fail_on, Severity::error);
    EXPECT_EQ(config.formats, std::vector<std::string>{"md"});
    EXPECT_DOUBLE_EQ(config.dedup_threshold, 0.7);
}

TEST(Config, UnknownKeyIsAnErrorAtItsPositionWithAHint) {
    const auto path = write_temp("typo.toml", "fail_on = \"error\"\nfromats = [\"md\"]\n");
    Diagnostics diagnostics;
    (void)load_config(path, diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const auto& d = diagnostics.items()[0];
    EXPECT_EQ(d.id, "toml.unknown-key");
    EXPECT_EQ(d.line, 2u);
    EXPECT_EQ(d.col, 1u);
    EXPECT_NE(d.message.find("did you mean 'formats'"), std::string::npos);
}

TEST(Config, SyntaxErrorNamesLineAndColumn) {
    const auto path = write_temp("bad.toml", "fail_on = \"error\"\n[dedup\n");
    Diagnostics diagnostics;
    (void)load_config(path, diagnostics);
    ASSERT_TRUE(diagnostics.has_errors());
    EXPECT_EQ(diagnostics.items()[0].id, "toml.syntax");
    EXPECT_EQ(diagnostics.items()[0].line, 2u);
}

TEST(Config, IgnoreNeedsAReason) {
    const auto path = write_temp("ignore.toml", "[[ignore]]\nkind = \"dispute\"\n");
    Diagnostics diagnostics;
    (void)load_config(path, diagnostics);
    ASSERT_TRUE(diagnostics.has_errors());
    EXPECT_EQ(diagnostics.items()[0].id, "config.ignore-reason");
    EXPECT_EQ(diagnostics.items()[0].line, 1u);
}

TEST(Config, DiscoveryFindsTheNearestFileUpwards) {
    const testing::TempDir temp("factline-discover");
    const fs::path& root = temp.path();
    fs::create_directories(root / "a" / "b");
    // One file two folders up and one a folder up: the nearer must win
    // (with the one file alone, finding the farthest would pass too).
    std::ofstream(root / "factline.toml") << "jobs = 1\n";
    std::ofstream(root / "a" / "factline.toml") << "jobs = 2\n";
    // $FACTLINE_CONFIG comes before any search: a developer's is set aside for the call.
    const char* set = std::getenv("FACTLINE_CONFIG");
    const std::optional<std::string> developers = set ? std::optional<std::string>(set) : std::nullopt;
    ::unsetenv("FACTLINE_CONFIG");
    const auto found = discover_config(root / "a" / "b");
    if (developers) ::setenv("FACTLINE_CONFIG", developers->c_str(), 1);
    ASSERT_TRUE(found);
    EXPECT_EQ(fs::canonical(*found), fs::canonical(root / "a" / "factline.toml"));
}

}  // namespace
}  // namespace factline
