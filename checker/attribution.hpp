#pragma once
// Reported-speech attribution for one document, sentence by sentence: quote
// spans (every quote style, folded by the tokenizer), speech cues from the
// word class `speech_verbs` ("said", "told", "according to", …) and their
// speakers: a named actor or role before the cue ("Peskov said", "a Kremlin
// spokesman said"), after it ("said Peskov"), a pronoun carried over from the
// document ("he said" -> the last named person), a coordination ("Kyiv and
// the West say" -> two speakers), or a group adjective ("a Russian
// spokesperson said" -> the group). Reporting outlets are not actors, so
// "according to Reuters" attributes nothing. Unattributed text belongs to the
// narrator (the caller's default). Knows no names: all come from the Lexicon.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checker/lexicon.hpp"
#include "checker/lexicon_match.hpp"
#include "checker/tokens.hpp"

namespace factline {

/// Who holds a position: `holder` is the actor id for a named person, else the group id.
struct Speaker {
    std::string holder;
    std::string group;
    bool person = false;
    friend bool operator==(const Speaker&, const Speaker&) = default;
};

/// A speech cue of a sentence with its resolved speakers.
struct SpeechCue {
    std::uint32_t token = 0;  // the cue's first token
    std::vector<Speaker> speakers;
    bool trailing = false;       // closes its clause ("…, a Russian spokesperson said Thursday.")
    bool parenthetical = false;  // set off by commas ("If …, Peskov said, Russia would …")
};

/// What attribution found in one sentence.
struct SentenceSpeech {
    std::vector<SpeechCue> cues;                                 // resolved cues, in order
    std::vector<std::pair<std::uint32_t, std::uint32_t>> quotes;  // token ranges inside quotation marks
    std::vector<std::uint32_t> asides;  // tokens opening a narrator's aside ("even though", "although")
    bool open_quote = false;   // a quotation is still open at the end of the sentence
    bool quoted = false;       // the sentence has quoted text
};

/// The speaker an actor mention stands for (person -> actor id; else its group).
[[nodiscard]] std::optional<Speaker> speaker_of(const std::string& actor_id, const Lexicon& lexicon);

/// The word classes attribution reads at every sentence, looked up by name
/// once (resolve_speech_classes) and shared by the documents that use the
/// same lexicon: looking them up per document, with a heap string per holder
/// group, cost 5.7M instructions on 1,500 synthetic articles (issue 7).
struct SpeechClasses {
    /// True when these are the classes of `lexicon` (resolved from its phrase index).
    [[nodiscard]] bool resolved_from(const Lexicon& lexicon) const { return index == lexicon.phrase_index; }

    // The phrase index the pointers below point into, kept alive by them
    // (a lexicon's copies share it; loading a pack builds a new one).
    std::shared_ptr<const std::map<std::string, PhraseIndex, std::less<>>> index;
    const PhraseIndex* asides = nullptr;
    const PhraseIndex* attribution_phrases = nullptr;
    const PhraseIndex* speech_verbs = nullptr;
    const PhraseIndex* place_prepositions = nullptr;
    std::vector<std::pair<std::string, const PhraseIndex*>> speaker_adjectives;  // per holder group
};

/// Looks up the classes attribution reads in `lexicon`.
[[nodiscard]] std::shared_ptr<const SpeechClasses> resolve_speech_classes(const Lexicon& lexicon);

/// Document-level memory of speakers, for "he said" and "it announced".
class AttributionState {
public:
    /// A state that looks its word classes up at its first sentence.
    AttributionState() = default;
    /// A state with its word classes looked up beforehand; a sentence of
    /// another lexicon makes it look them up again.
    explicit AttributionState(std::shared_ptr<const SpeechClasses> classes) : classes_(std::move(classes)) {}

    /// Analyses one sentence (mentions from the lexicon matcher) and updates the memory.
    SentenceSpeech analyse(std::span<const Token> tokens, const std::vector<Mention>& mentions,
                           const Lexicon& lexicon);
    /// The last named speaker (quotes with no cue of their own belong to them).
    [[nodiscard]] const std::optional<Speaker>& last_speaker() const { return last_speaker_; }

private:
    std::vector<Speaker> subject_before(std::uint32_t cue, std::span<const Token> tokens,
                                        const std::vector<Mention>& mentions, const Lexicon& lexicon) const;
    std::vector<Speaker> subject_after(std::uint32_t cue_end, std::span<const Token> tokens,
                                       const std::vector<Mention>& mentions, const Lexicon& lexicon,
                                       std::uint32_t& subject_end) const;
    std::vector<Speaker> pronoun(std::string_view word) const;

    std::shared_ptr<const SpeechClasses> classes_;  // shared: the state is copied to look ahead
    std::optional<Speaker> last_speaker_;
    std::optional<Speaker> last_person_;
    std::optional<Speaker> last_institution_;  // first institution named as a subject in an earlier sentence
};

/// The speakers of a pattern match at tokens [begin, end): the nearest cue
/// before it, else one inside it, else the nearest after it when that one
/// closes the sentence or the match is quoted; inside a quotation with no cue, the
/// document's last speaker. Empty means the narrator.
[[nodiscard]] std::vector<Speaker> speakers_for(const SentenceSpeech& speech, std::uint32_t begin, std::uint32_t end,
                                                const std::optional<Speaker>& carried, const SpeechCue** cue);

}  // namespace factline
