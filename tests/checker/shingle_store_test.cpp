// Where dedup keeps shingles and band keys (spill_file, shingle_store,
// band_key_store): in memory or spilled, the same data reads back, puts may
// come from any thread in any order, no file is left behind, and a failed
// write is reported rather than read back as something else.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "checker/band_key_store.hpp"
#include "checker/parallel.hpp"
#include "checker/shingle_store.hpp"
#include "checker/spill_file.hpp"
#include "support/temp_dir.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

SpillOptions budget(std::size_t bytes, const fs::path& directory = {}) {
    SpillOptions options;
    options.memory_budget = bytes;
    options.directory = directory;
    return options;
}

SpillOptions full_disk() {
    SpillOptions options;  // budget 0: spills at once
    options.spill_to = "/dev/full";
    return options;
}

/// Sorted unique sets of many sizes (none, short, long), one per document.
std::vector<std::vector<std::uint64_t>> corpus_sets(std::size_t documents) {
    std::mt19937_64 random(17);
    std::vector<std::vector<std::uint64_t>> sets(documents);
    for (auto& set : sets) {
        set.resize(random() % 7 == 0 ? 0 : random() % 400);
        for (auto& hash : set) hash = random();
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
    }
    return sets;
}

std::vector<std::vector<std::uint64_t>> read_all(const ShingleStore& store) {
    std::vector<std::vector<std::uint64_t>> out(store.documents());
    std::vector<std::uint64_t> buffer;
    for (std::size_t doc = 0; doc < out.size(); ++doc) {
        const auto shingles = store.read(doc, buffer);
        out[doc].assign(shingles.begin(), shingles.end());
        EXPECT_EQ(store.count(doc), out[doc].size()) << doc;
    }
    return out;
}

TEST(SpillFile, ReadsBackWhatWasAppendedAndLeavesNoFile) {
    const TempDir dir("factline-spill");
    SpillFile file = SpillFile::temporary(dir.path());
    EXPECT_TRUE(fs::is_empty(dir.path())) << "the file is unlinked as soon as it is made";
    std::vector<std::string> pieces{"first", std::string(3u << 20, 'x'), "", "after the big one"};
    pieces[1][12345] = 'y';
    std::vector<std::uint64_t> offsets;
    for (const auto& piece : pieces) offsets.push_back(file.append(piece.data(), piece.size()));
    file.flush();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::string back(pieces[i].size(), '\0');
        file.read(offsets[i], back.data(), back.size());
        EXPECT_EQ(back, pieces[i]) << i;
    }
    std::string past(1, '\0');
    EXPECT_THROW(file.read(offsets.back() + pieces.back().size(), past.data(), 1), SpillError);
}

TEST(SpillFile, AFullDiskOrAMissingFolderIsAnError) {
    SpillFile full = SpillFile::at("/dev/full");
    const std::string data(100, 'z');
    try {
        (void)full.append(data.data(), data.size());
        full.flush();
        FAIL() << "a write to /dev/full succeeded";
    } catch (const SpillError& error) {
        EXPECT_NE(std::string(error.what()).find("No space left on device"), std::string::npos) << error.what();
    }
    try {
        (void)SpillFile::temporary("/nonexistent/factline");
        FAIL() << "a temporary file in a missing folder";
    } catch (const SpillError& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/factline"), std::string::npos) << error.what();
    }
}

TEST(ShingleStore, InMemoryAndSpilledReadBackTheSameSetsFromAnyThread) {
    const auto sets = corpus_sets(3000);
    const TempDir dir("factline-spill");
    const struct {
        const char* name;
        std::size_t budget;
        bool spills;
    } cases[] = {
        {"in memory", SIZE_MAX, false},
        {"spilled from the start", 0, true},
        {"spilled part way", 400 * 1024, true},
    };
    for (const auto& c : cases) {
        for (const int jobs : {1, 4}) {
            ShingleStore store(sets.size(), budget(c.budget, dir.path()));
            parallel_for(sets.size(), jobs, [&](std::size_t doc) { store.put(doc, sets[doc]); });
            store.finish();
            EXPECT_EQ(store.spilled(), c.spills) << c.name;
            EXPECT_EQ(read_all(store), sets) << c.name << ", " << jobs << " threads";
            EXPECT_TRUE(fs::is_empty(dir.path())) << c.name;
        }
    }
}

TEST(ShingleStore, AFailedWriteIsReportedByFinish) {
    ShingleStore store(3, full_disk());
    store.put(0, {1, 2, 3});
    store.put(1, {4, 5});  // after the failure, puts carry on (a worker thread cannot throw)
    EXPECT_THROW(store.finish(), SpillError);

    ShingleStore nowhere(2, budget(0, "/nonexistent/factline"));
    nowhere.put(0, {1, 2, 3});
    try {
        nowhere.finish();
        FAIL() << "spilling to a missing folder succeeded";
    } catch (const SpillError& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/factline"), std::string::npos) << error.what();
    }
}

BandKeys keys_of(std::size_t doc) {
    BandKeys keys;
    for (std::size_t band = 0; band < keys.size(); ++band) keys[band] = doc * 1000003 + band * 7 + 1;
    return keys;
}

TEST(BandKeyStore, InMemoryAndSpilledGiveTheSameBandsPutInAnyOrder) {
    // Past two blocks, not a whole number of them; put in a shuffled order
    // from several threads; one document is never put (its block is still written).
    const std::size_t documents = 9001, never_put = 4097;
    std::vector<std::size_t> order(documents);
    for (std::size_t doc = 0; doc < documents; ++doc) order[doc] = doc;
    std::shuffle(order.begin(), order.end(), std::mt19937_64(3));
    const TempDir dir("factline-spill");
    for (const std::size_t bytes : {SIZE_MAX, std::size_t{0}}) {
        BandKeyStore store(documents, budget(bytes, dir.path()));
        EXPECT_EQ(store.spilled(), bytes == 0);
        parallel_for(documents, 3, [&](std::size_t k) {
            if (order[k] != never_put) store.put(order[k], keys_of(order[k]));
        });
        store.finish();
        std::vector<std::uint64_t> buffer;
        for (int band = 0; band < lsh_bands; ++band) {
            const auto column = store.band(band, buffer);
            for (std::size_t doc = 0; doc < documents; ++doc) {
                if (doc == never_put) continue;  // its keys are never read (it has no shingles)
                ASSERT_EQ(column[doc], keys_of(doc)[static_cast<std::size_t>(band)])
                    << "band " << band << ", document " << doc << ", budget " << bytes;
            }
        }
        EXPECT_TRUE(fs::is_empty(dir.path()));
    }
}

TEST(BandKeyStore, AFailedWriteIsReportedByFinish) {
    BandKeyStore store(10, full_disk());
    for (std::size_t doc = 0; doc < 10; ++doc) store.put(doc, keys_of(doc));
    EXPECT_THROW(store.finish(), SpillError);
}

}  // namespace
}  // namespace factline

namespace factline {
namespace {

// A corpus analysed in batches grows its stores between them: what reads
// back is what was put, whether the store stayed in memory, spilled from the
// start, or spilled at a later batch (the keys held so far moved to blocks).
TEST(BandKeyStore, GrownBetweenBatchesGivesTheBandsPut) {
    // Batches of 1,500: a block (4,096) is left part filled, then filled, by a later batch.
    const std::size_t documents = 9001, batch = 1500;
    const TempDir dir("factline-spill");
    for (const std::size_t bytes : {SIZE_MAX, std::size_t{0}, std::size_t{5000} * sizeof(BandKeys)}) {
        BandKeyStore store(0, budget(bytes, dir.path()));
        for (std::size_t begin = 0; begin < documents; begin += batch) {
            const std::size_t end = std::min(documents, begin + batch);
            store.grow(end);
            parallel_for(end - begin, 3, [&](std::size_t k) { store.put(begin + k, keys_of(begin + k)); });
        }
        store.finish();
        EXPECT_EQ(store.spilled(), bytes != SIZE_MAX) << bytes;
        EXPECT_EQ(store.documents(), documents);
        std::vector<std::uint64_t> buffer;
        for (int band = 0; band < lsh_bands; ++band) {
            const auto column = store.band(band, buffer);
            for (std::size_t doc = 0; doc < documents; ++doc) {
                ASSERT_EQ(column[doc], keys_of(doc)[static_cast<std::size_t>(band)])
                    << "band " << band << ", document " << doc << ", budget " << bytes;
            }
        }
        EXPECT_TRUE(fs::is_empty(dir.path()));
    }
}

TEST(ShingleStore, GrownBetweenBatchesReadsBackTheSetsPut) {
    const auto sets = corpus_sets(3000);
    const std::size_t batch = 700;
    const TempDir dir("factline-spill");
    const struct {
        const char* name;
        std::size_t budget;
        std::size_t spill_at;  // the batch whose grow() is told to spill now (the keys spilled)
        bool spills;
    } cases[] = {
        {"in memory", SIZE_MAX, SIZE_MAX, false},
        {"spilled from the start", 0, SIZE_MAX, true},
        {"spilled part way", 400 * 1024, SIZE_MAX, true},
        {"told to spill at the third batch", SIZE_MAX, 2, true},
    };
    for (const auto& c : cases) {
        ShingleStore store(0, budget(c.budget, dir.path()));
        for (std::size_t begin = 0, index = 0; begin < sets.size(); begin += batch, ++index) {
            const std::size_t end = std::min(sets.size(), begin + batch);
            store.grow(end, index >= c.spill_at);
            parallel_for(end - begin, 3, [&](std::size_t k) { store.put(begin + k, sets[begin + k]); });
        }
        store.finish();
        EXPECT_EQ(store.spilled(), c.spills) << c.name;
        EXPECT_EQ(read_all(store), sets) << c.name;
        EXPECT_TRUE(fs::is_empty(dir.path())) << c.name;
    }
}

}  // namespace
}  // namespace factline
