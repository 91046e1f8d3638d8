#include <gtest/gtest.h>
#include <string>

#include "checker/ingest.hpp"

namespace factline {
namespace {

using namespace std::string_literals;

const std::string fffd = "\xEF\xBF\xBD";

struct DecodeCase {
    const char* name;
    std::string bytes;
    bool ok;
    std::string text;       // expected text when ok, expected reason otherwise
    std::string diagnostic;  // expected diagnostic id, "" for none
    std::uint32_t line = 0;
    std::uint32_t col = 0;
    std::string message;    // substring of the diagnostic message (every case with a diagnostic gives one)
};

const DecodeCase decode_cases[] = {
    {"plain", "abc\n", true, "abc\n", "", 0, 0, ""},
    {"crlf_and_cr_kept", "a\r\nb\rc\n", true, "a\r\nb\rc\n", "", 0, 0, ""},
    {"utf8_bom_stripped", "\xEF\xBB\xBFKyiv\n", true, "Kyiv\n", "", 0, 0, ""},
    {"utf8_multibyte_kept", "Zelens\xCA\xB9kyi \xE2\x80\x94 \xF0\x9F\x98\x80", true,
     "Zelens\xCA\xB9kyi \xE2\x80\x94 \xF0\x9F\x98\x80", "", 0, 0, ""},
    {"utf16le_bom", "\xFF\xFE" "a\0\xE9\0\n\0"s, true, "a\xC3\xA9\n", "", 0, 0, ""},
    {"utf16be_bom", "\xFE\xFF" "\0a\0\xE9\0\n"s, true, "a\xC3\xA9\n", "", 0, 0, ""},
    {"utf16le_cyrillic", "\xFF\xFE\x1A\x04\x38\x04"s, true, "\xD0\x9A\xD0\xB8", "", 0, 0, ""},
    {"utf16le_surrogate_pair", "\xFF\xFE\x3D\xD8\x00\xDE"s, true, "\xF0\x9F\x98\x80", "", 0, 0, ""},
    {"utf16le_lone_surrogate", "\xFF\xFE" "a\0\n\0\x3D\xD8" "b\0"s, true, "a\n" + fffd + "b",
     "input.invalid-encoding", 2, 1, "1 code unit"},
    {"utf16le_odd_length", "\xFF\xFE" "a\0b"s, true, "a" + fffd, "input.invalid-encoding", 1, 2, "1 code unit"},
    {"utf32le_bom", "\xFF\xFE\0\0" "a\0\0\0\x00\xF6\x01\0"s, true, "a\xF0\x9F\x98\x80", "", 0, 0, ""},
    {"utf16le_without_bom", "T\0h\0e\0 \0w\0a\0r\0\n\0"s, true, "The war\n", "", 0, 0, ""},
    {"utf16be_without_bom", "\0T\0h\0e\0 \0w\0a\0r\0\n"s, true, "The war\n", "", 0, 0, ""},
    {"invalid_bytes_one_for_one", "ab\xFF" "cd\n\xC3x", true, "ab" + fffd + "cd\n" + fffd + "x",
     "input.invalid-utf8", 1, 3, "2 bytes"},
    {"invalid_after_multibyte_on_line_two", "ok\r\n\xC3\xA9\xFF", true, "ok\r\n\xC3\xA9" + fffd,
     "input.invalid-utf8", 2, 2, "1 byte"},
    {"overlong_encoding", "\xC0\xAF", true, fffd + fffd, "input.invalid-utf8", 1, 1, "2 bytes"},
    {"encoded_surrogate", "x\xED\xA0\x80", true, "x" + fffd + fffd + fffd, "input.invalid-utf8", 1, 2, "3 bytes"},
    {"truncated_sequence_at_end", "euro \xE2\x82", true, "euro " + fffd + fffd, "input.invalid-utf8", 1, 6, "2 bytes"},
    {"beyond_u10ffff", "\xF4\x90\x80\x80", true, fffd + fffd + fffd + fffd, "input.invalid-utf8", 1, 1, "4 bytes"},
    {"latin1_word", "caf\xE9 au lait", true, "caf" + fffd + " au lait", "input.invalid-utf8", 1, 4, "1 byte"},
    {"png_is_binary", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"s, false,
     "binary file (NUL bytes)", "", 0, 0, ""},
    {"text_with_stray_nul_is_binary", "plain text with one\0 NUL byte in it, otherwise ordinary\n"s, false,
     "binary file (NUL bytes)", "", 0, 0, ""},
    {"control_bytes_are_binary", "\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11", false,
     "binary file (control bytes)", "", 0, 0, ""},
};

class Decode : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(Decode, Case) {
    const DecodeCase& c = GetParam();
    std::string text;
    std::string reason;
    Diagnostics diagnostics;
    const bool ok = decode_text(c.bytes, "in.txt", text, reason, diagnostics);
    ASSERT_EQ(ok, c.ok) << reason;
    if (ok) {
        EXPECT_EQ(text, c.text);
    } else {
        EXPECT_EQ(reason, c.text);
    }
    if (c.diagnostic.empty()) {
        EXPECT_TRUE(diagnostics.items().empty()) << diagnostics.items().front().message;
        return;
    }
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const Diagnostic& d = diagnostics.items().front();
    EXPECT_EQ(d.id, c.diagnostic);
    EXPECT_EQ(d.severity, Severity::warning);
    EXPECT_EQ(d.path, "in.txt");
    EXPECT_EQ(d.line, c.line);
    EXPECT_EQ(d.col, c.col);
    EXPECT_NE(d.message.find(c.message), std::string::npos) << d.message;
}

INSTANTIATE_TEST_SUITE_P(Ingest, Decode, ::testing::ValuesIn(decode_cases),
                         [](const auto& info) { return std::string(info.param.name); });

// The one full-text check of the invalid-UTF-8 message (STYLE: one per error class).
TEST(DecodeMessage, InvalidUtf8FullText) {
    std::string text;
    std::string reason;
    Diagnostics diagnostics;
    ASSERT_TRUE(decode_text("line one\nbad \xFF here\n", "news/a.txt", text, reason, diagnostics));
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(format_diagnostic(diagnostics.items().front()),
              "news/a.txt:2:5: warning: invalid UTF-8: 1 byte replaced by U+FFFD (the first here) "
              "[input.invalid-utf8]\n  bad \xEF\xBF\xBD here\n      ^");
}

TEST(DecodeRepair, AnInvalidByteAnywhereInALongLineIsReplacedThere) {
    // Plain ASCII is passed over sixty-four, sixteen and eight bytes at a
    // time: one bad byte at any place of those steps is found where it is.
    const std::string plain(150, 'x');
    for (std::size_t at = 0; at < plain.size(); ++at) {
        std::string bytes = plain;
        bytes[at] = '\xFF';
        std::string text;
        std::string reason;
        Diagnostics diagnostics;
        ASSERT_TRUE(decode_text(bytes, "in.txt", text, reason, diagnostics));
        EXPECT_EQ(text, plain.substr(0, at) + fffd + plain.substr(at + 1)) << at;
        ASSERT_EQ(diagnostics.items().size(), 1u);
        EXPECT_EQ(diagnostics.items().front().col, at + 1);
    }
}

TEST(DecodeSpeed, FiftyMegabyteLineIsLinear) {
    std::string bytes;
    bytes.reserve(50u << 20);
    while (bytes.size() < (50u << 20)) bytes += "Peskov said on Friday that the status was unchanged \xE2\x80\x94 ";
    bytes += "\xFF";
    std::string text;
    std::string reason;
    Diagnostics diagnostics;
    // No clock here: a quadratic decode of 50 MB overruns the test's 300 s
    // timeout by orders of magnitude; what is asserted is the one diagnostic.
    ASSERT_TRUE(decode_text(bytes, "big.txt", text, reason, diagnostics));
    EXPECT_EQ(text.size(), bytes.size() + 2);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items().front().line, 1u);
    EXPECT_TRUE(diagnostics.items().front().source_line.empty());  // no 50 MB caret line
}

// The binary sniff counts control bytes sixteen and eight at a time: every
// byte value, in the blocks and in the tail, must count as the byte rule says
// (tabs, line ends, form feeds and ESC are text; other C0 bytes and DEL are
// not; bytes of 0x80 and up never are).
TEST(DecodeBinarySniff, EveryControlByteCountsWhereverItIs) {
    const auto is_control = [](unsigned char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) || c == 0x7F;
    };
    for (int value = 1; value < 0x100; ++value) {
        const char c = static_cast<char>(value);
        for (const std::size_t lead : {std::size_t{0}, std::size_t{3}, std::size_t{7}, std::size_t{9}, std::size_t{16},
                                       std::size_t{21}}) {
            // Ten in thirteen to seventeen bytes: most of the file, across a word and the tail.
            const std::string bytes = std::string(lead, 'a') + std::string(10, c);
            std::string text;
            std::string reason;
            Diagnostics diagnostics;
            EXPECT_EQ(decode_text(bytes, "x.txt", text, reason, diagnostics), !is_control(static_cast<unsigned char>(c)))
                << "byte " << value << " after " << lead;
        }
        // Three are too few, whatever they are.
        std::string text;
        std::string reason;
        Diagnostics diagnostics;
        EXPECT_TRUE(decode_text(std::string(3, c), "x.txt", text, reason, diagnostics)) << "byte " << value;
    }
    // Eleven in a hundred bytes are a tenth: binary; ten are not.
    for (const int count : {10, 11}) {
        std::string bytes(100, 'a');
        for (int k = 0; k < count; ++k) bytes[static_cast<std::size_t>(k * 9 + 1)] = '\x01';
        std::string text;
        std::string reason;
        Diagnostics diagnostics;
        EXPECT_EQ(decode_text(bytes, "x.txt", text, reason, diagnostics), count == 10) << count;
    }
}

// The count is kept in byte lanes, one per position in a block of sixteen:
// a lane past 255 would wrap. Control bytes in two lanes only (positions 3
// and 11 of every block, thousands of them each) must all count, up to the
// sample of 64 KiB the sniff reads.
TEST(DecodeBinarySniff, ControlBytesAreCountedAcrossThousandsOfBlocks) {
    for (const std::size_t size : {std::size_t{80'000}, std::size_t{4'099}}) {
        const std::size_t sample = std::min<std::size_t>(size, 64 * 1024);
        for (const bool over : {false, true}) {
            // A tenth of the sample exactly is text; one more control byte is binary.
            const std::size_t count = sample / 10 + (over ? 1 : 0);
            std::string bytes(size, 'a');
            for (std::size_t k = 0; k < count; ++k) bytes[k / 2 * 16 + (k % 2 == 0 ? 3 : 11)] = '\x02';
            std::string text;
            std::string reason;
            Diagnostics diagnostics;
            EXPECT_EQ(decode_text(bytes, "x.txt", text, reason, diagnostics), !over) << size << " " << count;
        }
    }
}

TEST(IsBlank, Cases) {
    EXPECT_TRUE(is_blank(""));
    EXPECT_TRUE(is_blank(" \t\r\n\f\v"));
    EXPECT_FALSE(is_blank("  x "));
}

}  // namespace
}  // namespace factline
