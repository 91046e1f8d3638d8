// libFuzzer target: ingestion of untrusted bytes: decode_text (UTF-8/UTF-16,
// binary detection), the HTML reader and the JSON Lines reader. Never throws.
// The JSON Lines file reader, which reads a block at a time, must give what
// the whole-file reader gives: any difference aborts (a differential target).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "checker/ingest.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

std::string dump(const factline::Corpus& corpus) {
    std::string out;
    for (const auto& d : corpus.documents) out += d.path + '\x1f' + d.text + '\x1f' + d.meta.url + '\x1f' + d.meta.outlet + '\n';
    for (const auto& s : corpus.skipped) out += s.path + '\x1f' + s.reason + '\n';
    for (const auto& d : corpus.diagnostics.items()) out += factline::format_diagnostic(d) + '\n';
    return out;
}

void compare_streamed_reader(const std::string& bytes, const std::string& text) {
    static const factline::testing::TempDir scratch("factline-fuzz-ingest");  // removed at exit
    static const std::string file = (scratch / "input.jsonl").string();
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    factline::Corpus streamed;
    std::string reason;
    const std::size_t block = 1 + bytes.size() % 29;
    const auto result = factline::stream_json_lines_file(file, "fuzz.jsonl", streamed, 1, UINT64_MAX, reason, block);
    if (result == factline::JsonLinesStream::fall_back) return;  // decoding changes the bytes: the whole-file path reads it
    if (result == factline::JsonLinesStream::skipped) {
        if (!factline::is_blank(text)) std::abort();
        return;
    }
    factline::Corpus whole;
    factline::read_json_lines(text, "fuzz.jsonl", whole);
    if (dump(streamed) != dump(whole)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::string text;
    std::string reason;
    factline::Diagnostics diagnostics;
    if (factline::decode_text(bytes, "fuzz.txt", text, reason, diagnostics)) {
        (void)factline::read_html_page(text);
        (void)factline::looks_like_html(text);
        (void)factline::looks_like_json_lines(text);
        factline::Corpus corpus;
        factline::read_json_lines(text, "fuzz.jsonl", corpus);
        compare_streamed_reader(bytes, text);
    }
    (void)factline::html_to_text(bytes);  // raw bytes too: the reader must not trust its input
    return 0;
}
