#pragma once
// TextPool: one SharedText per distinct text seen during a run. Syndicated
// copies of a wire story repeat its sentences word for word, and every
// assertion carries its evidence sentence: pooled, the copies' assertions
// share one block (issue 7: the synthetic 100k corpus's 200,000 assertions
// quote 46 distinct sentences). Also for the per-document texts that repeat
// (outlets, cluster ids).
//
// The table is open addressing over the handles alone (8 bytes a slot, at
// most half full), so a text no other document repeats costs ~16 bytes more,
// not a node of a std::unordered_set (~40). Sharded by hash, one lock each,
// for the extraction threads. The pool holds a handle to every text it has
// seen: make one per run, and drop it with the run's data.
#include <array>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "checker/shared_text.hpp"

namespace factline {

class TextPool {
public:
    /// The pooled text equal to `text`: `text` itself the first time it is seen.
    [[nodiscard]] SharedText share(const SharedText& text);
    [[nodiscard]] SharedText share(std::string_view text);
    [[nodiscard]] SharedText share(const std::string& text) { return share(std::string_view(text)); }

    /// Distinct texts held.
    [[nodiscard]] std::size_t size() const;

private:
    struct Shard {
        mutable std::mutex lock;
        std::vector<SharedText> slots;  // empty handle: a free slot (the empty text is never pooled)
        std::size_t used = 0;
    };
    static constexpr std::size_t shard_count = 16;

    template <typename Make>
    SharedText find_or_add(std::string_view text, const Make& make);

    std::array<Shard, shard_count> shards_;
};

}  // namespace factline
