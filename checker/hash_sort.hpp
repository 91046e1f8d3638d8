#pragma once
// Sorting of values whose leading sort field is a well-mixed 64-bit hash
// (dedup's shingle hashes and LSH band keys) in expected linear time. One
// counting pass on the hash's top bits puts every value in its bucket, about
// one value a bucket, and each bucket is then sorted on its own. The result
// is exactly std::sort's (operator<): the bucket is a prefix of the first
// sort field, so buckets are already in order. Only the time depends on the
// hashes being uniform (a crowded bucket falls back to std::sort). Keeps
// duplicates.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace factline {

/// Sorts `values` by operator<, as std::sort does. `hash_of(value)` must
/// return the value's first sort field (a 64-bit hash). The sorted values
/// come back in a new buffer of exactly values.size() elements.
template <typename T, typename HashOf>
void sort_by_hash(std::vector<T>& values, HashOf hash_of) {
    constexpr std::size_t small = 32;  // below this, std::sort's insertion sort wins
    const std::size_t n = values.size();
    if (n < small || n > UINT32_MAX) {  // bucket ends are 32-bit
        std::sort(values.begin(), values.end());
        return;
    }
    const int bits = static_cast<int>(std::bit_width(n)) - 1;  // n/2 < 2^bits <= n buckets
    const int shift = 64 - bits;
    // ends[b + 1] counts bucket b, then becomes where bucket b starts, then where it ends.
    std::vector<std::uint32_t> ends((std::size_t{1} << bits) + 1, 0);
    for (const T& value : values) ++ends[(hash_of(value) >> shift) + 1];
    for (std::size_t b = 1; b < ends.size(); ++b) ends[b] += ends[b - 1];
    std::vector<T> sorted(n);
    for (const T& value : values) sorted[ends[hash_of(value) >> shift]++] = value;
    for (std::size_t b = 0, begin = 0; b + 1 < ends.size(); begin = ends[b++]) {
        const std::size_t end = ends[b];
        if (end - begin < 2) continue;
        if (end - begin > 8) {
            std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(begin),
                      sorted.begin() + static_cast<std::ptrdiff_t>(end));
            continue;
        }
        for (std::size_t i = begin + 1; i < end; ++i) {
            const T value = sorted[i];
            std::size_t j = i;
            for (; j > begin && value < sorted[j - 1]; --j) sorted[j] = sorted[j - 1];
            sorted[j] = value;
        }
    }
    values.swap(sorted);
}

}  // namespace factline
