// ManifestKeys takes a shortcut for plain files of known folders; every case
// here must give exactly manifest_key()'s answer, shortcut or not.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

#include "checker/ingest.hpp"
#include "checker/manifest_keys.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

void touch(const fs::path& file) { std::ofstream(file) << "text\n"; }

class ManifestKeysTest : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(dir_ / "real" / "deep");
        touch(dir_ / "real" / "a.txt");
        touch(dir_ / "real" / "deep" / "b.txt");
        fs::create_directory_symlink(dir_ / "real", dir_ / "linked-folder");
        fs::create_symlink(dir_ / "real" / "deep" / "b.txt", dir_ / "real" / "link-to-b.txt");
    }
    testing::TempDir dir_{"factline-keys"};
};

TEST_F(ManifestKeysTest, EveryKindOfPathGetsManifestKeysAnswer) {
    const fs::path root = dir_.path();
    const std::vector<fs::path> paths = {
        root / "real" / "a.txt",                       // plain file: the shortcut
        root / "real" / "deep" / "b.txt",              // plain file of another folder
        root / "linked-folder" / "a.txt",              // plain file of a linked folder: the link is resolved
        root / "real" / "link-to-b.txt",               // a link: resolved to its target
        root / "real" / "missing.txt",                 // missing: lexical below the real folder
        root / "nowhere" / "missing.txt",              // missing folder too
        root / "real" / "deep" / ".." / "a.txt",       // ".." inside
        root / "real" / "." / "a.txt",                 // "." inside
        root / "real" / "deep" / "..",                 // ends in ".."
        root / "real" / "deep" / "",                   // ends in a separator
        root / "real",                                 // a folder itself
    };
    ManifestKeys keys;
    for (const auto& path : paths) {
        EXPECT_EQ(keys.key(path), manifest_key(path)) << path;
        EXPECT_EQ(keys.key(path), manifest_key(path)) << path << " (folder known now)";
    }
}

TEST_F(ManifestKeysTest, RelativePathsAreTakenFromTheWorkingFolder) {
    const fs::path before = fs::current_path();
    fs::current_path(dir_.path());
    ManifestKeys keys;
    const std::string plain = keys.key("real/a.txt");
    const std::string linked = keys.key("linked-folder/deep/b.txt");
    const std::string expected_plain = manifest_key("real/a.txt");
    const std::string expected_linked = manifest_key("linked-folder/deep/b.txt");
    fs::current_path(before);
    EXPECT_EQ(plain, expected_plain);
    EXPECT_EQ(linked, expected_linked);
    EXPECT_EQ(linked, (fs::canonical(dir_.path()) / "real" / "deep" / "b.txt").generic_string());
}

// A walk makes its plain files' keys from the walked folder's key; however
// the folder is written, they must be manifest_key()'s.
TEST_F(ManifestKeysTest, WalkedFolderKeyBelowIsManifestKeysAnswer) {
    const fs::path root = dir_.path();
    const std::string as_typed = root.generic_string();
    ManifestKeys keys;
    for (const fs::path& folder : {root / "real", fs::path(as_typed + "/real/"), fs::path(as_typed + "/real//"),
                                  root / "." / "real", root / "linked-folder", root / "real" / "deep" / ".."}) {
        const auto folder_key = keys.walked_folder_key(folder);
        ASSERT_TRUE(folder_key.has_value()) << folder;
        EXPECT_EQ(ManifestKeys::below(*folder_key, "a.txt"), manifest_key(folder / "a.txt")) << folder;
        EXPECT_EQ(ManifestKeys::below(*folder_key, "deep/b.txt"), manifest_key(folder / "deep" / "b.txt")) << folder;
    }
    EXPECT_EQ(ManifestKeys::below("/", "a.txt"), "/a.txt");
    EXPECT_FALSE(keys.walked_folder_key(root / "nowhere").has_value());
}

TEST_F(ManifestKeysTest, ThreadsSharingTheFolderCacheGetTheSameKeys) {
    for (int i = 0; i < 64; ++i) touch(dir_ / "real" / ("f" + std::to_string(i) + ".txt"));
    ManifestKeys keys;
    std::vector<std::string> got(64);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = t; i < 64; i += 4) got[i] = keys.key(dir_ / "linked-folder" / ("f" + std::to_string(i) + ".txt"));
        });
    }
    for (auto& thread : threads) thread.join();
    for (int i = 0; i < 64; ++i) {
        EXPECT_EQ(got[i], manifest_key(dir_ / "real" / ("f" + std::to_string(i) + ".txt"))) << i;
    }
}

}  // namespace
}  // namespace factline
