#pragma once
// One LSH band's candidate pairs, checked on several threads (dedup.cpp
// clusters band after band). A bucket is a run of equal keys in the band's
// sorted keys; the members of a bucket that are copies are united.
//
// Every bucket of a band is checked against the components as they were at
// the band's start (each member's root: the corpus's components do not
// change while the band is checked), on a union-find of its own, and the
// unions it finds are applied to the corpus's components once the whole
// band is checked. So what a bucket checks depends neither on which buckets
// were checked before it nor on the thread: the clusters are the same for
// any --jobs, and --jobs 1 checks the very same pairs.
//
// Checked bucket after bucket instead, a union in one bucket could join,
// through components of earlier bands, two members of a later bucket of the
// same band before that bucket was checked. Here that bucket sees them
// apart: it checks a pair or two more, and it may count more components, so
// that if this makes it crowded its pairs wait for later bands. (On the
// seeds, the dev set, Reuters-21578 and the synthetic corpora of 20,000 to
// 80,000 articles, no bucket saw another bucket's unions: the components
// were those of checking bucket after bucket, after every band.)
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "checker/dedup_pair_check.hpp"
#include "checker/thread_crew.hpp"

namespace factline {

/// Components of documents; a component's root is its smallest document
/// (unite() links the larger root under the smaller), so the components and
/// their roots do not depend on the order of the unions. Documents are
/// numbered below 2^32 (cluster_documents checks): 32-bit parents halve
/// what a large corpus's clustering holds.
struct UnionFind {
    std::vector<std::uint32_t> parent;
    explicit UnionFind(std::size_t n = 0) { reset(n); }
    /// `n` elements, each alone.
    void reset(std::size_t n) {
        parent.resize(n);
        std::iota(parent.begin(), parent.end(), 0u);
    }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    /// find() while other threads may find() the same way, but none unites:
    /// each step points an element at an ancestor (path halving), which
    /// leaves every root as it is, whichever thread's write lands.
    std::size_t find_shared(std::size_t x) {
        for (;;) {
            const std::uint32_t up = std::atomic_ref(parent[x]).load(std::memory_order_relaxed);
            if (up == x) return x;
            const std::uint32_t above = std::atomic_ref(parent[up]).load(std::memory_order_relaxed);
            std::atomic_ref(parent[x]).store(above, std::memory_order_relaxed);
            x = above;
        }
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = static_cast<std::uint32_t>(std::min(a, b));  // the smaller index leads
    }
};

/// A document under its key in one band, ordered by (key, document).
struct Keyed {
    std::uint64_t key;
    std::uint32_t doc;
    std::uint32_t root;  // its component's root at the band's start (BandCheck sets it; in the padding)
    friend bool operator<(const Keyed& a, const Keyed& b) { return a.key != b.key ? a.key < b.key : a.doc < b.doc; }
};

class BandCheck {
public:
    /// Checks pairs with `bounds` (which it fills) on the threads of `crew`.
    BandCheck(PairBounds& bounds, ThreadCrew& crew);
    ~BandCheck();

    /// Unites in `components` the copies among the buckets of `keyed` (one
    /// band's keys, sorted; it sets their roots). Throws SpillError if
    /// shingles could not be read.
    void join(std::vector<Keyed>& keyed, UnionFind& components);

    /// Sums over the threads, for the debug log.
    [[nodiscard]] std::size_t pairs_checked() const;
    [[nodiscard]] std::size_t pairs_merged() const;
    [[nodiscard]] std::size_t reads() const;

private:
    struct Worker;  // one a thread: its PairCheck, scratch space, and the unions it found
    [[nodiscard]] std::size_t summed(std::size_t (PairCheck::*count)() const) const;  // over the workers

    PairBounds& bounds_;
    ThreadCrew& crew_;
    std::vector<Worker> workers_;
};

}  // namespace factline
