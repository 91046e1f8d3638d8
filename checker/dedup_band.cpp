#include "checker/dedup_band.hpp"

#include <algorithm>

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

}  // namespace

struct BandCheck::Worker {
    explicit Worker(const PairBounds& bounds) : check(bounds) {}

    void check_bucket(Keyed* first, Keyed* last, UnionFind& components, PairBounds& bounds);
    void join_similar(const Keyed* first, const Keyed* last);

    PairCheck check;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> unions;  // pairs found copies, applied after the band
    // Scratch space for one bucket, reused between buckets.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_root;
    std::vector<std::uint32_t> to_meet;       // members not met yet
    std::vector<std::uint32_t> component_of;  // per member: its component at the band's start, numbered from 0
    std::vector<std::size_t> groups;
    UnionFind local;  // the bucket's components, as they were at the band's start, then joined
};

/// The bucket's roots at the band's start (the corpus's components do not
/// change until the band is checked: find_shared). A bucket all in one
/// component has nothing to check (after the first bands, most buckets of
/// a syndicated story); else its members not met yet get their bounds, here,
/// so that the sets read for them are still in the read cache for its pairs.
void BandCheck::Worker::check_bucket(Keyed* first, Keyed* last, UnionFind& components, PairBounds& bounds) {
    bool apart = false;
    for (Keyed* member = first; member != last; ++member) {
        member->root = static_cast<std::uint32_t>(components.find_shared(member->doc));
        apart = apart || member->root != first->root;
    }
    if (!apart) return;
    to_meet.clear();
    for (const Keyed* member = first; member != last; ++member) {
        if (!bounds.met(member->doc)) to_meet.push_back(member->doc);
    }
    bounds.reserve(to_meet);  // a document is in one bucket of a band: no other thread meets it
    for (const std::uint32_t doc : to_meet) bounds.fill(doc, check.read(doc));
    join_similar(first, last);
}

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

BandCheck::BandCheck(PairBounds& bounds, ThreadCrew& crew) : bounds_(bounds), crew_(crew) {
    workers_.reserve(crew.size());
    for (std::size_t t = 0; t < crew.size(); ++t) workers_.emplace_back(bounds);
}

BandCheck::~BandCheck() = default;

void BandCheck::join(std::vector<Keyed>& keyed, UnionFind& components) {
    // The keys a thread takes at a time; it checks the buckets that start
    // among them. (Buckets hold 2 to thousands of members: taken as threads
    // come free, not split evenly in advance.)
    constexpr std::size_t keys_a_take = 1024;
    crew_.run((keyed.size() + keys_a_take - 1) / keys_a_take, [&](std::size_t thread, std::size_t take) {
        Worker& worker = workers_[thread];
        const std::size_t size = keyed.size();
        const std::size_t last = std::min(size, (take + 1) * keys_a_take);
        std::size_t begin = take * keys_a_take;
        // A bucket begun in an earlier take is that take's, whatever its length.
        while (begin > 0 && begin < last && keyed[begin].key == keyed[begin - 1].key) ++begin;
        for (std::size_t end = begin; begin < last; begin = end) {
            end = begin + 1;
            while (end < size && keyed[end].key == keyed[begin].key) ++end;
            if (end - begin >= 2) worker.check_bucket(&keyed[begin], keyed.data() + end, components, bounds_);
        }
    });
    // The roots are the smallest documents whatever the order of the unions:
    // applying each thread's in turn gives the same components.
    for (Worker& worker : workers_) {
        for (const auto& [a, b] : worker.unions) components.unite(a, b);
        worker.unions.clear();
    }
}

std::size_t BandCheck::pairs_checked() const { return summed(&PairCheck::pairs_checked); }
std::size_t BandCheck::pairs_merged() const { return summed(&PairCheck::pairs_merged); }
std::size_t BandCheck::reads() const { return summed(&PairCheck::reads); }

std::size_t BandCheck::summed(std::size_t (PairCheck::*count)() const) const {
    std::size_t sum = 0;
    for (const Worker& worker : workers_) sum += (worker.check.*count)();
    return sum;
}

}  // namespace factline
