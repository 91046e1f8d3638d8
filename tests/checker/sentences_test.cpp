// Sentence splitting tables (checker/sentences.hpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checker/layout.hpp"
#include "checker/sentences.hpp"

namespace factline {
namespace {

std::vector<std::string> sentences_of(const std::string& text) {
    std::vector<std::string> out;
    for (const Span& span : split_span(text, {0, static_cast<std::uint32_t>(text.size())})) {
        out.emplace_back(span.of(text));
    }
    return out;
}

void expect_sentences(const std::string& text, const std::vector<std::string>& expected) {
    SCOPED_TRACE(text);
    EXPECT_EQ(sentences_of(text), expected);
}

TEST(Sentences, FindsMarksAtEveryOffsetOfLongRuns) {
    // The scan for marks reads sixteen bytes at a time: a boundary, a quote and
    // a multi-byte mark are found wherever they fall in or after such a run.
    for (std::size_t n = 0; n < 40; ++n) {
        const std::string run(n, 'a');
        expect_sentences("x" + run + ". The end", {"x" + run + ".", "The end"});
        expect_sentences("x" + run + "? The end!", {"x" + run + "?", "The end!"});
        expect_sentences("\"x" + run + ". It\" was.", {"\"x" + run + ". It\" was."});
        expect_sentences("x" + run + "\xE2\x80\xA6 The end", {"x" + run + "\xE2\x80\xA6", "The end"});
    }
}

TEST(Sentences, PlainBoundaries) {
    expect_sentences("Russia left. Ukraine entered!  Who won? Nobody.",
                     {"Russia left.", "Ukraine entered!", "Who won?", "Nobody."});
    expect_sentences("  One sentence without a period  ", {"One sentence without a period"});
    expect_sentences("He said no. it was lower case after.", {"He said no. it was lower case after."});
    expect_sentences("", {});
}

TEST(Sentences, Abbreviations) {
    expect_sentences("The ceremony in Moscow on Sept. 30 was triumphal. He said so.",
                     {"The ceremony in Moscow on Sept. 30 was triumphal.", "He said so."});
    expect_sentences("Peskov spoke on Feb. 18, 2022. Then he left.", {"Peskov spoke on Feb. 18, 2022.", "Then he left."});
    expect_sentences("Russian and U.S. officials met. The talks, held at the U.S. consul general's residence, ended.",
                     {"Russian and U.S. officials met.", "The talks, held at the U.S. consul general's residence, ended."});
    expect_sentences("Talks were held in the U.S. The delegates left.", {"Talks were held in the U.S.", "The delegates left."});
    expect_sentences("Gen. Sergei Surovikin and Mr. Shoigu met Dr. Smith at St. Petersburg. Lt. Col. Ivanov agreed.",
                     {"Gen. Sergei Surovikin and Mr. Shoigu met Dr. Smith at St. Petersburg.", "Lt. Col. Ivanov agreed."});
    expect_sentences("The U.N. and the U.K. agreed. Resolution No. 5 passed.",
                     {"The U.N. and the U.K. agreed.", "Resolution No. 5 passed."});
    expect_sentences("He answered: \xE2\x80\x9CNo.\xE2\x80\x9D And he added more.",
                     {"He answered: \xE2\x80\x9CNo.\xE2\x80\x9D", "And he added more."});
    expect_sentences("Tanks, guns etc. were sent. Sgt. Petrov vs. Cpl. Ivanov.",
                     {"Tanks, guns etc. were sent.", "Sgt. Petrov vs. Cpl. Ivanov."});
}

TEST(Sentences, InitialsAndDecimals) {
    expect_sentences("J. Smith wrote it. The channel has 1.3 million followers. It grew 2.5%.",
                     {"J. Smith wrote it.", "The channel has 1.3 million followers.", "It grew 2.5%."});
    expect_sentences("A U.S.-sponsored plan failed. Then what?", {"A U.S.-sponsored plan failed.", "Then what?"});
}

TEST(Sentences, QuotationsStayWithTheirSpeaker) {
    expect_sentences(
        "\xE2\x80\x9CIt is a subject of the Russian Federation\xE2\x80\x94it is legally fixed and defined. There are no "
        "changes and there can be no changes,\xE2\x80\x9D Peskov said. He left.",
        {"\xE2\x80\x9CIt is a subject of the Russian Federation\xE2\x80\x94it is legally fixed and defined. There are "
         "no changes and there can be no changes,\xE2\x80\x9D Peskov said.",
         "He left."});
    expect_sentences("\"There are certain realities. I mean the new territories. Russia will never compromise,\" "
                     "Peskov said on Tuesday. Next.",
                     {"\"There are certain realities. I mean the new territories. Russia will never compromise,\" "
                      "Peskov said on Tuesday.",
                      "Next."});
    // „…“ (German style, seed 003)
    expect_sentences("\xE2\x80\x9ETerritories are ours. This is undeniable,\xE2\x80\x9C he said. Kyiv disagreed.",
                     {"\xE2\x80\x9ETerritories are ours. This is undeniable,\xE2\x80\x9C he said.", "Kyiv disagreed."});
    expect_sentences("\xC2\xAB" "We are ready. Even tomorrow,\xC2\xBB Putin said. Kyiv refused.",
                     {"\xC2\xAB" "We are ready. Even tomorrow,\xC2\xBB Putin said.", "Kyiv refused."});
    // A quotation that ends the sentence closes it.
    expect_sentences("He said: \xE2\x80\x9CThis is not true.\xE2\x80\x9D Our units are fighting.",
                     {"He said: \xE2\x80\x9CThis is not true.\xE2\x80\x9D", "Our units are fighting."});
    // A quote that never closes does not swallow the paragraph.
    expect_sentences("Putin said the talks had given \"some hope. Kyiv was silent. Nothing else.",
                     {"Putin said the talks had given \"some hope.", "Kyiv was silent.", "Nothing else."});
    // Re-opened quotation (d029): one unit until it closes.
    expect_sentences("Zelensky answered: \xE2\x80\x9COf course. \xE2\x80\x9CWe are coming through our country.\xE2\x80\x9D "
                     "The army was strong, he said.",
                     {"Zelensky answered: \xE2\x80\x9COf course. \xE2\x80\x9CWe are coming through our country.\xE2\x80\x9D",
                      "The army was strong, he said."});
}

TEST(Sentences, DatelineIsNotPartOfTheFirstSentence) {
    const std::string text = "Headline here now\n\nMOSCOW\xE2\x80\x94The Kremlin said on Friday. It spoke.";
    Layout layout = analyse_layout(text, LayoutRules{});
    ASSERT_TRUE(layout.dateline.has_value());
    const auto sentences = split_sentences(text, layout);
    ASSERT_EQ(sentences.size(), 3u);
    EXPECT_EQ(sentences[0].span.of(text), "Headline here now");
    EXPECT_TRUE(sentences[0].headline);
    EXPECT_EQ(sentences[1].span.of(text), "The Kremlin said on Friday.");
    EXPECT_TRUE(sentences[1].paragraph_start);
    EXPECT_FALSE(sentences[1].headline);
    EXPECT_EQ(sentences[2].span.of(text), "It spoke.");
    EXPECT_FALSE(sentences[2].paragraph_start);
}

TEST(Sentences, OnlyExtractableBlocks) {
    const std::string text = "Title of the story here\n\nNovember 10, 2022\n\nBody text is here. More body.\n";
    Layout layout = analyse_layout(text, LayoutRules{});
    std::vector<std::string> got;
    for (const auto& sentence : split_sentences(text, layout)) got.emplace_back(sentence.span.of(text));
    EXPECT_EQ(got, (std::vector<std::string>{"Title of the story here", "Body text is here.", "More body."}));
}

}  // namespace
}  // namespace factline
