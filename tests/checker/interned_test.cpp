// Interned strings: one copy per text, compared and ordered as the text.
#include "checker/interned.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

namespace factline {
namespace {

TEST(Interned, EqualTextsShareOneCopy) {
    const std::string made = std::string("core.control.") + "captured";  // not the literal's storage
    const Interned a("core.control.captured"), b(made);
    EXPECT_EQ(&a.str(), &b.str());
    EXPECT_EQ(a, b);
    EXPECT_NE(a, Interned("core.control.retreated"));
    EXPECT_EQ(a.str(), "core.control.captured");
}

TEST(Interned, DefaultIsEmptyAndEqualToTheEmptyText) {
    const Interned none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, Interned(""));
    EXPECT_EQ(none, "");
    EXPECT_EQ(none.size(), 0u);
}

TEST(Interned, OrdersAndComparesAsItsText) {
    std::vector<Interned> words = {"kherson", "", "donetsk", "zaporizhzhia", "donetsk"};
    std::sort(words.begin(), words.end());
    EXPECT_EQ(words, (std::vector<Interned>{"", "donetsk", "donetsk", "kherson", "zaporizhzhia"}));
    const Interned word("kherson");
    EXPECT_TRUE(word == "kherson");
    EXPECT_TRUE(word == std::string("kherson"));
    EXPECT_TRUE(word == std::string_view("kherson"));
    EXPECT_TRUE(std::string_view("kherson") == word);
    EXPECT_TRUE(word < "luhansk");
    EXPECT_TRUE(word > std::string("donetsk"));
    EXPECT_EQ(word + "_city", "kherson_city");
    EXPECT_EQ(fmt::format("[{}]", word), "[kherson]");
    EXPECT_EQ(std::hash<Interned>{}(word), std::hash<std::string_view>{}("kherson"));
}

TEST(Interned, ThreadsInterningAtOnceGetTheSameCopies) {
    constexpr int threads = 4, texts = 2000;
    std::vector<std::vector<const std::string*>> seen(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([t, &seen] {
            for (int i = 0; i < texts; ++i) seen[t].push_back(&Interned("text-" + std::to_string(i)).str());
        });
    }
    for (auto& worker : workers) worker.join();
    for (int t = 1; t < threads; ++t) EXPECT_EQ(seen[t], seen[0]);
    EXPECT_EQ(*seen[0][1999], "text-1999");
}

}  // namespace
}  // namespace factline
