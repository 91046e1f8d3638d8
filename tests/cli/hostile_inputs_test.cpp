// End to end: `factline check` over a folder of hostile inputs finishes with
// exit code 0 or 1, lists every file in documents.jsonl exactly once (ok, or
// skipped with a reason), and still reads names hidden behind zero-width,
// bidi and homoglyph characters. Two sizes of the same suite: HostileInputs
// at full size (a 100 MB line, 20,000 tiny files) for `make test`, and
// HostileInputsSmall, which the sanitizer job runs (the full size does not
// fit its time budget under ASan).
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>

#include "tests/cli/cli_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

struct Scale {
    std::size_t long_line_bytes;
    int tiny_files;
    int html_depth;
    int open_quotes;
};

constexpr Scale full_size{100u << 20, 20'000, 100'000, 100'000};
constexpr Scale small_size{2u << 20, 500, 5'000, 5'000};

void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::string random_bytes(std::size_t size) {
    std::mt19937 generator(42);
    std::string out(size, '\0');
    for (auto& c : out) c = static_cast<char>(generator() & 0xFF);
    return out;
}

std::string one_long_line(std::size_t bytes) {
    const std::string sentence = "Peskov said on Friday that the status of the region was unchanged. ";
    std::string out;
    out.reserve(bytes + sentence.size());
    while (out.size() < bytes) out += sentence;
    return out;  // no line break at all
}

std::string nested_html(int depth) {
    std::string out = "<html><body>";
    for (int i = 0; i < depth; ++i) out += "<div><span>";
    out += "KYIV, Nov 11 (Reuters) - Deep inside the markup.";
    for (int i = 0; i < depth; ++i) out += "</span></div>";
    return out + "</body></html>";
}

std::string unterminated_quotes(int count) {
    std::string out = "KYIV, Nov 11 (Reuters) - ";
    for (int i = 0; i < count; ++i) out += "\xE2\x80\x9C" "Peskov said ";  // “ never closed
    return out + "\n";
}

// A Kremlin statement about `region` with `name` as the speaker's surname.
std::string statement(const std::string& name, const std::string& region) {
    return "Kremlin spokesman Dmitry " + name + " said on Friday that the " + region + " region is part of Russia.\n\n";
}

struct Run {
    int exit_code = -1;
    std::string stderr_text;
    std::map<std::string, nlohmann::json> documents;  // doc -> record
    std::map<std::string, int> listed;                 // doc -> times listed
    std::vector<nlohmann::json> assertions;
};

Run check(const fs::path& corpus, const fs::path& dir) {
    Run run;
    run.exit_code = factline::testing::run_factline(dir, "check '" + corpus.string() + "' --out out --format json");
    std::ifstream stderr_file(dir / "factline-stderr.txt");
    run.stderr_text.assign(std::istreambuf_iterator<char>(stderr_file), std::istreambuf_iterator<char>());
    for (const auto& record : factline::testing::read_jsonl(dir / "out" / "documents.jsonl")) {
        const std::string doc = record.at("doc").get<std::string>();
        ++run.listed[doc];
        run.documents[doc] = record;
    }
    run.assertions = factline::testing::read_jsonl(dir / "out" / "assertions.jsonl");
    return run;
}

void hostile_suite(const Scale& scale) {
    const factline::testing::Scratch temp;
    const fs::path corpus = temp / "corpus";
    fs::create_directories(corpus / "tiny");
    const std::map<std::string, std::string> files{
        {"binary.bin.txt", random_bytes(4096)},
        {"empty.txt", ""},
        {"invalid_utf8.txt", "MOSCOW, Nov 11 (Reuters) \xFF\xFE broken \xC3( bytes\n"},
        {"utf16le_bom.txt", "\xFF\xFE" "K\0y\0i\0v\0,\0 \0N\0o\0v\0 \0" "1\0" "1\0\n\0"s},
        {"utf16be_bom.txt", "\xFE\xFF" "\0K\0y\0i\0v\0,\0 \0N\0o\0v\0 \0" "1\0" "1\0\n"s},
        {"crlf.txt", "Headline\r\n\r\nKYIV, Nov 11 (Reuters) - Text.\r\n"},
        {"cr_only.txt", "Headline\r\rKYIV, Nov 11 (Reuters) - " + statement("Peskov", "Kherson") + "\r"},
        {"nul_bytes.txt", "text\0with\0NUL\0bytes\0"s},
        {"image.png", random_bytes(512)},
        {"single_long_line.txt", one_long_line(scale.long_line_bytes)},
        {"nested.html", nested_html(scale.html_depth)},
        {"unterminated_quotes.txt", unterminated_quotes(scale.open_quotes)},
        // Zero-width space, a right-to-left override and a Cyrillic 'е' inside the name.
        {"hidden_characters.txt", "KYIV, Nov 11 (Reuters) - " + statement("Pes\xE2\x80\x8Bkov", "Zaporizhzhia") +
                                      statement("\xE2\x80\xAEPeskov\xE2\x80\xAC", "Luhansk") +
                                      statement("P\xD0\xB5skov", "Donetsk")},
    };
    for (const auto& [name, bytes] : files) write(corpus / name, bytes);
    for (int i = 0; i < scale.tiny_files; ++i) write(corpus / "tiny" / (std::to_string(i) + ".txt"), "x\n");

    const Run run = check(corpus, temp.dir());
    ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << "exit code " << run.exit_code << "\n" << run.stderr_text;
    ASSERT_FALSE(run.documents.empty()) << "no documents.jsonl\n" << run.stderr_text;

    // Nothing lost: every file listed once, ok or skipped with a reason.
    std::set<std::string> expected;
    for (const auto& [name, bytes] : files) expected.insert((corpus / name).generic_string());
    for (int i = 0; i < scale.tiny_files; ++i) expected.insert((corpus / "tiny" / (std::to_string(i) + ".txt")).generic_string());
    EXPECT_EQ(run.documents.size(), expected.size());
    for (const auto& doc : expected) {
        ASSERT_EQ(run.listed.count(doc) ? run.listed.at(doc) : 0, 1) << doc << " should appear exactly once";
        const auto& record = run.documents.at(doc);
        const std::string status = record.at("status").get<std::string>();
        if (status == "skipped") {
            EXPECT_FALSE(record.value("reason", "").empty()) << doc;
        } else {
            EXPECT_EQ(status, "ok") << doc;
        }
    }
    const auto status_of = [&](const std::string& name) {
        return run.documents.at((corpus / name).generic_string()).value("status", "");
    };
    EXPECT_EQ(status_of("empty.txt"), "skipped");
    EXPECT_EQ(status_of("nul_bytes.txt"), "skipped");
    EXPECT_EQ(status_of("binary.bin.txt"), "skipped");
    for (const char* ok : {"utf16le_bom.txt", "utf16be_bom.txt", "crlf.txt", "cr_only.txt", "invalid_utf8.txt",
                           "single_long_line.txt", "nested.html", "unterminated_quotes.txt", "hidden_characters.txt"}) {
        EXPECT_EQ(status_of(ok), "ok") << ok;
    }
    EXPECT_NE(run.stderr_text.find("invalid_utf8.txt:1:26: warning: invalid UTF-8"), std::string::npos)
        << run.stderr_text;

    // The names still match: Peskov's claims survive hidden characters and CR-only lines.
    std::set<std::string> peskov_subjects;
    for (const auto& a : run.assertions) {
        const std::string doc = a.value("doc", "");
        if (a.value("holder", "") == "peskov" && a.value("topic", "") == "status" &&
            (doc.ends_with("hidden_characters.txt") || doc.ends_with("cr_only.txt"))) {
            peskov_subjects.insert(a.value("subject", ""));
        }
    }
    EXPECT_EQ(peskov_subjects, (std::set<std::string>{"donetsk", "kherson", "luhansk", "zaporizhzhia"}));
}

TEST(HostileInputs, FullSizeEveryFileListedOnceAndNoCrash) { hostile_suite(full_size); }

TEST(HostileInputsSmall, EveryFileListedOnceAndNoCrash) { hostile_suite(small_size); }

}  // namespace
