#pragma once
// Runs the factline binary in tests and captures its exit code and output.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace factline::testing {

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

/// Runs `FACTLINE_BINARY <args>` through the shell (args are shell words),
/// with $FACTLINE_CONFIG unset: a developer's would configure the run.
inline RunResult run_factline(const std::string& args, const std::string& workdir = "") {
    namespace fs = std::filesystem;
    static int counter = 0;
    const fs::path err_file = fs::temp_directory_path() / ("factline_test_stderr_" + std::to_string(::getpid()) + "_" +
                                                           std::to_string(counter++));
    std::string command = workdir.empty() ? "" : "cd '" + workdir + "' && ";
    command += std::string("env -u FACTLINE_CONFIG '") + FACTLINE_BINARY + "' " + args + " 2>'" + err_file.string() + "' </dev/null";
    RunResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(err_file);
    std::stringstream err;
    err << in.rdbuf();
    result.err = err.str();
    fs::remove(err_file);
    return result;
}

}  // namespace factline::testing
