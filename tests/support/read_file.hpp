#pragma once
// A file's bytes as one string ("" when it cannot be read): what tests
// compare outputs with and feed project texts from.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace factline::testing {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace factline::testing
