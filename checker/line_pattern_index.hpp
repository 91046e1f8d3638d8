#pragma once
// Which layout rules could match a line, found with two hash lookups instead
// of trying every pattern of every rule (issue 7: the boilerplate rules were
// a sixth of a run on plain news). A pattern that must equal the folded line
// is found by the line itself; one the line must start with (also a glob
// that opens with literal text), by the line's first two bytes and then its
// start; a glob the line must end with ("* via Reuters", "# comments"), by
// its last two bytes and then its end; any other pattern, by the text it
// must contain (a glob: its longest literal piece): the line's byte pairs are hashed into a 64-bit summary once,
// patterns whose pairs are not all in it are skipped (eight table look-ups
// for all of them), and the few left are looked for in the line. A pre-filter only: the rules' own
// matching still decides.
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
        std::uint64_t summary_ = 0;  // summary_bit of each of the line's byte pairs
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
        // The prefix's first eight bytes (fewer: zero-padded) and which of
        // them count: a line whose head (head_of) differs there cannot start with it.
        std::uint64_t head = 0;
        std::uint64_t head_mask = 0;
    };
    /// The first eight bytes of `text` as one word, zero-padded when shorter.
    static std::uint64_t head_of(std::string_view text);
    static std::string required_prefix(const LinePattern& pattern);
    std::unordered_map<std::uint32_t, std::vector<Prefixed>> starts_with_;  // by the prefix's first two bytes
    std::bitset<65536> starts_with_keys_;  // the keys of starts_with_, tested before hashing
    /// A glob the line must end with a text of (one that closes with literal
    /// text); the line's end is compared, which costs no search of the line
    /// ("* via reuters" as a contained text was a search stopping at every space).
    struct Suffixed {
        std::uint32_t group = 0;
        std::string suffix;
    };
    static std::uint32_t last_two(std::string_view text);
    static std::string required_suffix(const LinePattern& pattern);
    std::unordered_map<std::uint32_t, std::vector<Suffixed>> ends_with_;  // by the suffix's last two bytes
    std::bitset<65536> ends_with_keys_;  // the keys of ends_with_, tested before hashing
    /// A pattern the line must contain a text of (a contains pattern's text,
    /// a glob's longest literal piece).
    struct ByText {
        std::uint32_t group = 0;
        std::string text;
    };
    /// The summary bit of the byte pair at `pair` (two bytes).
    static std::uint64_t summary_bit(const char* pair);

    std::vector<ByText> by_text_;
    /// Which by_text_ entries a line's summary rules out, one byte of it at a
    /// time: rejects_[(byte * 256 + value) * words_ + word] holds the entries
    /// that need a pair bit that byte `byte` of the summary lacks when it is
    /// `value`. Eight look-ups a line replace one AND per entry.
    static constexpr std::size_t summary_bytes = 8;
    std::size_t words_ = 0;  // 64-bit words per rejects_ row: one bit per by_text_ entry
    std::vector<std::uint64_t> rejects_;
    std::vector<bool> equals_lengths_;  // [n]: some equals pattern is n bytes long (skips hashing most lines)
    std::size_t groups_ = 0;
};

}  // namespace factline
