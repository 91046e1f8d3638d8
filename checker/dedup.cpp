#include "checker/dedup.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cctype>
#include <numeric>
#include <unordered_map>

namespace factline {

namespace {

constexpr int permutations = 96;  // MinHash rows
constexpr int bands = 48;         // LSH bands of 2 rows: a pair at containment ~0.5 is still a candidate
constexpr int rows_per_band = permutations / bands;

// Fixed 64-bit hashes (FNV-1a, splitmix64) so that clusters never depend on the
// platform's std::hash.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 1469598103934665603ull) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/// Lower-case ASCII letters and digits; every other byte below 0x80 separates
/// words. UTF-8 bytes stay part of words, so "Zelenskyy" and "Zelenskiy" differ
/// but "Kherson," and "kherson" do not.
std::vector<std::string> words_of(std::string_view body) {
    std::vector<std::string> words;
    std::string word;
    for (unsigned char c : body) {
        if (c >= 0x80 || std::isalnum(c)) {
            word.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

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

using Signatures = Eigen::Matrix<std::uint64_t, Eigen::Dynamic, Eigen::Dynamic>;

/// One column per document: the minimum of each permuted hash over its shingles.
Signatures minhash(const std::vector<std::vector<std::uint64_t>>& shingles) {
    Signatures signatures(permutations, static_cast<Eigen::Index>(shingles.size()));
    signatures.setConstant(~0ull);
    for (std::size_t doc = 0; doc < shingles.size(); ++doc) {
        auto column = signatures.col(static_cast<Eigen::Index>(doc));
        for (std::uint64_t shingle : shingles[doc]) {
            for (int row = 0; row < permutations; ++row) {
                const std::uint64_t value = mix(shingle ^ mix(static_cast<std::uint64_t>(row) + 1));
                if (value < column(row)) column(row) = value;
            }
        }
    }
    return signatures;
}

}  // namespace

std::vector<std::uint64_t> shingle_hashes(std::string_view body) {
    const auto words = words_of(body);
    std::vector<std::uint64_t> out;
    if (words.size() < 5) return out;
    out.reserve(words.size() - 4);
    for (std::size_t i = 0; i + 5 <= words.size(); ++i) {
        std::uint64_t hash = 1469598103934665603ull;
        for (std::size_t k = i; k < i + 5; ++k) {
            hash = fnv1a(words[k], hash);
            hash = fnv1a(" ", hash);
        }
        out.push_back(hash);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
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

std::vector<std::size_t> cluster_documents(const std::vector<std::vector<std::uint64_t>>& shingles,
                                           const DedupOptions& options) {
    const std::size_t n = shingles.size();
    const Signatures signatures = minhash(shingles);
    // LSH banding: documents sharing any band's rows are candidates. MinHash
    // estimates Jaccard, which is lower than containment for documents of
    // unequal length, so bands are narrow (2 rows) to keep recall high; the
    // exact containment check below removes the false candidates.
    // Candidates are checked bucket by bucket, and a pair already joined is
    // not checked again: components do not depend on the order of unions, so
    // this gives the same clusters as checking every candidate pair, without
    // holding all pairs (quadratic in a bucket's size on templated corpora).
    UnionFind components(n);
    for (int band = 0; band < bands; ++band) {
        std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
        for (std::size_t doc = 0; doc < n; ++doc) {
            if (shingles[doc].size() < options.min_shingles) continue;
            std::uint64_t key = static_cast<std::uint64_t>(band);
            for (int r = 0; r < rows_per_band; ++r) {
                key = mix(key ^ signatures(band * rows_per_band + r, static_cast<Eigen::Index>(doc)));
            }
            buckets[key].push_back(doc);
        }
        for (const auto& [key, members] : buckets) {
            for (std::size_t i = 0; i < members.size(); ++i) {
                for (std::size_t j = i + 1; j < members.size(); ++j) {
                    const std::size_t a = members[i], b = members[j];
                    if (components.find(a) == components.find(b)) continue;
                    if (containment(shingles[a], shingles[b]) >= options.threshold) components.unite(a, b);
                }
            }
        }
    }
    // Number clusters by their first member, so that the numbering follows input order.
    std::vector<std::size_t> out(n);
    std::unordered_map<std::size_t, std::size_t> number;
    for (std::size_t doc = 0; doc < n; ++doc) {
        auto [it, inserted] = number.emplace(components.find(doc), number.size());
        out[doc] = it->second;
    }
    return out;
}

}  // namespace factline
