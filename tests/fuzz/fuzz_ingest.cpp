// libFuzzer target: ingestion of untrusted bytes: decode_text (UTF-8/UTF-16,
// binary detection), the HTML reader and the JSON Lines reader. Never throws.
#include <cstddef>
#include <cstdint>
#include <string>

#include "checker/ingest.hpp"

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
    }
    (void)factline::html_to_text(bytes);  // raw bytes too: the reader must not trust its input
    return 0;
}
