#pragma once
// Stage 5 data: the vocabulary of the rule packs (holder groups, actors with
// aliases and roles, regions with aliases and containment, region groups,
// topics with their closed value sets, word classes for patterns). Built once
// from rules/<pack>/lexicon/*.toml by load_lexicon (lexicon_load.cpp) and then
// read-only. Finding the vocabulary in text lives in lexicon_match.{hpp,cpp}.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checker/tokens.hpp"
#include "checker/word_table.hpp"

namespace factline {

class LexiconMatcher;

/// The phrases of one word class by their first token: asking "which phrase
/// starts here?" at every token of a sentence is one hash lookup, not a scan
/// of the whole class (speech verbs, attribution phrases). Most tokens start
/// no phrase: the table's bit filter settles them inline, without a call.
class PhraseIndex {
public:
    PhraseIndex() = default;
    explicit PhraseIndex(const std::vector<std::vector<std::string>>& phrases);
    /// Tokens covered by the longest phrase of the class at `at`; 0 when none starts there.
    [[nodiscard]] std::uint32_t longest_at(std::span<const Token> tokens, std::uint32_t at) const {
        if (at >= tokens.size() || !by_first_.may_contain(tokens[at].hash)) return 0;
        return longest_starting(tokens, at);
    }
    /// True when the token alone is a phrase of the class.
    [[nodiscard]] bool is_word(const Token& token) const {
        return by_first_.may_contain(token.hash) && is_word_alone(token);
    }
    /// True when a phrase of the class starts at `at` and ends by `limit`.
    [[nodiscard]] bool any_at(std::span<const Token> tokens, std::uint32_t at, std::uint32_t limit) const;

private:
    // The look-ups behind the filter: `at` is a token of `tokens`.
    [[nodiscard]] std::uint32_t longest_starting(std::span<const Token> tokens, std::uint32_t at) const;
    [[nodiscard]] bool is_word_alone(const Token& token) const;

    struct Starting {
        std::vector<std::vector<std::string>> phrases;  // the phrases with this first token
        bool alone = false;                             // one of them is the token alone
    };
    WordTable<Starting> by_first_;
    bool has_empty_ = false;  // a phrase without tokens (matches anywhere)
};

/// Someone who can hold a position: a person, an institution or a country as speaker.
struct Actor {
    std::string id;
    std::string group;  // holder group id
    std::string name;
    std::string kind;   // person | institution
    std::vector<std::string> aliases;
    std::vector<std::string> roles;         // "Kremlin spokesman": this actor when unique
    std::vector<std::string> speaker_only;  // "Moscow": only as the subject of a speech verb
};

/// A place that can be a subject.
struct Region {
    std::string id;
    std::string name;
    std::string kind;     // oblast | city | town | village | peninsula | russian_region | area
    std::string country;
    std::string parent;   // containing region id, or ""
    std::vector<std::string> aliases;
    bool context_only = false;  // matches only in place context ("in Lyman", "Lyman town")
    std::int64_t population = 0;  // generated packs (GeoNames): breaks ties between namesakes
};

/// A name for several regions at once ("the four regions").
struct RegionGroup {
    std::string id;
    std::vector<std::string> members;
    std::vector<std::string> aliases;
    std::vector<std::string> anaphora;  // words that refer back to the most recent group
};

/// A topic and its closed value set.
struct Topic {
    std::string id;
    std::vector<std::string> values;
    std::string subject = "region";  // region | party | region_or_any
};

struct Lexicon {
    std::vector<std::string> holder_groups;                        // russia ukraine west narrator other
    // Groups marked `party = true`: the parties to the conflict. When any is,
    // a document naming no region and none of their actors yields no
    // assertions (it is about something else).
    std::vector<std::string> party_groups;
    std::map<std::string, std::vector<std::string>> topic_values;  // topic -> allowed values
    std::map<std::string, std::string> region_parent;              // city/town id -> containing region id
    std::map<std::string, std::string> namesake_city;              // region id -> its city of the same name
    std::map<std::string, Actor> actors;
    std::map<std::string, Region> regions;
    std::map<std::string, RegionGroup> region_groups;
    std::map<std::string, Topic> topics;
    /// Word classes (words.toml): class id -> phrases, each as normalised tokens.
    std::map<std::string, std::vector<std::vector<std::string>>> word_classes;
    /// Compiled matcher over all the names above; built once every pack's lexicon is loaded (compile_lexicon).
    std::shared_ptr<const LexiconMatcher> matcher;
    /// Word class id -> its PhraseIndex; built with the matcher.
    /// (std::less<>: asked with a string_view, a class name is not copied into a std::string first.)
    std::shared_ptr<const std::map<std::string, PhraseIndex, std::less<>>> phrase_index;

    /// Phrases of a word class (empty when the class is unknown).
    [[nodiscard]] const std::vector<std::vector<std::string>>& words(const std::string& word_class) const;
    /// The PhraseIndex of a word class (an empty one when the class is unknown or not indexed).
    [[nodiscard]] const PhraseIndex& phrases(std::string_view word_class) const;
};

}  // namespace factline
