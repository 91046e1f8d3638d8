// The shared date scan (checker/date_scan.hpp): every span a reader asks for
// gets exactly what parse_dates finds in it, whether read from its block's
// scan or scanned alone; blocks that name no weekday are not scanned.
// Layouts are built by hand (one body block per paragraph), sentences by the
// sentence splitter.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checker/date_scan.hpp"
#include "checker/sentences.hpp"
#include "grammar/parse_date.hpp"
#include "support/read_file.hpp"

namespace {

using namespace factline;
namespace fs = std::filesystem;

/// Every paragraph (text between blank lines) of `text` as a body block.
Layout paragraphs_of(const std::string& text) {
    Layout layout;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find("\n\n", begin);
        if (end == std::string::npos) end = text.size();
        if (end > begin) {
            layout.blocks.push_back(
                {BlockKind::body, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, 0, 0, ""});
        }
        begin = end + 2;
    }
    return layout;
}

std::string describe(const grammar::ast::DateExpr& e) {
    return std::to_string(e.begin) + "-" + std::to_string(e.end) + ":" + e.context_word + "/" +
           std::to_string(static_cast<int>(e.form)) + "/" + std::to_string(e.weekday) + "/" + std::to_string(e.year) +
           "/" + std::to_string(e.month) + "/" + std::to_string(e.day) + "/" + std::to_string(e.possessive);
}

template <class Range>
std::vector<std::string> described(const Range& dates) {
    std::vector<std::string> out;
    for (const auto& e : dates) out.push_back(describe(e));
    return out;
}

/// Sentences whose dates differ from a scan of the sentence alone; counts
/// the sentences read from a block's scan in `shared`.
std::vector<std::string> mismatches(const std::string& text, std::size_t& shared) {
    const Layout layout = paragraphs_of(text);
    DateScan scan(text, layout);
    std::vector<std::string> out;
    for (const auto& sentence : split_sentences(text, layout)) {
        std::vector<grammar::ast::DateExpr> scratch;
        const auto dates = scan.in_span(sentence.span, sentence.block, scratch);
        if (!dates.empty() && dates.data() != scratch.data()) ++shared;  // read from the block's scan
        const auto alone = grammar::parse_dates(text, sentence.span.begin, sentence.span.end).dates;
        if (described(dates) != described(alone)) out.push_back(std::string(sentence.span.of(text)));
    }
    return out;
}

TEST(DateScan, SentencesGetWhatTheirOwnScanFindsInProjectTexts) {
    std::vector<fs::path> roots{fs::path(FACTLINE_SOURCE_DIR) / "fixtures", fs::path(FACTLINE_SHARED_DIR) / "seeds",
                                fs::path(FACTLINE_SHARED_DIR) / "devset"};
    std::size_t files = 0, shared = 0;
    for (const auto& root : roots) {
        if (!fs::is_directory(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.path().extension() != ".txt") continue;
            ++files;
            for (const auto& miss : mismatches(factline::testing::read_file(entry.path()), shared)) ADD_FAILURE() << entry.path() << ": " << miss;
        }
    }
    EXPECT_GT(files, 0u);
    EXPECT_GT(shared, 0u);  // some sentences were read from a block's scan
}

TEST(DateScan, SentencesAcrossWhichAnExpressionRunsAreScannedAlone) {
    // "Wed." ends a sentence for the splitter, but the block's scan reads
    // "Wed. Nov. 16, 2022" as one expression: each sentence gets its own.
    const std::string text = "The vote is on Wed. Nov. 16, 2022 is the day after. He said on Friday. Talks ended.";
    std::size_t shared = 0;
    EXPECT_TRUE(mismatches(text, shared).empty());
    const Layout layout = paragraphs_of(text);
    DateScan scan(text, layout);
    ASSERT_NE(scan.weekday_block(0), nullptr);
    const auto sentences = split_sentences(text, layout);
    ASSERT_GE(sentences.size(), 3u);
    // The block's scan has the weekday and date as one expression in the first sentence.
    const auto& block = *scan.weekday_block(0);
    ASSERT_FALSE(block.empty());
    EXPECT_EQ(block.front().weekday, 2);
    EXPECT_EQ(block.front().year, 2022);
    std::vector<grammar::ast::DateExpr> scratch;
    EXPECT_TRUE(scan.in_span(sentences[0].span, 0, scratch).empty());  // "Wed." alone is no date
    const auto second = scan.in_span(sentences[1].span, 0, scratch);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second.front().weekday, -1);  // "Nov. 16, 2022" without its weekday
    EXPECT_EQ(second.data(), scratch.data());
    std::vector<grammar::ast::DateExpr> unused;
    const auto third = scan.in_span(sentences[2].span, 0, unused);  // "He said on Friday.": from the block's scan
    ASSERT_EQ(third.size(), 1u);
    EXPECT_EQ(third.front().context_word, "on");
    EXPECT_TRUE(unused.empty());
}

TEST(DateScan, BlocksThatNameNoWeekdayAreNotScanned) {
    const std::string text = "Talks resumed in May 2022.\n\nThe minister spoke on Friday.";
    const Layout layout = paragraphs_of(text);
    DateScan scan(text, layout);
    EXPECT_EQ(scan.weekday_block(0), nullptr);
    ASSERT_NE(scan.weekday_block(1), nullptr);
    EXPECT_EQ(scan.weekday_block(1)->size(), 1u);
    std::vector<grammar::ast::DateExpr> scratch;
    EXPECT_EQ(scan.in_span(layout.blocks[0].span, 0, scratch).size(), 1u);  // scanned alone
}

}  // namespace
