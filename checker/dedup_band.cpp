#include "checker/dedup_band.hpp"

#include <algorithm>
#include <atomic>

#include "checker/parallel.hpp"

namespace factline {

namespace {

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

/// Runs work(worker, i) for i in [0, count), `grain` items a take, each
/// worker on a thread of its own (parallel_for), so that what a worker
/// keeps needs no lock. If an item throws, the items not begun are left.
template <typename Worker, typename Work>
void share_out(std::vector<Worker>& workers, std::size_t count, std::size_t grain, int jobs, Work work) {
    std::atomic<std::size_t> next{0};
    parallel_for(workers.size(), jobs, [&](std::size_t w) {
        try {
            for (std::size_t begin = next.fetch_add(grain); begin < count; begin = next.fetch_add(grain)) {
                for (std::size_t i = begin; i < std::min(begin + grain, count); ++i) work(workers[w], i);
            }
        } catch (...) {
            next = count;  // the other workers stop at their next take
            throw;
        }
    });
}

}  // namespace

struct BandCheck::Worker {
    explicit Worker(const PairBounds& bounds) : check(bounds) {}

    void join_similar(const Keyed* first, const Keyed* last);

    PairCheck check;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> unions;  // pairs found copies, applied after the band
    // Scratch space for one bucket, reused between buckets.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_root;
    std::vector<std::uint32_t> component_of;  // per member: its component at the band's start, numbered from 0
    std::vector<std::size_t> groups;
    UnionFind local;  // the bucket's components, as they were at the band's start, then joined
};

/// Unites the members of one LSH bucket that are copies: first each with its
/// neighbour (a bucket of syndicated copies is one component then), then
/// pairs of members of different components, until one pair is similar, if
/// the bucket is not crowded. Members already in one component need no check
/// (a bucket of copies is mostly one component after the first bands).
/// The components are the bucket's own, from the roots at the band's start:
/// numbered in the order of those roots, and the smaller number leads, as in
/// the corpus's union-find, so pairs are checked in the order the corpus's
/// roots give.
void BandCheck::Worker::join_similar(const Keyed* first, const Keyed* last) {
    const auto size = static_cast<std::uint32_t>(last - first);
    by_root.clear();  // (root at the band's start, member)
    for (std::uint32_t member = 0; member < size; ++member) by_root.emplace_back(first[member].root, member);
    std::sort(by_root.begin(), by_root.end());
    component_of.resize(size);
    std::uint32_t components = 0;
    for (std::size_t i = 0; i < size; ++i) {
        if (i > 0 && by_root[i].first != by_root[i - 1].first) ++components;
        component_of[by_root[i].second] = components;
    }
    local.reset(components + 1);
    for (std::uint32_t member = 1; member < size; ++member) {
        const std::uint32_t a = first[member - 1].doc, b = first[member].doc;
        const std::uint32_t component_a = component_of[member - 1], component_b = component_of[member];
        if (local.find(component_a) != local.find(component_b) && check.copies(a, b)) {
            local.unite(component_a, component_b);
            unions.emplace_back(a, b);
        }
    }
    by_root.clear();  // (component, document)
    for (std::uint32_t member = 0; member < size; ++member) {
        by_root.emplace_back(local.find(component_of[member]), first[member].doc);
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
            if (local.find(by_root[groups[g]].first) == local.find(by_root[groups[h]].first)) continue;
            bool joined = false;
            for (std::size_t i = groups[g]; i < groups[g + 1] && !joined; ++i) {
                for (std::size_t j = groups[h]; j < groups[h + 1] && !joined; ++j) {
                    const std::uint32_t a = by_root[i].second, b = by_root[j].second;
                    if (check.copies(a, b)) {
                        local.unite(by_root[groups[g]].first, by_root[groups[h]].first);
                        unions.emplace_back(a, b);
                        joined = true;
                    }
                }
            }
        }
    }
}

BandCheck::BandCheck(PairBounds& bounds, int jobs) : bounds_(bounds), jobs_(jobs) {
    workers_.reserve(thread_count(jobs));
    for (std::size_t t = 0; t < thread_count(jobs); ++t) workers_.emplace_back(bounds);
}

BandCheck::~BandCheck() = default;

void BandCheck::join(std::vector<Keyed>& keyed, UnionFind& components) {
    // The snapshot: each member's root before any of the band's unions. A
    // bucket all in one component has nothing to check (after the first
    // bands, most buckets of a syndicated story).
    buckets_.clear();
    to_meet_.clear();
    for (std::size_t begin = 0, end = 0; begin < keyed.size(); begin = end) {
        end = begin + 1;
        while (end < keyed.size() && keyed[end].key == keyed[begin].key) ++end;
        if (end - begin < 2) continue;
        bool apart = false;
        for (std::size_t k = begin; k < end; ++k) {
            keyed[k].root = static_cast<std::uint32_t>(components.find(keyed[k].doc));
            apart = apart || keyed[k].root != keyed[begin].root;
        }
        if (!apart) continue;
        for (std::size_t k = begin; k < end; ++k) {
            if (!bounds_.met(keyed[k].doc)) to_meet_.push_back(keyed[k].doc);
        }
        buckets_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                            static_cast<std::uint32_t>(to_meet_.size())});
    }
    // Slots for the bounds of the members not met yet, which the thread that
    // checks their bucket makes just before (the buckets of a band are
    // disjoint: a document is listed once), so that the sets it reads for
    // them are still in its read cache for the bucket's pairs.
    bounds_.reserve(to_meet_);
    // Buckets hold 2 to thousands of members: a few at a time, taken as threads come free.
    constexpr std::size_t buckets_a_take = 8;
    share_out(workers_, buckets_.size(), buckets_a_take, jobs_, [&](Worker& worker, std::size_t i) {
        const Bucket& bucket = buckets_[i];
        for (std::size_t k = i == 0 ? 0 : buckets_[i - 1].meet_end; k < bucket.meet_end; ++k) {
            bounds_.fill(to_meet_[k], worker.check.read(to_meet_[k]));
        }
        worker.join_similar(keyed.data() + bucket.begin, keyed.data() + bucket.end);
    });
    // The roots are the smallest documents whatever the order of the unions:
    // applying each thread's in turn gives the same components.
    for (Worker& worker : workers_) {
        for (const auto& [a, b] : worker.unions) components.unite(a, b);
        worker.unions.clear();
    }
}

std::size_t BandCheck::pairs_checked() const {
    std::size_t sum = 0;
    for (const Worker& worker : workers_) sum += worker.check.pairs_checked();
    return sum;
}

std::size_t BandCheck::pairs_merged() const {
    std::size_t sum = 0;
    for (const Worker& worker : workers_) sum += worker.check.pairs_merged();
    return sum;
}

std::size_t BandCheck::reads() const {
    std::size_t sum = 0;
    for (const Worker& worker : workers_) sum += worker.check.reads();
    return sum;
}

}  // namespace factline
