#pragma once
// A fresh temporary folder per test for the ingest tests, removed afterwards:
// tests/support/temp_dir.hpp's TempDir (a unique mkdtemp name, so that the
// parallel processes ctest runs never share one) with helpers to write files.
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace factline::testing {

class IngestFolder {
public:
    /// Writes `bytes` to `relative` (creating folders) and returns its path.
    std::filesystem::path write(const std::string& relative, const std::string& bytes) const {
        const std::filesystem::path path = folder_.path() / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    [[nodiscard]] const std::filesystem::path& path() const { return folder_.path(); }
    /// The root as a string with generic separators, as a user would type it.
    [[nodiscard]] std::string str() const { return folder_.path().generic_string(); }

private:
    TempDir folder_{"factline-ingest"};
};

}  // namespace factline::testing
