#pragma once
// Finds the lexicon's names in tokenized text: a trie over normalised token
// sequences, longest match first, built once from a Lexicon and then
// read-only (safe to share between threads). Hyphens and spaces are
// equivalent inside a name; a name glued to a hyphenated word
// ("Zaporizhzhia-based", "pro-Kremlin") is not a mention; context-only regions
// need place context. Does not resolve anaphora or attribute speech.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "checker/hash_filter.hpp"
#include "checker/lexicon.hpp"
#include "checker/tokens.hpp"
#include "checker/word_table.hpp"

namespace factline {

enum class MentionKind {
    region,          // id = region id
    region_group,    // id = region group id
    actor,           // id = actor id (an alias)
    actor_role,      // id = actor id (a role phrase: "Kremlin spokesman")
    speaker_only,    // id = actor id (an alias valid only as a speaker: "Moscow says")
    group_anaphora,  // "the territories": the most recent region group; id = ""
    region_anaphora  // "the region": the most recent region; id = ""
};

/// One name found in a token sequence: tokens [begin, end).
struct Mention {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    MentionKind kind = MentionKind::region;
    std::string id;
    std::vector<std::string> alternatives;  // namesake places this span could also mean, most likely first
};

class LexiconMatcher {
public:
    /// Adds a name (raw text, normalised here) for `kind`/`id`.
    void add(std::string_view name, MentionKind kind, const std::string& id);
    /// Adds a name given as normalised tokens.
    void add(const std::vector<std::string>& tokens, MentionKind kind, const std::string& id);
    /// Marks region ids that match only capitalised and in place context.
    void set_context_only(const std::string& region_id) { context_only_.insert(region_id); }
    /// Phrases that make a place name foreign after a comma ("Lyman, Nebraska",
    /// "Odessa, Texas"): such a name is no region mention.
    void set_foreign_after(std::vector<std::vector<std::string>> phrases) { foreign_after_ = std::move(phrases); }
    /// Phrases before ("in", "liberated") or after ("town") a context-only
    /// name that make it a place; without them such a name never matches.
    void set_place_context(std::vector<std::vector<std::string>> before, std::vector<std::vector<std::string>> after) {
        place_before_ = std::move(before);
        place_after_ = std::move(after);
    }
    /// Every mention in `tokens`, longest match first, non-overlapping, in
    /// order. A name with several meanings yields one Mention per meaning.
    [[nodiscard]] std::vector<Mention> find(std::span<const Token> tokens) const;

private:
    struct Entry {
        MentionKind kind;
        std::string id;
    };
    /// One edge of the trie: from node `parent` by a word to node `child`.
    struct Edge {
        std::uint64_t hash = 0;            // word_hash of the word
        std::uint32_t parent = no_node;    // no_node: a free slot
        std::uint32_t child = 0;
        std::uint32_t word = 0;            // the word's index in edge_words_
    };
    static constexpr std::uint32_t root = 0;
    static constexpr std::uint32_t no_node = UINT32_MAX;

    /// The node reached from `parent` by `word` (whose word_hash is `hash`); no_node when none.
    [[nodiscard]] std::uint32_t child_of(std::uint32_t parent, std::string_view word, std::uint64_t hash) const;
    /// As child_of, but adds the edge (and its new node) when absent.
    std::uint32_t child_or_new(std::uint32_t parent, std::string_view word, std::uint64_t hash);
    [[nodiscard]] std::size_t slot_of(std::uint32_t parent, std::uint64_t hash) const;
    [[nodiscard]] std::size_t free_slot(std::uint32_t parent, std::uint64_t hash) const;
    void grow_edges();
    void add_entry(std::uint32_t node, MentionKind kind, const std::string& id);
    /// False when no name starts with a word of this word_hash (true may be wrong, false never is).
    [[nodiscard]] bool may_start_name(std::uint64_t hash) const { return first_words_.may_contain(hash); }
    [[nodiscard]] bool place_context(std::span<const Token> tokens, std::uint32_t begin, std::uint32_t end) const;
    [[nodiscard]] bool accepted(const Entry& entry, std::span<const Token> tokens, std::uint32_t begin,
                                std::uint32_t end) const;

    // All edges of the trie in one open-addressing table keyed by (parent,
    // word), at most half full: a node owns no table of its own, so building
    // does not allocate (and move, as the node list grows) one per node.
    std::vector<Edge> edges_;
    // One bit per first word's hash (its top bits): most tokens of a sentence
    // start no name, and one bit read settles them without a probe of edges_,
    // which is over a megabyte for a gazetteer pack and missed in cache at every token.
    HashFilter first_words_{18};  // 32 KB
    std::vector<std::string> edge_words_;       // per edge, in insertion order
    std::vector<std::vector<Entry>> entries_{1};  // per node: the names that end there
    std::vector<std::vector<std::string>> foreign_after_;
    std::vector<std::vector<std::string>> place_before_, place_after_;  // set_place_context
    std::unordered_set<std::string> context_only_;  // a set: gazetteer packs mark thousands
};

/// Builds the matcher for every name in `lexicon` (aliases, roles,
/// speaker-only aliases, group aliases, and the anaphora word classes).
[[nodiscard]] std::shared_ptr<const LexiconMatcher> build_matcher(const Lexicon& lexicon);

}  // namespace factline
