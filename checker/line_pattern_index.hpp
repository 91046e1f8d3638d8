#pragma once
// Which layout rules could match a line, found with two hash lookups instead
// of trying every pattern of every rule (issue 7: the boilerplate rules were
// a sixth of a run on plain news). A pattern that must equal the folded line
// is found by the line itself; one the line must start with (also a glob
// that opens with literal text), by the line's first two bytes and then its
// start; any other pattern, by the byte pairs of the text it must contain
// (a glob: its longest literal piece): the line's pairs
// are hashed into a bit set once, and a pattern whose pairs are not all in it
// is skipped (most are turned away by one AND against a 64-bit summary of the
// set, before the exact test). A pre-filter only: the rules' own matching
// still decides.
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace factline {

struct LinePattern;

class LinePatternIndex {
public:
    LinePatternIndex() = default;
    /// `groups[g]`: the patterns of group g (one rule's patterns, or one caption credit).
    explicit LinePatternIndex(const std::vector<std::vector<const LinePattern*>>& groups);

    /// What the index asks of a folded line, computed once per line and
    /// shared by every index (boilerplate rules, caption credits) and pass.
    class Line {
    public:
        explicit Line(std::string_view folded);

    private:
        friend class LinePatternIndex;
        std::string_view folded_;
        std::uint64_t summary_ = 0;  // pair_bits folded to 64 (summary_bit): most patterns fail one AND
        std::bitset<1024> pairs_;    // the line's byte pairs (pair_bit; pair_bits wide)
    };

    /// One flag per group (`groups` of them), set when one of its patterns may
    /// match the line; every flag when the index was built for other groups
    /// (rules assembled by hand, not loaded). Returns whether any flag is set,
    /// so that most lines skip the loop over the groups.
    bool candidates(const Line& line, std::size_t groups, std::vector<char>& out) const;
    bool candidates(std::string_view folded, std::size_t groups, std::vector<char>& out) const {
        return candidates(Line(folded), groups, out);
    }

private:
    static std::uint32_t first_two(std::string_view text);

    /// Hashes std::string and std::string_view alike, so a line is looked up without a copy.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, std::vector<std::uint32_t>, TextHash, std::equal_to<>> equals_;
    /// A pattern the line must start with a text of (a starts-with pattern, or
    /// a glob that opens with literal text); the line's start is compared.
    struct Prefixed {
        std::uint32_t group = 0;
        std::string prefix;
    };
    static std::string required_prefix(const LinePattern& pattern);
    std::unordered_map<std::uint32_t, std::vector<Prefixed>> starts_with_;  // by the prefix's first two bytes
    std::bitset<65536> starts_with_keys_;  // the keys of starts_with_, tested before hashing
    /// A pattern the line must contain a text of: the bits of that text's byte pairs.
    struct ByPairs {
        std::uint32_t group = 0;
        std::vector<std::uint16_t> bits;  // empty: every line is a candidate
    };
    static constexpr std::size_t pair_bits = 1024;  // = Line::pairs_.size()
    static std::uint16_t pair_bit(char a, char b);
    static std::uint64_t summary_bit(std::uint16_t bit) { return std::uint64_t{1} << (bit & 63u); }

    std::vector<ByPairs> by_pairs_;
    /// Per by_pairs_ entry, summary_bit of each of its bits (a line lacking
    /// one lacks the pair); kept apart so that the scan reads one array.
    std::vector<std::uint64_t> summaries_;
    std::vector<bool> equals_lengths_;  // [n]: some equals pattern is n bytes long (skips hashing most lines)
    std::size_t groups_ = 0;
};

}  // namespace factline
