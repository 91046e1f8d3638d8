// The flat TOML reader: it reads the plain shape of a generated gazetteer as
// toml++ does, and declines everything else (the caller then uses toml++).
#include "checker/flat_toml.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <toml++/toml.h>

namespace factline {
namespace {

using Kind = FlatValue::Kind;

TEST(FlatToml, ReadsTablesOfPlainValues) {
    const std::string text =
        "# generated\r\n"
        "\r\n"
        "[kherson_city]\r\n"
        "name = \"Kherson\"  # a comment\r\n"
        "aliases = [\"Kherson\", \"Херсон\",]\r\n"
        "population\t=\t-9223372036854775808\r\n"
        "[empty-list]\n"
        "context_only = true\n"
        "aliases = []\n"
        "big = +9223372036854775807\n"
        "[no_keys]";
    const auto tables = read_flat_toml(text);
    ASSERT_TRUE(tables);
    ASSERT_EQ(tables->size(), 3u);
    const FlatTable& city = (*tables)[0];
    EXPECT_EQ(city.name, "kherson_city");
    ASSERT_EQ(city.keys.size(), 3u);
    EXPECT_EQ(city.keys[0].first, "name");
    EXPECT_EQ(city.find("name")->text, "Kherson");
    EXPECT_EQ(city.find("aliases")->kind, Kind::strings);
    EXPECT_EQ(city.find("aliases")->strings, (std::vector<std::string_view>{"Kherson", "Херсон"}));
    EXPECT_EQ(city.find("population")->integer, INT64_MIN);
    const FlatTable& list = (*tables)[1];
    EXPECT_EQ(list.name, "empty-list");
    EXPECT_TRUE(list.find("context_only")->boolean);
    EXPECT_TRUE(list.find("aliases")->strings.empty());
    EXPECT_EQ(list.find("big")->integer, INT64_MAX);
    EXPECT_EQ(list.find("missing"), nullptr);
    EXPECT_TRUE((*tables)[2].keys.empty());
}

class FlatTomlDeclines : public ::testing::TestWithParam<std::string> {};

TEST_P(FlatTomlDeclines, WhatIsNotFlat) { EXPECT_FALSE(read_flat_toml(GetParam())) << GetParam(); }

INSTANTIATE_TEST_SUITE_P(
    OtherToml, FlatTomlDeclines,
    ::testing::Values(
        // valid TOML of other shapes
        "[a]\nname = \"x\\\"y\"\n", "[a]\nname = 'literal'\n", "[a]\nname = \"\"\"multi\"\"\"\n",
        "[a]\naliases = [\n  \"x\",\n]\n", "[a]\naliases = [\"x\", 1]\n", "[a]\naliases = [[\"x\"]]\n",
        "[a.b]\nx = 1\n", "[ a ]\nx = 1\n", "[[a]]\nx = 1\n", "[\"a\"]\nx = 1\n", "[a]\nb.c = 1\n",
        "[a]\n\"b\" = 1\n", "top = 1\n[a]\n", "[a]\nx = 1.5\n", "[a]\nx = 1e3\n", "[a]\nx = 1_000\n",
        "[a]\nx = 0x1f\n", "[a]\nx = 1979-05-27\n", "[a]\nx = inf\n", "[a]\nx = {y = 1}\n",
        "\xEF\xBB\xBF[a]\nx = 1\n",
        // invalid TOML: toml++ reports it
        "[a]\nx = 1\n[a]\ny = 2\n", "[a]\nx = 1\nx = 2\n", "[a]\nx = 01\n", "[a]\nx = 9223372036854775808\n",
        "[a]\nx = -9223372036854775809\n", "[a]\nx = \"open\n", "[a]\nx = \"tab\x01\"\n", "[a]\n# del \x7f\n",
        "[a]\nx = 1\ry = 2\n", "[a]\nx = \"\xC3\x28\"\n", "[a]\nx = truly\n", "[a]\nx = \n", "[a]\nx 1\n",
        "[a] junk\n", "[]\n", "[a]\nx = \"y\" z\n"));

/// Every value of `table` as toml++ reads the same text.
void expect_same_as_toml(const FlatTable& table, const toml::table& root) {
    const toml::table* parsed = root.get_as<toml::table>(table.name);
    ASSERT_NE(parsed, nullptr) << table.name;
    EXPECT_EQ(parsed->size(), table.keys.size()) << table.name;
    for (const auto& [key, value] : table.keys) {
        const toml::node* node = parsed->get(key);
        ASSERT_NE(node, nullptr) << table.name << "." << key;
        switch (value.kind) {
            case Kind::string: EXPECT_EQ(node->value<std::string>(), std::string(value.text)); break;
            case Kind::integer: EXPECT_EQ(node->value<std::int64_t>(), value.integer); break;
            case Kind::boolean: EXPECT_EQ(node->value<bool>(), value.boolean); break;
            case Kind::strings: {
                const toml::array* array = node->as_array();
                ASSERT_NE(array, nullptr);
                ASSERT_EQ(array->size(), value.strings.size());
                for (std::size_t i = 0; i < value.strings.size(); ++i) {
                    EXPECT_EQ((*array)[i].value<std::string>(), std::string(value.strings[i]));
                }
                break;
            }
        }
    }
}

TEST(FlatToml, AgreesWithTomlPlusPlusOnTheShippedGazetteer) {
    const auto path = std::filesystem::path(FACTLINE_SOURCE_DIR) / "rules/places/lexicon/regions.toml";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << path;
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const auto tables = read_flat_toml(text);
    ASSERT_TRUE(tables) << "the generated pack left the flat shape: loading it is slow again";
    const toml::table root = toml::parse(text);
    EXPECT_EQ(root.size(), tables->size());
    for (const auto& table : *tables) expect_same_as_toml(table, root);
}

TEST(FlatToml, AgreesWithTomlPlusPlusOnEdgeValues) {
    const std::string text =
        "[t]\nempty = \"\"\ntabbed = \"a\tb\"\nhash = \"#not a comment\"\nzero = -0\nplus = +7\n"
        "flag = false\none = [\"x\"]\nspaced = [ \"a\" ,\t\"b\" ]\n";
    const auto tables = read_flat_toml(text);
    ASSERT_TRUE(tables);
    expect_same_as_toml(tables->front(), toml::parse(text));
}

}  // namespace
}  // namespace factline
