#pragma once
// A scratch folder that belongs to one test process. ctest runs the cases of
// one test binary as parallel processes, so a fixed name under /tmp (or one
// derived from the test name of a parameterised suite) is shared between them
// and one case's cleanup deletes another's files. mkdtemp makes the name
// unique; the destructor removes the folder.
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace factline::testing {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "factline-test") {
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace factline::testing
