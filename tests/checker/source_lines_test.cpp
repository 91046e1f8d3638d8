// read_plain_source_entries(): the plain form of a sources.toml is read line
// by line; everything else is left to the TOML parser (nullopt), which alone
// reports. Its equality with toml++'s reading is in ingest_manifest_test.cpp.
#include <gtest/gtest.h>
#include <string>

#include "checker/source_lines.hpp"

namespace factline {
namespace {

TEST(PlainSourceEntries, ReadsEntriesWithTheirPositions) {
    const auto entries = read_plain_source_entries(
        "\n[[source]]\npath = \"a.txt\"\npublished = \"1987-02-26\"\n\n[[source]]\n  url=\"https://x/b\"\t\npath = \"b.txt\"\n");
    ASSERT_TRUE(entries.has_value());
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].path, "a.txt");
    EXPECT_EQ((*entries)[0].line, 2u);
    EXPECT_EQ((*entries)[0].col, 1u);
    ASSERT_TRUE((*entries)[0].meta.published.has_value());
    EXPECT_EQ(to_iso(*(*entries)[0].meta.published), "1987-02-26");
    EXPECT_EQ((*entries)[1].line, 6u);
    EXPECT_EQ((*entries)[1].meta.url, "https://x/b");
    EXPECT_TRUE((*entries)[1].key.empty());  // keys are made by read_source_entries
}

TEST(PlainSourceEntries, LeavesEverythingElseToTheTomlParser) {
    const char* const others[] = {
        "",                                                             // nothing to read
        "# a comment\n[[source]]\npath = \"a.txt\"\n",                  // comments
        "[[source]]\r\npath = \"a.txt\"\r\n",                           // CRLF
        "title = \"x\"\n[[source]]\npath = \"a.txt\"\n",                // a top-level key
        "[[source]]\npath = \"a.txt\"\n[other]\n",                      // another table
        "[[source]]\npath = \"a.txt\"\npublshed = \"2023-01-05\"\n",    // an unknown key
        "[[source]]\npath = \"a.txt\"\npath = \"b.txt\"\n",             // a repeated key
        "[[source]]\npath = \"a.txt\"\npublished = \"Jan 5\"\n",        // not a date
        "[[source]]\npath = \"a.txt\"\npublished = 2023-01-05\n",       // a TOML date
        "[[source]]\nurl = \"https://x\"\n",                            // no path
        "[[source]]\npath = \"\"\n",                                    // an empty path
        "[[source]]\npath = \"a\\\\b.txt\"\n",                          // an escape
        "[[source]]\npath = \"caf\xC3\xA9.txt\"\n",                     // non-ASCII (UTF-8 to check)
        "[[source]]\npath = 'a.txt'\n",                                 // a literal string
        "[[source]]\npath = \"a.txt\" # why\n",                         // a trailing comment
        " [[source]]\npath = \"a.txt\"\n",                              // an indented header
        "[[source]]\n\"path\" = \"a.txt\"\n",                           // a quoted key
    };
    for (const char* text : others) EXPECT_FALSE(read_plain_source_entries(text).has_value()) << text;
}

}  // namespace
}  // namespace factline
