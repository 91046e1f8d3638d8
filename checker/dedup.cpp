#include "checker/dedup.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "checker/hash_sort.hpp"
#include "checker/overlap_bound.hpp"
#include "checker/parallel.hpp"

namespace factline {

namespace {

constexpr int permutations = 96;  // MinHash rows
constexpr int bands = 48;         // LSH bands of 2 rows: a pair at containment ~0.5 is still a candidate
constexpr int rows_per_band = permutations / bands;

// Fixed 64-bit hashes (FNV-1a, splitmix64) so that clusters never depend on the
// platform's std::hash.

constexpr std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/// Builds a text's shingles in one pass over its bytes. Words are ASCII
/// letters and digits, and UTF-8 bytes; every other byte below 0x80 separates
/// words. Case is folded when hashing, so "Kherson," and "kherson" are one
/// word, but "Zelenskyy" and "Zelenskiy" differ. Each word is hashed once
/// (FNV-1a); a 5-gram's hash chains its words' hashes through mix(), which
/// keeps the order ("a b" and "b a" differ).
class ShingleBuilder {
public:
    explicit ShingleBuilder(std::size_t bytes) { shingles_.reserve(bytes / 5 + 1); }

    /// Adds the words of `piece`; a word never continues into the next piece.
    void add(std::string_view piece) {
        const auto* byte = reinterpret_cast<const unsigned char*>(piece.data());
        const auto* const end = byte + piece.size();
        while (byte != end) {
            if (folded_bytes[*byte] == 0) {
                ++byte;
                continue;
            }
            std::uint64_t word_hash = fnv_offset;
            for (std::uint8_t folded; byte != end && (folded = folded_bytes[*byte]) != 0; ++byte) {
                word_hash ^= folded;
                word_hash *= 1099511628211ull;
            }
            add_word(word_hash);
        }
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
    /// A word byte as hashed (ASCII upper case folded), 0 for a separator (no word byte is 0).
    static constexpr std::array<std::uint8_t, 256> folded_bytes = [] {
        std::array<std::uint8_t, 256> folded{};
        for (int c = 0x80; c < 0x100; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c);
        for (int c = '0'; c <= '9'; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c);
        for (int c = 'a'; c <= 'z'; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c);
        for (int c = 'A'; c <= 'Z'; ++c) folded[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c | 0x20);
        return folded;
    }();

    void add_word(std::uint64_t word_hash) {
        last_ = {last_[1], last_[2], last_[3], last_[4], word_hash};
        if (++words_ < last_.size()) return;
        shingles_.push_back(chain(last_));
    }

    /// A 5-gram's hash: mix(hash ^ word) over its words in order, from hash 0
    /// (written out: a loop of five was not unrolled, and its count cost a
    /// fifth of the chain).
    static std::uint64_t chain(const std::array<std::uint64_t, 5>& words) {
        return mix(mix(mix(mix(mix(words[0]) ^ words[1]) ^ words[2]) ^ words[3]) ^ words[4]);
    }

    std::array<std::uint64_t, 5> last_{};  // the hashes of the last five words, oldest first
    std::size_t words_ = 0;
    std::vector<std::uint64_t> shingles_;
};

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the smaller index leads
    }
};

using Signature = std::array<std::uint64_t, permutations>;

/// mix(distance) for the distances densification uses (1 to permutations - 1).
constexpr std::array<std::uint64_t, permutations> mixed_distance = [] {
    std::array<std::uint64_t, permutations> mixed{};
    for (std::size_t distance = 0; distance < mixed.size(); ++distance) mixed[distance] = mix(distance);
    return mixed;
}();

/// A one-permutation MinHash (Li, Owen & Zhang 2012) with rotation
/// densification (Shrivastava & Li 2014). Each shingle is hashed once; its hash
/// picks a row and competes for that row's minimum, so the cost is one hash per
/// shingle instead of one per shingle and row. A row no shingle fell into takes
/// the next filled row's value (circularly), mixed with the distance, so that
/// two documents still agree on it exactly when they agree on that row: the
/// estimate of resemblance stays unbiased for short documents.
Signature minhash(const std::vector<std::uint64_t>& shingles) {
    constexpr std::uint64_t empty = ~0ull;
    Signature signature;
    signature.fill(empty);
    for (std::uint64_t shingle : shingles) {
        const std::uint64_t value = mix(shingle);
        const std::size_t row = static_cast<std::size_t>(value % permutations);
        signature[row] = std::min(signature[row], value);
    }
    const auto first_filled = std::find_if(signature.begin(), signature.end(), [](auto v) { return v != empty; });
    if (first_filled == signature.end()) return signature;  // no shingles
    // Backwards from the last row, `next` is the nearest filled row after
    // `row` (past the end: the first filled row, one turn on). Only empty
    // rows are written, so the filled rows read stay as they were.
    int next = static_cast<int>(first_filled - signature.begin()) + permutations;
    for (int row = permutations - 1; row >= 0; --row) {
        if (signature[row] != empty) {
            next = row;
            continue;
        }
        signature[row] = mix(signature[next % permutations] ^ mixed_distance[next - row]);
    }
    return signature;
}

/// One row per document, one column per LSH band: a band's keys lie together
/// for the band-by-band grouping below.
using BandKeys = Eigen::Matrix<std::uint64_t, Eigen::Dynamic, bands>;

/// The band keys of the documents `eligible` marks (other rows are left unset).
/// Each document's signature is made and consumed at once, so no signature
/// matrix is held.
BandKeys band_keys(const std::vector<std::vector<std::uint64_t>>& shingles, const std::vector<bool>& eligible,
                   int jobs) {
    BandKeys keys(static_cast<Eigen::Index>(shingles.size()), bands);
    // Documents are independent: blocks of them on the threads, each writing its own rows.
    constexpr std::size_t block = 256;
    parallel_for((shingles.size() + block - 1) / block, jobs, [&](std::size_t b) {
        const std::size_t end = std::min(shingles.size(), (b + 1) * block);
        for (std::size_t doc = b * block; doc < end; ++doc) {
            if (!eligible[doc]) continue;
            const Signature signature = minhash(shingles[doc]);
            for (int band = 0; band < bands; ++band) {
                std::uint64_t key = static_cast<std::uint64_t>(band);
                for (int r = 0; r < rows_per_band; ++r) key = mix(key ^ signature[band * rows_per_band + r]);
                keys(static_cast<Eigen::Index>(doc), band) = key;
            }
        }
    });
    return keys;
}

using Keyed = std::pair<std::uint64_t, std::size_t>;  // (band key, document)

/// True when sorted unique sets `a` and `b` share at least `needed` hashes;
/// the merge stops as soon as the count is reached or can no longer be.
bool shares_at_least(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b, std::size_t needed) {
    if (needed > std::min(a.size(), b.size())) return false;
    std::size_t shared = 0, i = 0, j = 0;
    for (;;) {
        const std::size_t left = std::min(a.size() - i, b.size() - j);  // at most this many more can be shared
        if (shared >= needed) return true;
        if (shared + left < needed) return false;
        // Branch-free merge steps (hash order is random, so branches would
        // mispredict); each step moves i or j or both by one, so `steps`
        // steps stay inside both sets.
        const std::size_t steps = std::min<std::size_t>(left, 64);
        for (std::size_t step = 0; step < steps; ++step) {
            const std::uint64_t x = a[i], y = b[j];
            shared += x == y;
            i += x <= y;
            j += y <= x;
        }
    }
}

/// containment_reaches() for pairs of the corpus's documents, with what it
/// needs of each document made once, not once per candidate pair (a crowded
/// bucket pairs a document hundreds of times). A document's OverlapBound (257
/// bytes) is made the first time it is in a candidate pair: most documents of
/// a corpus of distinct stories never are.
class PairCheck {
public:
    PairCheck(const std::vector<std::vector<std::uint64_t>>& shingles, const std::vector<bool>& eligible,
              double threshold, int jobs)
        : shingles_(shingles), needed_(shingles.size()), bound_of_(shingles.size(), no_bound) {
        // Span offsets are 32-bit, so a body has fewer than 2^32 shingles and needed_overlap() fits.
        parallel_for(shingles.size(), jobs, [&](std::size_t doc) {
            if (!eligible[doc]) return;
            needed_[doc] = static_cast<std::uint32_t>(needed_overlap(shingles[doc].size(), threshold));
        });
    }

    /// containment_reaches(shingles[a], shingles[b], threshold), with the
    /// bounds asked before the sets are merged.
    [[nodiscard]] bool copies(std::size_t a, std::size_t b) {
        const std::size_t needed = shingles_[a].size() <= shingles_[b].size() ? needed_[a] : needed_[b];
        const std::uint32_t bound_a = bound_of(a), bound_b = bound_of(b);  // both made before either is read
        return bounds_[bound_a].with(bounds_[bound_b]) >= needed &&
               shares_at_least(shingles_[a], shingles_[b], needed);
    }

private:
    static constexpr std::uint32_t no_bound = UINT32_MAX;

    /// Where `doc`'s bound is in bounds_, made now if it is not yet.
    std::uint32_t bound_of(std::size_t doc) {
        if (bound_of_[doc] == no_bound) {
            bound_of_[doc] = static_cast<std::uint32_t>(bounds_.size());
            bounds_.emplace_back(shingles_[doc]);
        }
        return bound_of_[doc];
    }

    const std::vector<std::vector<std::uint64_t>>& shingles_;
    std::vector<std::uint32_t> needed_;  // needed_overlap() of the document's size: the smaller set's decides
    std::vector<std::uint32_t> bound_of_;  // index in bounds_, or no_bound
    std::vector<OverlapBound> bounds_;     // of the documents met in candidate pairs, in the order met
};

/// Buckets with more components than this, once neighbours are joined, are
/// crowded: different stories that share a templated sentence (the same
/// stance, the same wire boilerplate) fill them, and checking their pairs was
/// quadratic (20,000 templated stories: 30 s; twice as many: four times as
/// long). Their pairs are not checked: copies of one story share most of
/// their 48 bands, nearly all in buckets of their own story, and meet there.
/// What is lost is a pair whose only shared band is a crowded bucket: on the
/// seeds, the dev set, Reuters-21578 and the synthetic corpora (20,000 and
/// 40,000 articles) the clusters are the same as checking every pair.
constexpr std::size_t most_components_checked_pairwise = 32;

/// Unites the documents of one LSH bucket that are copies: first each with
/// its neighbour (a bucket of syndicated copies is one component then), then
/// pairs of members of different components, until one pair is similar, if
/// the bucket is not crowded. Members already in one component need no check
/// (a bucket of copies is mostly one component after the first bands).
/// `by_root` and `groups` are scratch space, reused between buckets.
void join_similar(const Keyed* first, const Keyed* last, PairCheck& check, UnionFind& components,
                  std::vector<std::pair<std::size_t, std::size_t>>& by_root, std::vector<std::size_t>& groups) {
    for (const Keyed* member = first + 1; member != last; ++member) {
        const std::size_t a = member[-1].second, b = member->second;
        if (components.find(a) != components.find(b) && check.copies(a, b)) {
            components.unite(a, b);
        }
    }
    by_root.clear();  // (component, document)
    for (const Keyed* member = first; member != last; ++member) {
        by_root.emplace_back(components.find(member->second), member->second);
    }
    // Most buckets of a syndicated story are one component by now: nothing to check.
    const auto other_root = [&](const auto& member) { return member.first != by_root.front().first; };
    if (std::none_of(by_root.begin(), by_root.end(), other_root)) return;
    std::sort(by_root.begin(), by_root.end());
    groups.clear();  // where each component's run of by_root starts, and then its end
    for (std::size_t i = 0; i < by_root.size(); ++i) {
        if (i == 0 || by_root[i].first != by_root[i - 1].first) groups.push_back(i);
    }
    if (groups.size() > most_components_checked_pairwise) return;
    groups.push_back(by_root.size());
    for (std::size_t g = 0; g + 1 < groups.size(); ++g) {
        for (std::size_t h = g + 1; h + 1 < groups.size(); ++h) {
            if (components.find(by_root[groups[g]].second) == components.find(by_root[groups[h]].second)) continue;
            bool joined = false;
            for (std::size_t i = groups[g]; i < groups[g + 1] && !joined; ++i) {
                for (std::size_t j = groups[h]; j < groups[h + 1] && !joined; ++j) {
                    const std::size_t a = by_root[i].second, b = by_root[j].second;
                    if (check.copies(a, b)) {
                        components.unite(a, b);
                        joined = true;
                    }
                }
            }
        }
    }
}

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

std::vector<std::size_t> cluster_documents(const std::vector<std::vector<std::uint64_t>>& shingles,
                                           const DedupOptions& options) {
    const std::size_t n = shingles.size();
    std::vector<bool> eligible(n);
    for (std::size_t doc = 0; doc < n; ++doc) eligible[doc] = shingles[doc].size() >= options.min_shingles;
    const BandKeys keys = band_keys(shingles, eligible, options.jobs);
    // LSH banding: documents sharing any band's rows are candidates. MinHash
    // estimates Jaccard, which is lower than containment for documents of
    // unequal length, so bands are narrow (2 rows) to keep recall high; the
    // exact containment check below removes the false candidates.
    // Candidates are checked bucket by bucket, and a pair already joined is
    // not checked again: components do not depend on the order of unions, so
    // this gives the same clusters as checking every candidate pair (but for
    // crowded buckets, see most_components_checked_pairwise), without holding
    // all pairs.
    PairCheck check(shingles, eligible, options.threshold, options.jobs);
    UnionFind components(n);
    // A band's buckets are runs of equal keys in a sorted array: no hash map
    // and no vector per bucket (most buckets hold one document).
    std::vector<std::size_t> members;  // the eligible documents, listed once for all bands
    for (std::size_t doc = 0; doc < n; ++doc) {
        if (eligible[doc]) members.push_back(doc);
    }
    std::vector<Keyed> keyed;
    std::vector<std::pair<std::size_t, std::size_t>> by_root;
    std::vector<std::size_t> groups;
    for (int band = 0; band < bands; ++band) {
        keyed.clear();
        for (const std::size_t doc : members) keyed.emplace_back(keys(static_cast<Eigen::Index>(doc), band), doc);
        sort_by_hash(keyed, [](const Keyed& k) { return k.first; });
        for (std::size_t begin = 0, end = 0; begin < keyed.size(); begin = end) {
            end = begin + 1;
            while (end < keyed.size() && keyed[end].first == keyed[begin].first) ++end;
            if (end - begin < 2) continue;
            join_similar(keyed.data() + begin, keyed.data() + end, check, components, by_root, groups);
        }
    }
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

}  // namespace factline
