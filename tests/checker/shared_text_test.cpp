// SharedText: one copy per handle family, compared and ordered as its text,
// freed with its last handle.
#include "checker/shared_text.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

namespace factline {
namespace {

TEST(SharedText, CopiesShareOneStringAndSeparateTextsDoNot) {
    const SharedText a(std::string("reuters-0001.txt"));
    const SharedText copy = a;  // NOLINT: the copy is the point
    EXPECT_EQ(copy.data(), a.data());
    const SharedText separate("reuters-0001.txt");
    EXPECT_NE(separate.data(), a.data());
    EXPECT_EQ(separate, a);  // equal by text, not only by handle
}

TEST(SharedText, DefaultAndEmptyTextsAreEmpty) {
    const SharedText none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, SharedText(""));
    EXPECT_EQ(none, "");
    EXPECT_EQ(none.size(), 0u);
    EXPECT_EQ(none.str(), std::string());
    EXPECT_STREQ(none.c_str(), "");
}

TEST(SharedText, KeepsEveryByteAndEndsWithANul) {
    const std::string bytes("a\0b\xEF\xBF\xBD", 6);
    const SharedText text(bytes);
    EXPECT_EQ(text.size(), 6u);
    EXPECT_EQ(text.view(), bytes);
    EXPECT_EQ(text.c_str()[6], '\0');
    EXPECT_EQ(text.str(), bytes);
}

TEST(SharedText, OrdersAndComparesAsItsText) {
    std::vector<SharedText> docs = {"b.txt", "", "a.txt", "c.txt", "a.txt"};
    std::sort(docs.begin(), docs.end());
    const std::vector<std::string> expected = {"", "a.txt", "a.txt", "b.txt", "c.txt"};
    ASSERT_EQ(docs.size(), expected.size());
    for (std::size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(docs[i], expected[i]);
    EXPECT_LT(SharedText("a"), std::string("b"));
    EXPECT_GT(SharedText("b"), std::string_view("a"));
    EXPECT_EQ(fmt::format("{}|{}", SharedText("x"), SharedText()), "x|");
}

TEST(SharedText, AssignmentAndMoveKeepTheTextAlive) {
    SharedText kept;
    {
        SharedText made(std::string(100, 'q'));
        kept = made;
        made = SharedText("other");
        SharedText moved = std::move(made);
        EXPECT_EQ(moved, "other");
        EXPECT_TRUE(made.empty());  // NOLINT(bugprone-use-after-move): a moved-from handle is empty
    }
    EXPECT_EQ(kept, std::string(100, 'q'));  // ASan would flag a freed block here
    kept = kept;                             // NOLINT: self-assignment keeps it
    EXPECT_EQ(kept.size(), 100u);
}

TEST(SharedText, HandlesCopiedAndDroppedOnManyThreadsFreeTheTextOnce) {
    // Copies on several threads at once, as the records' threads give each
    // document's assertions its fields; under ASan a miscount is a double free
    // or a leak.
    const SharedText origin(std::string(64, 'd'));
    std::vector<std::thread> threads;
    std::vector<std::vector<SharedText>> copies(4);
    for (auto& mine : copies) {
        threads.emplace_back([&origin, &mine] {
            for (int i = 0; i < 10000; ++i) mine.push_back(origin);
            mine.erase(mine.begin(), mine.begin() + 5000);
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& mine : copies) {
        ASSERT_EQ(mine.size(), 5000u);
        EXPECT_EQ(mine.back().data(), origin.data());
    }
}

}  // namespace
}  // namespace factline
