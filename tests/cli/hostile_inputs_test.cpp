// End to end: `factline check` over a folder of hostile inputs finishes with
// exit code 0 or 1 and lists every file in documents.jsonl exactly once.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string random_bytes(std::size_t size) {
    std::mt19937 generator(42);
    std::string out(size, '\0');
    for (auto& c : out) c = static_cast<char>(generator() & 0xFF);
    return out;
}

std::string fifty_megabyte_line() {
    const std::string sentence = "Peskov said on Friday that the status of the region was unchanged. ";
    std::string out;
    out.reserve(50u << 20);
    while (out.size() < (50u << 20)) out += sentence;
    return out;  // no line break at all
}

TEST(HostileInputs, EveryFileListedOnceAndNoCrash) {
    const fs::path dir = fs::temp_directory_path() / ("factline_hostile_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path corpus = dir / "corpus";
    const fs::path out = dir / "out";
    fs::create_directories(corpus);
    const std::map<std::string, std::string> files{
        {"binary.bin.txt", random_bytes(4096)},
        {"empty.txt", ""},
        {"invalid_utf8.txt", "MOSCOW, Nov 11 (Reuters) \xFF\xFE broken \xC3( bytes\n"},
        {"utf16_bom.txt", "\xFF\xFE" "K\0y\0i\0v\0,\0 \0N\0o\0v\0 \0" "1\0" "1\0\n\0"s},
        {"crlf.txt", "Headline\r\n\r\nKYIV, Nov 11 (Reuters) - Text.\r\n"},
        {"nul_bytes.txt", "text\0with\0NUL\0bytes\0"s},
        {"image.png", random_bytes(512)},
        {"single_line_50mb.txt", fifty_megabyte_line()},
    };
    for (const auto& [name, bytes] : files) write(corpus / name, bytes);

    const std::string command = std::string("\"") + FACTLINE_BINARY + "\" check \"" + corpus.string() +
                                "\" --out \"" + out.string() + "\" --format json > \"" + (dir / "stdout").string() +
                                "\" 2> \"" + (dir / "stderr").string() + "\"";
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(WIFEXITED(status)) << "factline did not exit normally (crash?)";
    const int code = WEXITSTATUS(status);
    std::ifstream stderr_file(dir / "stderr");
    const std::string stderr_text((std::istreambuf_iterator<char>(stderr_file)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(code == 0 || code == 1) << "exit code " << code << "\n" << stderr_text;
    RecordProperty("seconds", std::to_string(seconds));

    std::map<std::string, int> seen;
    std::map<std::string, nlohmann::json> records;
    std::ifstream documents(out / "documents.jsonl");
    ASSERT_TRUE(documents.good()) << "no documents.jsonl\n" << stderr_text;
    for (std::string line; std::getline(documents, line);) {
        const auto record = nlohmann::json::parse(line);
        const std::string doc = record.at("doc").get<std::string>();
        ++seen[doc];
        records[doc] = record;
    }
    for (const auto& [name, bytes] : files) {
        const std::string doc = (corpus / name).generic_string();
        ASSERT_EQ(seen[doc], 1) << doc << " should appear exactly once";
        const auto& record = records[doc];
        const std::string status_text = record.at("status").get<std::string>();
        if (status_text == "skipped") {
            ASSERT_TRUE(record.contains("reason")) << doc;
            EXPECT_FALSE(record.at("reason").get<std::string>().empty()) << doc;
        } else {
            EXPECT_EQ(status_text, "ok") << doc;
        }
    }
    EXPECT_EQ(records[(corpus / "empty.txt").generic_string()].value("status", ""), "skipped");
    EXPECT_EQ(records[(corpus / "nul_bytes.txt").generic_string()].value("status", ""), "skipped");
    EXPECT_EQ(records[(corpus / "binary.bin.txt").generic_string()].value("status", ""), "skipped");
    EXPECT_EQ(records[(corpus / "utf16_bom.txt").generic_string()].value("status", ""), "ok");
    EXPECT_EQ(records[(corpus / "crlf.txt").generic_string()].value("status", ""), "ok");
    EXPECT_EQ(records[(corpus / "invalid_utf8.txt").generic_string()].value("status", ""), "ok");
    EXPECT_NE(stderr_text.find("invalid_utf8.txt:1:26: warning: invalid UTF-8"), std::string::npos) << stderr_text;
    fs::remove_all(dir);
}

}  // namespace
