// text_hash (checker/text_hash.cpp) hashes eight bytes at a time: its value
// must stay that of the byte-by-byte definition, which clusters and cluster
// maps written before depend on.
#include <gtest/gtest.h>

#include <cstdint>
#include <fmt/format.h>
#include <random>
#include <string>

#include "checker/text_hash.hpp"

namespace factline {
namespace {

/// The definition: FNV-1a 64 over the text with whitespace runs folded to one
/// space and the leading run dropped, one byte at a time.
std::string reference_text_hash(std::string_view text) {
    std::uint64_t hash = 1469598103934665603ull;
    bool in_space = true;
    for (unsigned char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space) {
            if (in_space) continue;
            in_space = true;
            c = ' ';
        } else {
            in_space = false;
        }
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return fmt::format("{:016x}", hash);
}

TEST(TextHash, FoldsWhitespaceRuns) {
    EXPECT_EQ(text_hash(""), "14650fb0739d0383");  // the offset basis alone
    EXPECT_EQ(text_hash("Talks  resumed\r\n\ton Monday."), text_hash("Talks resumed on Monday."));
    EXPECT_EQ(text_hash("  \n leading and trailing \n\n"), text_hash("leading and trailing "));
    EXPECT_NE(text_hash("Talks\vresumed"), text_hash("Talks resumed"));  // \v and \f are not whitespace
}

TEST(TextHash, MatchesTheByteByByteDefinition) {
    // Every length around the eight-byte steps, with bytes drawn mostly from
    // whitespace and its neighbours (control bytes, 0x80+, letters), so that
    // runs start and end at every place in a word and across words.
    const char alphabet[] = {' ', ' ', '\n', '\r', '\t', '\v', '\f', '\x08', '\x0b', '\x0c', '\x0e', '\x1f',
                             '!', 'a', 'Z', '\x7f', '\x80', '\xa0', '\xff', '\0', '\x09', '\x21'};
    std::mt19937_64 random(13);
    for (int round = 0; round < 5000; ++round) {
        std::string text(random() % 40, ' ');
        for (char& c : text) c = alphabet[random() % sizeof alphabet];
        ASSERT_EQ(text_hash(text), reference_text_hash(text)) << "round " << round;
    }
    const std::string article = "MOSCOW, March 3 (Reuter) -  The  talks\n\n  resumed on Monday,\r\n\tofficials said.\n";
    for (std::size_t from = 0; from < article.size(); ++from) {
        EXPECT_EQ(text_hash(article.substr(from)), reference_text_hash(article.substr(from))) << from;
    }
}

}  // namespace
}  // namespace factline
