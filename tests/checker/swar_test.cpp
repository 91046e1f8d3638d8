// The eight-bytes-at-a-time tests (checker/swar.hpp) against the byte-wise
// question, for every byte value in every one of the eight places.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "checker/swar.hpp"

namespace factline::swar {
namespace {

/// The word whose byte `place` is `value` and whose other bytes are `fill`.
std::uint64_t word_with(unsigned place, unsigned value, unsigned char fill) {
    std::string bytes(8, static_cast<char>(fill));
    bytes[place] = static_cast<char>(value);
    return load(bytes.data());
}

std::uint64_t high_bit(unsigned place) { return std::uint64_t{0x80} << (8 * place); }

TEST(Swar, EachByteIsAnsweredAlone) {
    for (unsigned place = 0; place < 8; ++place) {
        for (unsigned value = 0; value < 256; ++value) {
            SCOPED_TRACE(std::to_string(place) + ": " + std::to_string(value));
            // Neighbours that would carry or borrow into the byte if the tests leaked.
            for (const unsigned char fill : {0x00, 0x7F, 0x80, 0xFF}) {
                const std::uint64_t x = word_with(place, value, fill);
                const auto only = [&](std::uint64_t bits) { return bits & high_bit(place); };
                EXPECT_EQ(only(zero_bytes(x)) != 0, value == 0);
                EXPECT_EQ(only(bytes_equal(x, ' ')) != 0, value == ' ');
                EXPECT_EQ(only(bytes_below(x, ' ')) != 0, value < ' ');
                EXPECT_EQ(only(bytes_below(x, 0x80)) != 0, value < 0x80);
                EXPECT_EQ(only(bytes_in(x, 'A', 'Z' + 1)) != 0, value >= 'A' && value <= 'Z');
                EXPECT_EQ(only(bytes_in(x, '0', '9' + 1)) != 0, value >= '0' && value <= '9');
            }
        }
    }
}

TEST(Swar, OnlyHighBitsAreSet) {
    const std::uint64_t x = load("a\x01 Z\x80\xFF" "09");
    for (const std::uint64_t bits : {zero_bytes(x), bytes_equal(x, ' '), bytes_below(x, ' '), bytes_in(x, 'A', 'Z' + 1),
                                     bytes_in(x, '0', '9' + 1)}) {
        EXPECT_EQ(bits & ~highs, 0u);
    }
    EXPECT_EQ(bytes_in(x, '0', '9' + 1), high_bit(6) | high_bit(7));
    EXPECT_EQ(bytes_below(x, ' '), high_bit(1));
}

TEST(Swar, FindFirstIsTheFirstMatchingByteFromAnyStart) {
    // A colon among dots, at every place of texts of 0 to 24 bytes, searched
    // from every start: the eight-byte steps, their edges and the tail.
    const auto colons = [](std::uint64_t x) { return bytes_equal(x, ':'); };
    const auto colon = [](unsigned char c) { return c == ':'; };
    for (std::size_t length = 0; length <= 24; ++length) {
        for (std::size_t place = 0; place <= length; ++place) {
            std::string text(length, '.');
            if (place < length) text[place] = ':';
            for (std::size_t from = 0; from <= length; ++from) {
                const std::size_t expected = text.find(':', from) == std::string::npos ? length : text.find(':', from);
                ASSERT_EQ(find_first(text, from, colons, colon), expected)
                    << "length " << length << " place " << place << " from " << from;
            }
        }
    }
}

}  // namespace
}  // namespace factline::swar
