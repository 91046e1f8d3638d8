#include "checker/dedup.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <spdlog/spdlog.h>
#include <stdexcept>

#include "checker/dedup_band.hpp"
#include "checker/dedup_index.hpp"
#include "checker/dedup_minhash.hpp"
#include "checker/hash_sort.hpp"
#include "checker/parallel.hpp"
#include "checker/thread_crew.hpp"

namespace factline {

namespace {

/// Builds a text's shingles in one pass over its bytes. Words are ASCII
/// letters and digits, and UTF-8 bytes; every other byte below 0x80 separates
/// words. Case is folded when hashing, so "Kherson," and "kherson" are one
/// word, but "Zelenskyy" and "Zelenskiy" differ. Each word is hashed once
/// (FNV-1a); a 5-gram's hash chains its words' hashes through mix64(), which
/// keeps the order ("a b" and "b a" differ).
class ShingleBuilder {
public:
    explicit ShingleBuilder(std::size_t bytes) { shingles_.reserve(bytes / 5 + 1); }

    /// Adds the words of `piece`; a word never continues into the next piece.
    /// The last five words' hashes are copied in and out once a piece, so
    /// that they stay in registers for the loop. (Words found by word-wide
    /// tests of eight bytes cost more: FNV-1a still goes byte by byte, and
    /// the tests are paid on top of it.)
    void add(std::string_view piece) {
        const auto* byte = reinterpret_cast<const unsigned char*>(piece.data());
        const auto* const end = byte + piece.size();
        State state = state_;
        while (byte != end) {
            if (folded_bytes[*byte] == 0) {
                ++byte;
                continue;
            }
            add_word(state, hash_word(byte, end));
        }
        state_ = state;
    }

    /// The sorted, unique shingle hashes (in a vector of capacity words - 4
    /// once there are enough to sort by bucket).
    std::vector<std::uint64_t> take() && {
        sort_by_hash(shingles_, [](std::uint64_t hash) { return hash; });
        shingles_.erase(std::unique(shingles_.begin(), shingles_.end()), shingles_.end());
        return std::move(shingles_);
    }

private:
    static constexpr std::uint64_t fnv_offset = 1469598103934665603ull;
    static constexpr std::uint64_t fnv_prime = 1099511628211ull;

    /// The hashes of the last five words, oldest first, and how many words there were.
    struct State {
        std::uint64_t w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
        std::size_t words = 0;
    };

    /// A word byte as hashed (ASCII upper case folded), 0 for a separator (no word byte is 0).
    static constexpr std::array<std::uint8_t, 256> folded_bytes = [] {
        std::array<std::uint8_t, 256> folded{};
        for (int c = 0x80; c < 0x100; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c);
        for (int c = '0'; c <= '9'; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c);
        for (int c = 'a'; c <= 'z'; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c);
        for (int c = 'A'; c <= 'Z'; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c | 0x20);
        return folded;
    }();

    /// FNV-1a of the word at `byte` (a word byte), which is left just past it.
    /// Eight bytes a step while eight are left, without the end test per
    /// byte: most words end inside the first step.
    static std::uint64_t hash_word(const unsigned char*& byte, const unsigned char* end) {
        std::uint64_t hash = fnv_offset;
        while (end - byte >= 8) {
#pragma GCC unroll 8
            for (int k = 0; k < 8; ++k) {
                const std::uint8_t folded = folded_bytes[byte[k]];
                if (folded == 0) {
                    byte += k;
                    return hash;
                }
                hash = (hash ^ folded) * fnv_prime;
            }
            byte += 8;
        }
        for (std::uint8_t folded; byte != end && (folded = folded_bytes[*byte]) != 0; ++byte) {
            hash = (hash ^ folded) * fnv_prime;
        }
        return hash;
    }

    void add_word(State& state, std::uint64_t word_hash) {
        state = {state.w1, state.w2, state.w3, state.w4, word_hash, state.words + 1};
        if (state.words < 5) return;
        shingles_.push_back(chain(state));
    }

    /// A 5-gram's hash: mix64(hash ^ word) over its words in order, from hash 0
    /// (written out: a loop of five was not unrolled, and its count cost a
    /// fifth of the chain).
    static std::uint64_t chain(const State& words) {
        return mix64(mix64(mix64(mix64(mix64(words.w0) ^ words.w1) ^ words.w2) ^ words.w3) ^ words.w4);
    }

    State state_;
    std::vector<std::uint64_t> shingles_;
};

}  // namespace

std::vector<std::uint64_t> shingle_hashes(std::string_view body) {
    ShingleBuilder builder(body.size());
    builder.add(body);
    return std::move(builder).take();
}

std::vector<std::uint64_t> shingle_hashes(std::string_view text, const std::vector<Span>& pieces) {
    std::size_t bytes = 0;
    for (const Span& piece : pieces) bytes += piece.size();
    ShingleBuilder builder(bytes);
    for (const Span& piece : pieces) builder.add(piece.of(text));
    return std::move(builder).take();
}

std::size_t needed_overlap(std::size_t size, double threshold) {
    if (size == 0) return 0.0 >= threshold ? 0 : 1;  // an empty set's containment is 0
    // The fewest shared hashes that reach the threshold, by the very division
    // containment() makes (monotone in the count), so decisions are identical.
    const auto reaches = [&](std::size_t shared) {
        return static_cast<double>(shared) / static_cast<double>(size) >= threshold;
    };
    if (!reaches(size)) return size + 1;
    const double estimate = std::ceil(threshold * static_cast<double>(size));
    std::size_t needed = estimate <= 0 ? 0 : std::min(size, static_cast<std::size_t>(estimate));
    while (needed > 0 && reaches(needed - 1)) --needed;
    while (!reaches(needed)) ++needed;
    return needed;
}

double containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    if (a.empty() || b.empty()) return 0.0;
    std::size_t shared = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

bool containment_reaches(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b,
                         double threshold) {
    return shares_at_least(a, b, needed_overlap(std::min(a.size(), b.size()), threshold));
}

std::vector<std::size_t> cluster_documents(DedupIndex index) {
    index.finish();
    const ShingleStore& shingles = index.shingles();
    const std::size_t n = index.documents();
    if (n > UINT32_MAX) throw std::length_error("dedup clusters at most 2^32 - 1 documents");
    // LSH banding: documents sharing any band's rows are candidates. MinHash
    // estimates Jaccard, which is lower than containment for documents of
    // unequal length, so bands are narrow (2 rows) to keep recall high; the
    // exact containment check below removes the false candidates.
    // Candidates are checked band by band, bucket by bucket, and a pair
    // already joined when its band starts is not checked again: components
    // do not depend on the order of unions, so this gives the same clusters
    // as checking every candidate pair (but for crowded buckets, see
    // dedup_band.cpp), without holding all pairs. A band's buckets are
    // checked on the --jobs threads, each against the components at the
    // band's start, and their unions applied after the band (dedup_band.hpp).
    PairBounds bounds(shingles, index.options().threshold);
    ThreadCrew crew(index.options().jobs);
    BandCheck check(bounds, crew);
    UnionFind components(n);
    // A band's buckets are runs of equal keys in a sorted array: no hash map
    // and no vector per bucket (most buckets hold one document). Spilled,
    // only one band's keys are in memory at a time.
    std::vector<std::uint32_t> members;  // the eligible documents, listed once for all bands
    for (std::size_t doc = 0; doc < n; ++doc) {
        if (index.eligible(doc)) members.push_back(static_cast<std::uint32_t>(doc));
    }
    std::vector<Keyed> keyed;
    std::vector<std::uint64_t> band_buffer;
    for (int band = 0; band < lsh_bands; ++band) {
        const auto keys = index.band(band, band_buffer);
        keyed.resize(members.size());  // the sort below hands back a buffer of this size
        // In memory, a document's keys are a row of 384 bytes: a gather
        // with a cache miss a document, on every thread.
        constexpr std::size_t block = 4096;
        crew.run((members.size() + block - 1) / block, [&](std::size_t, std::size_t b) {
            for (std::size_t k = b * block; k < std::min(members.size(), (b + 1) * block); ++k) {
                keyed[k] = {keys[members[k]], members[k], 0};
            }
        });
        sort_by_hash(keyed, [](const Keyed& k) { return std::uint64_t{k.key}; });
        check.join(keyed, components);
    }
    spdlog::debug("dedup: {} documents, {} met in candidate pairs, {} pairs checked, {} merged, {} shingle reads ({})",
                  n, bounds.documents_met(), check.pairs_checked(), check.pairs_merged(), check.reads(),
                  shingles.spilled() ? "spilled to a temporary file" : "in memory");
    // Number clusters by their first member, so that the numbering follows
    // input order. A root is a document index: a vector, not a hash map, numbers them.
    constexpr std::size_t unnumbered = SIZE_MAX;
    std::vector<std::size_t> out(n), number(n, unnumbered);
    std::size_t clusters = 0;
    for (std::size_t doc = 0; doc < n; ++doc) {
        std::size_t& root_number = number[components.find(doc)];
        if (root_number == unnumbered) root_number = clusters++;
        out[doc] = root_number;
    }
    return out;
}

std::vector<std::size_t> cluster_documents(const std::vector<std::vector<std::uint64_t>>& shingles,
                                           const DedupOptions& options) {
    DedupIndex index(shingles.size(), options);
    parallel_for(shingles.size(), options.jobs, [&](std::size_t doc) { index.add(doc, shingles[doc]); });
    return cluster_documents(std::move(index));
}

}  // namespace factline
