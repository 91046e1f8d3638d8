// TextPool: one shared copy per distinct text, from any thread.
#include "checker/text_pool.hpp"

#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

namespace factline {
namespace {

TEST(TextPool, EqualTextsComeBackAsOneCopy) {
    TextPool pool;
    const SharedText first = pool.share(SharedText(std::string("Peskov said talks were impossible.")));
    const SharedText again = pool.share(SharedText(std::string("Peskov said talks were impossible.")));
    const SharedText by_view = pool.share(std::string_view("Peskov said talks were impossible."));
    EXPECT_EQ(again.data(), first.data());
    EXPECT_EQ(by_view.data(), first.data());
    const SharedText other = pool.share(std::string_view("Peskov said talks were open."));
    EXPECT_NE(other.data(), first.data());
    EXPECT_EQ(other, "Peskov said talks were open.");
    EXPECT_EQ(pool.size(), 2u);
}

TEST(TextPool, TheFirstHandleSeenIsTheOneKept) {
    TextPool pool;
    const SharedText made(std::string("c1b4c2e24"));
    EXPECT_EQ(pool.share(made).data(), made.data());  // no copy made for a new text
}

TEST(TextPool, TheEmptyTextIsNotPooled) {
    TextPool pool;
    EXPECT_TRUE(pool.share(std::string_view()).empty());
    EXPECT_TRUE(pool.share(SharedText()).empty());
    EXPECT_EQ(pool.size(), 0u);
}

TEST(TextPool, ManyTextsGrowTheTableAndStayFindable) {
    TextPool pool;
    std::vector<SharedText> kept;
    for (int i = 0; i < 20000; ++i) kept.push_back(pool.share("sentence " + std::to_string(i)));
    EXPECT_EQ(pool.size(), 20000u);
    for (int i = 0; i < 20000; i += 7) {
        EXPECT_EQ(pool.share("sentence " + std::to_string(i)).data(), kept[static_cast<std::size_t>(i)].data());
    }
}

TEST(TextPool, ThreadsSharingTheSameTextsGetTheSameCopies) {
    TextPool pool;
    std::vector<std::vector<SharedText>> seen(4);
    std::vector<std::thread> threads;
    for (auto& mine : seen) {
        threads.emplace_back([&pool, &mine] {
            for (int i = 0; i < 3000; ++i) mine.push_back(pool.share("line " + std::to_string(i % 500)));
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(pool.size(), 500u);
    for (std::size_t t = 1; t < seen.size(); ++t) {
        for (std::size_t i = 0; i < seen[t].size(); ++i) EXPECT_EQ(seen[t][i].data(), seen[0][i].data());
    }
}

}  // namespace
}  // namespace factline
