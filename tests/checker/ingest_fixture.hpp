#pragma once
// A fresh temporary folder per test for the ingest tests, removed afterwards.
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

namespace factline::testing {

class TempDir {
public:
    TempDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        root_ = std::filesystem::temp_directory_path() /
                ("factline_ingest_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// Writes `bytes` to `relative` (creating folders) and returns its path.
    std::filesystem::path write(const std::string& relative, const std::string& bytes) const {
        const std::filesystem::path path = root_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    [[nodiscard]] const std::filesystem::path& path() const { return root_; }
    /// The root as a string with generic separators, as a user would type it.
    [[nodiscard]] std::string str() const { return root_.generic_string(); }

private:
    std::filesystem::path root_;
};

}  // namespace factline::testing
