// Dedup: shingles, containment, and clusters over synthetic and real copies.
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <set>
#include <sstream>

#include "checker/dedup.hpp"
#include "checker/overlap_bound.hpp"
#include "support/read_file.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;

std::string words(int from, int count, const std::string& stem = "w") {
    std::string out;
    for (int i = from; i < from + count; ++i) out += stem + std::to_string(i) + " ";
    return out;
}

TEST(Shingles, FoldCaseAndPunctuation) {
    const struct {
        const char* a;
        const char* b;
        bool same;
    } cases[] = {
        {"Kremlin says Kherson status unchanged today", "kremlin SAYS, Kherson: status unchanged today!", true},
        {"one two three four five", "one two three four five", true},
        {"one two three four five", "one two three four six", false},
        {"Zelenskyy said the talks were over", "Zelenskiy said the talks were over", false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(shingle_hashes(c.a) == shingle_hashes(c.b), c.same) << c.a << " | " << c.b;
    }
    EXPECT_TRUE(shingle_hashes("too short text").empty());
    EXPECT_EQ(shingle_hashes("a b c d e f").size(), 2u);
}

TEST(Shingles, HashesAreFixedAcrossPlatforms) {
    // Fixed functions (FNV-1a per word, splitmix64 to chain five), never
    // std::hash: the value is pinned so that a platform or library change
    // cannot move clusters silently.
    const auto hashes = shingle_hashes("one two three four five");
    ASSERT_EQ(hashes.size(), 1u);
    EXPECT_EQ(hashes[0], 0x0fe422bde23facccull);
    // Case and punctuation are folded; order is not.
    EXPECT_EQ(shingle_hashes("One, two; THREE four five."), hashes);
    EXPECT_NE(shingle_hashes("two one three four five"), hashes);
}

TEST(Shingles, PiecesHashAsTheirTextJoinedByLineBreaks) {
    // The pipeline hashes a document's body blocks in place: the result must be
    // that of the blocks' text joined by line breaks, even where two blocks
    // touch inside a word ("fivesix" cut after "five").
    const std::string text = "Headline here\none two three four fivesix seven Eight nine ten\n"
                             "eleven, Tw\xC3\xA9lf thirteen fourteen fifteen sixteen";
    const struct {
        const char* name;
        std::vector<Span> pieces;
    } cases[] = {
        {"none", {}},
        {"one block", {{14, 61}}},
        {"touching blocks", {{14, 37}, {37, 61}}},
        {"two paragraphs", {{14, 61}, {62, static_cast<std::uint32_t>(text.size())}}},
        {"empty and short", {{0, 0}, {14, 17}, {18, 21}, {62, 69}}},
    };
    for (const auto& c : cases) {
        std::string joined;
        for (const Span& piece : c.pieces) joined.append(piece.of(text)).push_back('\n');
        EXPECT_EQ(shingle_hashes(text, c.pieces), shingle_hashes(joined)) << c.name;
    }
}

/// The definition of shingle_hashes() of a joined text, one byte at a time:
/// ASCII letters (case folded), digits and bytes >= 0x80 make words, FNV-1a
/// per word, mix64 chained over each five words, sorted and unique.
std::vector<std::uint64_t> reference_shingles(std::string_view text) {
    const auto mix = [](std::uint64_t x) {
        x += 0x9e3779b97f4a7c15ull;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
        return x ^ (x >> 31);
    };
    std::vector<std::uint64_t> words;
    bool in_word = false;
    for (const char c : text) {
        auto byte = static_cast<unsigned char>(c);
        const bool word_byte = byte >= 0x80 || (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
                               (byte >= 'A' && byte <= 'Z');
        if (!word_byte) {
            in_word = false;
            continue;
        }
        if (byte >= 'A' && byte <= 'Z') byte = static_cast<unsigned char>(byte + 32);
        if (!in_word) words.push_back(1469598103934665603ull);
        in_word = true;
        words.back() = (words.back() ^ byte) * 1099511628211ull;
    }
    std::vector<std::uint64_t> shingles;
    for (std::size_t i = 0; i + 5 <= words.size(); ++i) {
        std::uint64_t hash = 0;
        for (std::size_t k = i; k < i + 5; ++k) hash = mix(hash ^ words[k]);
        shingles.push_back(hash);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

TEST(Shingles, MatchTheByteByByteDefinition) {
    // shingle_hashes reads eight bytes at a time: words of every length, at
    // every place in those eight, separated by every kind of byte, in whole
    // texts and in pieces (a word never runs on into the next piece).
    const char alphabet[] = {'a', 'b', 'Z', 'q', '0', '9', ' ', ' ', '\n', ',', '.', '@', '[', '`', '{', '/',
                             ':', '\x7f', '\0', '\x80', '\xC3', '\xA9', '\xff', '-', 'M', 'x'};
    std::mt19937_64 random(29);
    for (int round = 0; round < 3000; ++round) {
        std::string text(random() % 120, ' ');
        for (char& c : text) c = alphabet[random() % (random() % 2 == 0 ? sizeof alphabet : 8)];
        ASSERT_EQ(shingle_hashes(text), reference_shingles(text)) << "round " << round << ": " << text;
        std::vector<Span> pieces;
        std::string joined;
        for (std::uint32_t at = 0; at < text.size();) {
            const auto size = static_cast<std::uint32_t>(std::min<std::size_t>(random() % 30, text.size() - at));
            pieces.push_back({at, at + size});
            joined.append(text, at, size).push_back('\n');
            at += size + static_cast<std::uint32_t>(random() % 3);
        }
        ASSERT_EQ(shingle_hashes(text, pieces), reference_shingles(joined)) << "round " << round << ": " << text;
    }
}

TEST(Shingles, LongTextsAreSortedAndUnique) {
    // Repeated text gives repeated shingles: each hash is kept once, in order.
    const std::string text = words(0, 3000) + words(0, 3000) + words(10, 50);
    const auto hashes = shingle_hashes(text);
    // 2996 shingles in one copy; each seam (copy to copy, copy to tail) adds 4 new ones.
    EXPECT_EQ(hashes.size(), 2996u + 4 + 4);
    EXPECT_TRUE(std::is_sorted(hashes.begin(), hashes.end()));
    EXPECT_EQ(std::adjacent_find(hashes.begin(), hashes.end()), hashes.end());
}

TEST(Containment, Table) {
    const struct {
        std::vector<std::uint64_t> a, b;
        double expected;
    } cases[] = {
        {{1, 2, 3, 4}, {1, 2, 3, 4}, 1.0},
        {{1, 2}, {1, 2, 3, 4, 5, 6}, 1.0},      // the smaller is wholly inside the larger
        {{1, 2, 3, 4}, {3, 4, 5, 6}, 0.5},
        {{1, 2}, {3, 4}, 0.0},
        {{}, {1}, 0.0},
    };
    for (const auto& c : cases) EXPECT_DOUBLE_EQ(containment(c.a, c.b), c.expected);
}

TEST(Containment, ReachesDecidesExactlyAsContainment) {
    // Sets of many sizes and overlaps, thresholds at and around the exact
    // ratios (3/5 is 0.6 only up to rounding): the early-stopping decision
    // must equal comparing the full ratio.
    std::mt19937_64 random(5);
    const double thresholds[] = {0.0, 0.5, 0.6, 3.0 / 5.0, 0.6 + 1e-12, 0.6 - 1e-12, 2.0 / 3.0, 0.99, 1.0, 1.01, -1.0};
    for (int round = 0; round < 400; ++round) {
        const std::size_t size_a = random() % 300, size_b = random() % 300;
        const std::uint64_t range = 1 + random() % 600;  // small ranges overlap more
        std::set<std::uint64_t> a, b;
        while (a.size() < std::min<std::uint64_t>(size_a, range)) a.insert(random() % range);
        while (b.size() < std::min<std::uint64_t>(size_b, range)) b.insert(random() % range);
        const std::vector<std::uint64_t> va(a.begin(), a.end()), vb(b.begin(), b.end());
        for (const double threshold : thresholds) {
            EXPECT_EQ(containment_reaches(va, vb, threshold), containment(va, vb) >= threshold)
                << va.size() << " " << vb.size() << " " << threshold;
        }
    }
    const std::vector<std::uint64_t> five{1, 2, 3, 4, 5}, three_shared{1, 2, 3, 9, 10};
    EXPECT_TRUE(containment_reaches(five, three_shared, 0.6));
    EXPECT_FALSE(containment_reaches(five, three_shared, 0.61));
    EXPECT_FALSE(containment_reaches({}, five, 0.1));
    EXPECT_TRUE(containment_reaches({}, five, 0.0));
}

TEST(OverlapBound, NeverBelowTheSharedCountAndTurnsAwayDifferentSets) {
    std::mt19937_64 random(11);
    std::size_t turned_away = 0;
    for (int round = 0; round < 500; ++round) {
        // Sizes up to well past 255 hashes in one range of the top byte, where the bound gives up.
        const std::size_t size_a = random() % (round % 50 == 0 ? 80000 : 400), size_b = random() % 400;
        std::set<std::uint64_t> a, b;
        while (a.size() < size_a) a.insert(random());
        const std::vector<std::uint64_t> va(a.begin(), a.end());
        // About a third of b is taken from a.
        while (b.size() < size_b) b.insert(random() % 3 == 0 && !va.empty() ? va[random() % va.size()] : random());
        const std::vector<std::uint64_t> vb(b.begin(), b.end());
        std::vector<std::uint64_t> shared;
        std::set_intersection(va.begin(), va.end(), vb.begin(), vb.end(), std::back_inserter(shared));
        EXPECT_GE(OverlapBound(va).with(OverlapBound(vb)), shared.size()) << va.size() << " " << vb.size();
    }
    // Two stories of 150 shingles sharing 45 (a templated sentence or two):
    // told apart without a merge, nearly always.
    for (int round = 0; round < 100; ++round) {
        std::vector<std::uint64_t> a, b;
        for (int i = 0; i < 150; ++i) a.push_back(random());
        b.assign(a.begin(), a.begin() + 45);
        for (int i = 45; i < 150; ++i) b.push_back(random());
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        turned_away += OverlapBound(a).with(OverlapBound(b)) < needed_overlap(150, 0.6);
    }
    EXPECT_GE(turned_away, 90u);
    EXPECT_EQ(OverlapBound().with(OverlapBound({1, 2, 3})), 0u);
}

TEST(OverlapBound, IsTheSumOfTheSmallerCountPerRange) {
    // with() adds sixteen ranges a step: it must equal the range-by-range sum,
    // whatever the counts (0 to 255 per range, every range filled or none).
    std::mt19937_64 random(17);
    const auto counts_of = [](const std::vector<std::uint64_t>& hashes) {
        std::array<std::size_t, 256> counts{};
        for (const std::uint64_t hash : hashes) ++counts[hash >> 56];
        return counts;
    };
    for (int round = 0; round < 300; ++round) {
        std::vector<std::uint64_t> a, b;
        const std::uint64_t top_bytes = 1 + random() % 256;  // few ranges crowd, many spread
        for (std::size_t i = random() % 4000; i > 0; --i) a.push_back((random() % top_bytes) << 56 | (random() >> 8));
        for (std::size_t i = random() % 4000; i > 0; --i) b.push_back((random() % 256) << 56 | (random() >> 8));
        const auto count_a = counts_of(a), count_b = counts_of(b);
        if (*std::max_element(count_a.begin(), count_a.end()) > 255) continue;  // saturated: SIZE_MAX, tested above
        if (*std::max_element(count_b.begin(), count_b.end()) > 255) continue;
        std::size_t expected = 0;
        for (std::size_t range = 0; range < 256; ++range) expected += std::min(count_a[range], count_b[range]);
        EXPECT_EQ(OverlapBound(a).with(OverlapBound(b)), expected) << a.size() << " " << b.size();
        EXPECT_EQ(OverlapBound(b).with(OverlapBound(a)), expected);
    }
    std::vector<std::uint64_t> full;  // 255 hashes in every range: the largest sum a byte count allows
    for (std::uint64_t range = 0; range < 256; ++range) {
        for (std::uint64_t i = 0; i < 255; ++i) full.push_back(range << 56 | i);
    }
    EXPECT_EQ(OverlapBound(full).with(OverlapBound(full)), 256u * 255u);
}

TEST(PackedOverlapBound, IsTheFullBoundUnlessBothSetsHaveAFullRange) {
    // Counts of 0 to 40 a range (short and long articles): where not both
    // sets have a range of 15 or more, the 4-bit counts give the very sum of
    // the byte counts; either way never less than the shared count.
    std::mt19937_64 random(23);
    std::size_t exact = 0;
    for (int round = 0; round < 600; ++round) {
        const auto make = [&](std::size_t size, const std::vector<std::uint64_t>& from) {
            std::set<std::uint64_t> set;
            while (set.size() < size) set.insert(random() % 3 == 0 && !from.empty() ? from[random() % from.size()] : random());
            return std::vector<std::uint64_t>(set.begin(), set.end());
        };
        const auto a = make(random() % (round % 3 == 0 ? 6000 : 700), {});
        const auto b = make(random() % 700, a);
        std::vector<std::uint64_t> shared;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
        const PackedOverlapBound packed_a(a), packed_b(b);
        if (packed_a.has_full_range() && packed_b.has_full_range()) continue;  // ask the OverlapBounds
        ++exact;
        EXPECT_GE(packed_a.with(packed_b), shared.size());
        EXPECT_EQ(packed_a.with(packed_b), packed_b.with(packed_a));
        // (no byte count saturates at these sizes)
        EXPECT_EQ(packed_a.with(packed_b), OverlapBound(a).with(OverlapBound(b))) << a.size() << " " << b.size();
    }
    EXPECT_GE(exact, 300u);
    std::vector<std::uint64_t> fifteen;  // 15 hashes in every range: full everywhere
    for (std::uint64_t range = 0; range < 256; ++range) {
        for (std::uint64_t i = 0; i < 15; ++i) fifteen.push_back(range << 56 | i);
    }
    EXPECT_TRUE(PackedOverlapBound(fifteen).has_full_range());
    EXPECT_EQ(PackedOverlapBound(fifteen).with(PackedOverlapBound()), 0u);
    const std::vector<std::uint64_t> fourteen(fifteen.begin(), fifteen.begin() + 14);
    EXPECT_FALSE(PackedOverlapBound(fourteen).has_full_range());
    EXPECT_EQ(PackedOverlapBound(fifteen).with(PackedOverlapBound(fourteen)), 14u);
}

TEST(Containment, NeededOverlapIsTheSmallestCountThatReaches) {
    for (const double threshold : {0.6, 3.0 / 5.0, 0.6 + 1e-12, 0.5, 1.0, 1.01, 0.0}) {
        for (std::size_t size = 0; size < 200; ++size) {
            const std::size_t needed = needed_overlap(size, threshold);
            const auto reaches = [&](std::size_t shared) {
                return size == 0 ? 0.0 >= threshold : static_cast<double>(shared) / static_cast<double>(size) >= threshold;
            };
            if (needed <= size) {
                EXPECT_TRUE(reaches(needed)) << size << " " << threshold;
                if (needed > 0) {
                    EXPECT_FALSE(reaches(needed - 1)) << size << " " << threshold;
                }
            } else {
                EXPECT_EQ(needed, size + 1);
                EXPECT_FALSE(reaches(size)) << size << " " << threshold;
            }
        }
    }
}

TEST(ClusterDocuments, CopiesWithClutterShareAClusterOthersDoNot) {
    const std::string story = words(0, 200);
    const std::vector<std::string> bodies{
        story,                                   // 0: wire story
        words(1000, 150, "other"),               // 1: unrelated
        story + words(0, 150, "comment"),        // 2: copy with reader comments (containment 1.0, Jaccard < 0.6)
        words(0, 120) + words(5000, 80, "x"),    // 3: 60 % of the story rewritten: containment ~0.58
        "short body",                            // 4: too short to cluster
        "short body",                            // 5: identical but too short
    };
    std::vector<std::vector<std::uint64_t>> shingles;
    for (const auto& b : bodies) shingles.push_back(shingle_hashes(b));
    const auto clusters = cluster_documents(shingles, DedupOptions{});
    ASSERT_EQ(clusters.size(), bodies.size());
    EXPECT_EQ(clusters[0], clusters[2]);
    EXPECT_NE(clusters[0], clusters[1]);
    EXPECT_NE(clusters[0], clusters[3]);
    EXPECT_NE(clusters[4], clusters[5]);
    // Numbered by first member, in input order.
    EXPECT_EQ(clusters[0], 0u);
    EXPECT_EQ(clusters[1], 1u);
    EXPECT_EQ(clusters[3], 2u);
}

TEST(ClusterDocuments, TheClustersAreTheSameOnAnyNumberOfThreads) {
    // Past several blocks of documents: copies of a few stories among unrelated texts.
    std::vector<std::vector<std::uint64_t>> shingles;
    for (int i = 0; i < 1500; ++i) {
        const int story = i % 7 == 0 ? (i % 5) * 400 : 10000 + i * 50;
        shingles.push_back(shingle_hashes(words(story, 60) + words(90000 + i, 5, "tail")));
    }
    DedupOptions one;
    DedupOptions three;
    three.jobs = 3;
    const auto expected = cluster_documents(shingles, one);
    EXPECT_EQ(cluster_documents(shingles, three), expected);
    EXPECT_EQ(expected[0], expected[35]);  // two copies of story 0
    EXPECT_NE(expected[0], expected[1]);
}

TEST(ClusterDocuments, StoriesSharingATemplatedSentenceStayApartAndTheirCopiesMeet) {
    // 300 stories, each a shared templated passage (LSH puts many of them in
    // one bucket: crowded, not checked pair by pair) and text of its own;
    // every story has two copies with a line of clutter.
    const std::string templated = words(0, 40, "template");
    std::vector<std::vector<std::uint64_t>> shingles;
    for (int story = 0; story < 300; ++story) {
        const std::string own = words(story * 100, 70, "story");
        shingles.push_back(shingle_hashes(templated + own));
        shingles.push_back(shingle_hashes(own + templated + words(story, 6, "comment")));
    }
    const auto clusters = cluster_documents(shingles, DedupOptions{});
    for (int story = 0; story < 300; ++story) {
        EXPECT_EQ(clusters[2 * story], clusters[2 * story + 1]) << story;
        if (story > 0) {
            EXPECT_NE(clusters[2 * story], clusters[2 * story - 2]) << story;
        }
    }
}

TEST(ClusterDocuments, TheClustersAreTheSameWithTheShinglesAndKeysSpilled) {
    // Copies of a few stories among unrelated texts, and stories sharing a
    // templated passage (crowded buckets): spilled from the start, part way
    // or not at all, on one thread or three.
    std::vector<std::vector<std::uint64_t>> shingles;
    for (int i = 0; i < 1500; ++i) {
        const int story = i % 7 == 0 ? (i % 5) * 400 : 10000 + i * 50;
        shingles.push_back(shingle_hashes(words(story, 60) + words(90000 + i, 5, "tail")));
    }
    const std::string templated = words(0, 40, "template");
    for (int story = 0; story < 200; ++story) {
        const std::string own = words(story * 100, 70, "story");
        shingles.push_back(shingle_hashes(templated + own));
        shingles.push_back(shingle_hashes(own + templated + words(story, 6, "comment")));
    }
    DedupOptions in_memory;
    in_memory.spill.memory_budget = SIZE_MAX;
    const auto expected = cluster_documents(shingles, in_memory);
    EXPECT_EQ(expected[0], expected[35]);
    // 0: everything spilled from the start; 900 KiB: the keys (1,900 x 384
    // bytes) stay in memory, the shingles (~1.1 MB) spill part way.
    for (const std::size_t budget : {std::size_t{0}, std::size_t{900} << 10}) {
        for (const int jobs : {1, 3}) {
            DedupOptions spilled;
            spilled.spill.memory_budget = budget;
            spilled.jobs = jobs;
            EXPECT_EQ(cluster_documents(shingles, spilled), expected) << budget << " bytes, " << jobs << " threads";
        }
    }
}

TEST(ClusterDocuments, AFailedSpillIsAnErrorNotOtherClusters) {
    const std::vector<std::vector<std::uint64_t>> shingles{shingle_hashes(words(0, 100)), shingle_hashes(words(0, 100))};
    DedupOptions options;
    options.spill.memory_budget = 0;
    options.spill.spill_to = "/dev/full";
    EXPECT_THROW((void)cluster_documents(shingles, options), SpillError);
}

TEST(ClusterDocuments, ThresholdComesFromOptions) {
    const std::vector<std::vector<std::uint64_t>> shingles{shingle_hashes(words(0, 100)),
                                                           shingle_hashes(words(0, 70) + words(500, 30, "y"))};
    DedupOptions strict;
    strict.threshold = 0.9;
    DedupOptions loose;
    loose.threshold = 0.5;
    EXPECT_NE(cluster_documents(shingles, strict)[0], cluster_documents(shingles, strict)[1]);
    EXPECT_EQ(cluster_documents(shingles, loose)[0], cluster_documents(shingles, loose)[1]);
}

/// Clusters of every .txt in `dir` (whole text as body), by file name.
std::map<std::string, std::size_t> clusters_of(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::vector<std::uint64_t>> shingles;
    for (const auto& f : files) shingles.push_back(shingle_hashes(factline::testing::read_file(f)));
    const auto clusters = cluster_documents(shingles, DedupOptions{});
    std::map<std::string, std::size_t> out;
    for (std::size_t i = 0; i < files.size(); ++i) out[files[i].filename().string()] = clusters[i];
    return out;
}

TEST(ClusterDocuments, SeedsOnlyTheWireCopiesShareACluster) {
    const fs::path dir = fs::path(FACTLINE_SHARED_DIR) / "seeds";
    if (!fs::is_directory(dir)) GTEST_SKIP() << "no shared seeds at " << dir;
    const auto clusters = clusters_of(dir);
    std::map<std::size_t, int> sizes;
    for (const auto& [file, cluster] : clusters) ++sizes[cluster];
    EXPECT_EQ(clusters.at("000_5848e8fe9649ca1a.txt"), clusters.at("001_5ba73ec6f4fa57e1.txt"));
    EXPECT_EQ(sizes.size(), clusters.size() - 1) << "exactly one pair may share a cluster";
}

TEST(ClusterDocuments, DevsetReutersCopiesShareACluster) {
    const fs::path dir = fs::path(FACTLINE_SHARED_DIR) / "devset" / "corpus";
    if (!fs::is_directory(dir)) GTEST_SKIP() << "no shared devset at " << dir;
    const auto clusters = clusters_of(dir);
    EXPECT_EQ(clusters.at("d002.txt"), clusters.at("d003.txt"));
    EXPECT_NE(clusters.at("d002.txt"), clusters.at("d005.txt"));
    EXPECT_NE(clusters.at("d013.txt"), clusters.at("d010.txt"));
}

}  // namespace
}  // namespace factline
