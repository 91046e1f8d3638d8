// SlotTable (checker/slot_table.hpp), the flat table the matcher reads slots
// from, and SlotBuilder (checker/slots.hpp), which refills one table sentence
// after sentence: candidates by token, longest first, and nothing left over
// from the sentence before.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/slots.hpp"

namespace factline {
namespace {

std::vector<std::string> texts(SlotIds ids) {
    std::vector<std::string> out;
    for (const std::string* id : ids) out.push_back(*id);
    return out;
}

/// (end, ids) of each candidate of `slot` at `token`, in table order.
std::vector<std::pair<std::uint32_t, std::vector<std::string>>> candidates(const SlotTable& table, Slot slot,
                                                                            std::uint32_t token) {
    std::vector<std::pair<std::uint32_t, std::vector<std::string>>> out;
    for (const auto& candidate : table.at(slot, token)) out.emplace_back(candidate.end, texts(table.ids(candidate)));
    return out;
}

using Candidates = std::vector<std::pair<std::uint32_t, std::vector<std::string>>>;

TEST(SlotTable, KeepsCandidatesByTokenAndSlot) {
    const std::string a = "a", b = "b";
    const std::vector<const std::string*> ab = {&a, &b};
    SlotTable table;
    table.add(Slot::region, 1, 4, ab);
    table.add(Slot::region, 1, 2, SlotIds(ab.data(), 1));
    table.add(Slot::region, 4, 5, SlotIds(ab.data() + 1, 1));
    table.add(Slot::holder, 0, 1, SlotIds(ab.data(), 1));

    EXPECT_EQ(candidates(table, Slot::region, 0), Candidates{});
    EXPECT_EQ(candidates(table, Slot::region, 1), (Candidates{{4, {"a", "b"}}, {2, {"a"}}}));
    EXPECT_EQ(candidates(table, Slot::region, 2), Candidates{});
    EXPECT_EQ(candidates(table, Slot::region, 3), Candidates{});
    EXPECT_EQ(candidates(table, Slot::region, 4), (Candidates{{5, {"b"}}}));
    EXPECT_EQ(candidates(table, Slot::region, 5), Candidates{});
    EXPECT_EQ(candidates(table, Slot::region, 1000), Candidates{});
    EXPECT_EQ(candidates(table, Slot::holder, 0), (Candidates{{1, {"a"}}}));
    EXPECT_EQ(candidates(table, Slot::holder, 1), Candidates{});
    EXPECT_FALSE(table.empty(Slot::region));
    EXPECT_FALSE(table.empty(Slot::holder));
    EXPECT_TRUE(table.empty(Slot::named_region));
    EXPECT_TRUE(table.empty(Slot::party));

    table.clear();
    EXPECT_TRUE(table.empty(Slot::region));
    EXPECT_EQ(candidates(table, Slot::region, 1), Candidates{});
    table.add(Slot::region, 2, 3, SlotIds(ab.data() + 1, 1));
    EXPECT_EQ(candidates(table, Slot::region, 1), Candidates{});
    EXPECT_EQ(candidates(table, Slot::region, 2), (Candidates{{3, {"b"}}}));
}

TEST(SlotTable, CandidatesShareStoredIds) {
    const std::string a = "a", b = "b", c = "c";
    const std::vector<const std::string*> abc = {&a, &b, &c};
    SlotTable table;
    table.add(Slot::party, 0, 1, SlotIds(abc.data() + 2, 1));
    const std::uint32_t first = table.store(abc);
    table.add(Slot::party, 2, {5, first, 0}, 3);
    table.add(Slot::party, 2, {3, first, 0}, 1);
    EXPECT_EQ(candidates(table, Slot::party, 0), (Candidates{{1, {"c"}}}));
    EXPECT_EQ(candidates(table, Slot::party, 1), Candidates{});
    EXPECT_EQ(candidates(table, Slot::party, 2), (Candidates{{5, {"a", "b", "c"}}, {3, {"a"}}}));
}

TEST(SlotTable, NamesTheSlotsOfThePatternLanguage) {
    EXPECT_EQ(slot_named("region"), Slot::region);
    EXPECT_EQ(slot_named("named_region"), Slot::named_region);
    EXPECT_EQ(slot_named("holder"), Slot::holder);
    EXPECT_EQ(slot_named("party"), Slot::party);
    EXPECT_EQ(slot_named("regions"), std::nullopt);
    EXPECT_EQ(slot_named(""), std::nullopt);
}

Mention mention(std::uint32_t begin, MentionKind kind, std::string id) {
    Mention m;
    m.begin = begin;
    m.end = begin + 1;
    m.kind = kind;
    m.id = std::move(id);
    return m;
}

TEST(SlotBuilder, ACoordinationGivesEveryPrefixLongestFirst) {
    Lexicon lexicon;
    const Focus focus;
    const auto tokens = tokenize("the Donetsk, Luhansk and Kherson regions");
    ASSERT_EQ(tokens.size(), 7u);
    const std::vector<Mention> mentions = {mention(1, MentionKind::region, "donetsk"),
                                           mention(3, MentionKind::region, "luhansk"),
                                           mention(5, MentionKind::region, "kherson")};
    SlotBuilder builder;
    const SlotTable& slots = builder.build(tokens, mentions, lexicon, focus);
    const Candidates all = {{7, {"donetsk", "luhansk", "kherson"}},
                            {6, {"donetsk", "luhansk", "kherson"}},
                            {4, {"donetsk", "luhansk"}},
                            {2, {"donetsk"}}};
    EXPECT_EQ(candidates(slots, Slot::region, 0), all);  // "the" before a name starts it too
    EXPECT_EQ(candidates(slots, Slot::region, 1), all);
    EXPECT_EQ(candidates(slots, Slot::named_region, 1), all);
    EXPECT_EQ(candidates(slots, Slot::region, 2), Candidates{});
    EXPECT_EQ(candidates(slots, Slot::region, 3),
              (Candidates{{7, {"luhansk", "kherson"}}, {6, {"luhansk", "kherson"}}, {4, {"luhansk"}}}));
    EXPECT_TRUE(slots.empty(Slot::holder));
    EXPECT_TRUE(slots.empty(Slot::party));
}

TEST(SlotBuilder, TheNextSentenceKeepsNothingOfThePreviousOne) {
    Lexicon lexicon;
    Actor actor;
    actor.id = "speaker_a";
    actor.group = "group_a";
    lexicon.actors[actor.id] = actor;
    Focus focus;
    focus.group = {"x", "y"};
    SlotBuilder builder;

    const auto first = tokenize("Kherson and Luhansk , said the spokesman");
    const std::vector<Mention> first_mentions = {mention(0, MentionKind::region, "kherson"),
                                                 mention(2, MentionKind::region, "luhansk"),
                                                 mention(6, MentionKind::actor, "speaker_a")};
    const SlotTable& slots = builder.build(first, first_mentions, lexicon, focus);
    EXPECT_EQ(candidates(slots, Slot::region, 0).size(), 2u);
    EXPECT_EQ(candidates(slots, Slot::holder, 6), (Candidates{{7, {"speaker_a"}}}));
    EXPECT_EQ(candidates(slots, Slot::party, 6), (Candidates{{7, {"group_a"}}}));

    const auto second = tokenize("they hold the territories");
    const std::vector<Mention> second_mentions = {mention(3, MentionKind::group_anaphora, "")};
    const SlotTable& again = builder.build(second, second_mentions, lexicon, focus);
    EXPECT_EQ(&again, &slots);  // one table, refilled
    EXPECT_EQ(candidates(again, Slot::region, 0), Candidates{});
    EXPECT_EQ(candidates(again, Slot::region, 2), (Candidates{{4, {"x", "y"}}}));  // the focus group
    EXPECT_EQ(candidates(again, Slot::region, 3), (Candidates{{4, {"x", "y"}}}));
    EXPECT_TRUE(again.empty(Slot::named_region));  // anaphora name no region by itself
    EXPECT_TRUE(again.empty(Slot::holder));
    EXPECT_TRUE(again.empty(Slot::party));
    EXPECT_EQ(candidates(again, Slot::holder, 6), Candidates{});
}

}  // namespace
}  // namespace factline
