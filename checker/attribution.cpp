#include "checker/attribution.hpp"

#include <algorithm>

#include "checker/slots.hpp"

namespace factline {

namespace {

constexpr std::uint32_t subject_window = 5;
constexpr std::uint32_t trailing_words = 4;
constexpr std::uint32_t opening_window = 4;      // "Russia's Defence Ministry says …" opening a match
constexpr std::uint32_t apposition_window = 20;  // "X, a spokesperson for …, said"   // "said on Friday" / "told reporters on Tuesday" still closes a sentence  // tokens between a subject and its speech verb ("X on Tuesday also said")

bool is_boundary(const Token& token) {
    return token.quote || token.text == "," || token.text == ";" || token.text == ":" || token.text == "." ||
           token.text == "(" || token.text == ")" || token.text == "that" || token.text == "-";
}

// Quote ranges: an opening mark stands before a word ("“It), a closing one after it (is.”).
void find_quotes(std::span<const Token> tokens, SentenceSpeech& speech) {
    const auto n = static_cast<std::uint32_t>(tokens.size());
    std::optional<std::uint32_t> open;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (!tokens[i].quote) continue;
        if (tokens[i].text == "'") {
            // Single marks quote only in pairs (a lone one is an apostrophe-like slip).
            bool paired = false;
            for (std::uint32_t j = i + 1; j < n && !paired; ++j) paired = tokens[j].quote && tokens[j].text == "'";
            if (!paired || open) continue;
            std::uint32_t j = i + 1;
            while (j < n && !(tokens[j].quote && tokens[j].text == "'")) ++j;
            speech.quotes.emplace_back(i + 1, j);
            i = j;
            continue;
        }
        const bool opener = i == 0 || (tokens[i].space_before && (i + 1 < n && !tokens[i + 1].space_before)) ||
                            (i + 1 < n && tokens[i + 1].word && !tokens[i + 1].space_before && !tokens[i - 1].word);
        if (open) {
            speech.quotes.emplace_back(*open + 1, i);
            open.reset();
        } else if (opener) {
            open = i;
        } else {
            speech.quotes.emplace_back(0, i);  // the end of a quotation opened in an earlier sentence
        }
    }
    if (open) {
        speech.quotes.emplace_back(*open + 1, n);
        speech.open_quote = true;
    }
    speech.quoted = !speech.quotes.empty();
}

bool inside(const SentenceSpeech& speech, std::uint32_t begin, std::uint32_t end) {
    return std::any_of(speech.quotes.begin(), speech.quotes.end(),
                       [&](const auto& q) { return begin >= q.first && end <= q.second; });
}

void add_speaker(std::vector<Speaker>& into, const Speaker& speaker) {
    if (std::find(into.begin(), into.end(), speaker) == into.end()) into.push_back(speaker);
}

/// The speaker of the mentions spanning exactly [begin, end): a role held by several actors gives their group.
std::optional<Speaker> speaker_at(const std::vector<const Mention*>& same_span, const Lexicon& lexicon) {
    std::vector<Speaker> found;
    for (const Mention* mention : same_span) {
        if (auto speaker = speaker_of(mention->id, lexicon)) add_speaker(found, *speaker);
    }
    if (found.empty()) return std::nullopt;
    if (found.size() == 1) return found.front();
    for (const auto& speaker : found) {
        if (speaker.group != found.front().group) return std::nullopt;
    }
    return Speaker{found.front().group, found.front().group, false};
}

std::vector<const Mention*> holder_mentions(const std::vector<Mention>& mentions, std::uint32_t begin,
                                            std::uint32_t end) {
    std::vector<const Mention*> out;
    for (const auto& mention : mentions) {
        if (is_holder_mention(mention) && mention.begin == begin && mention.end == end) out.push_back(&mention);
    }
    return out;
}

}  // namespace

std::optional<Speaker> speaker_of(const std::string& actor_id, const Lexicon& lexicon) {
    auto it = lexicon.actors.find(actor_id);
    if (it == lexicon.actors.end()) return std::nullopt;
    const Actor& actor = it->second;
    if (actor.kind == "person") return Speaker{actor.id, actor.group, true};
    return Speaker{actor.group, actor.group, false};
}

std::shared_ptr<const SpeechClasses> resolve_speech_classes(const Lexicon& lexicon) {
    auto classes = std::make_shared<SpeechClasses>();
    classes->index = lexicon.phrase_index;
    classes->asides = &lexicon.phrases("narrator_asides");
    classes->attribution_phrases = &lexicon.phrases("attribution_phrases");
    classes->speech_verbs = &lexicon.phrases("speech_verbs");
    classes->place_prepositions = &lexicon.phrases("place_prepositions");
    for (const auto& group : lexicon.holder_groups)
        classes->speaker_adjectives.emplace_back(group, &lexicon.phrases("speaker_adjectives_" + group));
    return classes;
}

std::vector<Speaker> AttributionState::pronoun(std::string_view word) const {
    if (word == "he" || word == "she") {
        if (last_person_) return {*last_person_};
        if (last_speaker_) return {*last_speaker_};
    }
    if (word == "it" || word == "they") {
        if (last_institution_) return {*last_institution_};
        if (last_speaker_) return {Speaker{last_speaker_->group, last_speaker_->group, false}};
    }
    return {};
}

std::vector<Speaker> AttributionState::subject_before(std::uint32_t cue, std::span<const Token> tokens,
                                                      const std::vector<Mention>& mentions,
                                                      const Lexicon& lexicon) const {
    std::vector<Speaker> speakers;
    const std::uint32_t stop = cue > subject_window ? cue - subject_window : 0;
    for (std::uint32_t j = cue; j > stop; --j) {
        const std::uint32_t last = j - 1;
        if (is_boundary(tokens[last])) break;
        // A holder mention ending here, with any coordinated ones before it ("Kyiv and the West").
        std::optional<const Mention*> found;
        for (const auto& mention : mentions) {
            if (is_holder_mention(mention) && mention.end == last + 1) found = &mention;
        }
        if (found) {
            std::uint32_t begin = (*found)->begin;
            if (auto s = speaker_at(holder_mentions(mentions, begin, (*found)->end), lexicon)) add_speaker(speakers, *s);
            while (begin >= 2 && tokens[begin - 1].text == "and") {
                const Mention* previous = nullptr;
                for (const auto& mention : mentions) {
                    if (is_holder_mention(mention) && mention.end == begin - 1) previous = &mention;
                }
                if (previous == nullptr) break;
                if (auto s = speaker_at(holder_mentions(mentions, previous->begin, previous->end), lexicon))
                    add_speaker(speakers, *s);
                begin = previous->begin;
            }
            return speakers;
        }
        if (auto p = pronoun(tokens[last].text); !p.empty()) return p;
    }
    // "Serhiy Cherevatyi, said" / "Serhiy Cherevatyi, a spokesperson for Ukraine's military, told".
    if (speakers.empty() && cue >= 2 && tokens[cue - 1].text == ",") {
        const auto holder_ending_at = [&](std::uint32_t end) -> std::optional<Speaker> {
            for (const auto& mention : mentions) {
                if (is_holder_mention(mention) && mention.end == end)
                    return speaker_at(holder_mentions(mentions, mention.begin, mention.end), lexicon);
            }
            return std::nullopt;
        };
        const std::uint32_t reach = cue > apposition_window ? cue - apposition_window : 0;
        for (std::uint32_t comma = cue - 2; comma > reach; --comma) {
            const Token& token = tokens[comma];
            if (token.quote || token.text == ";" || token.text == ":") break;
            if (token.text != ",") continue;
            const std::string_view next = tokens[comma + 1].text;
            // "X, a spokesperson for …, said" and "X, who was travelling to Kyiv, said".
            if (next != "a" && next != "an" && next != "the" && next != "who") break;
            if (auto s = holder_ending_at(comma)) return {*s};
            break;
        }
        if (auto s = holder_ending_at(cue - 1)) return {*s};
    }
    // "a Russian spokesperson said": a group adjective in the subject gives the group.
    for (std::uint32_t j = cue; j > stop; --j) {
        if (is_boundary(tokens[j - 1])) break;
        for (const auto& [group, adjectives] : classes_->speaker_adjectives) {
            if (adjectives->is_word(tokens[j - 1])) return {Speaker{group, group, false}};
        }
    }
    return speakers;
}

std::vector<Speaker> AttributionState::subject_after(std::uint32_t cue_end, std::span<const Token> tokens,
                                                     const std::vector<Mention>& mentions, const Lexicon& lexicon,
                                                     std::uint32_t& subject_end) const {
    std::vector<Speaker> speakers;
    std::uint32_t at = cue_end;
    subject_end = cue_end;
    const bool mention_here = std::any_of(mentions.begin(), mentions.end(),
                                          [&](const Mention& m) { return is_holder_mention(m) && m.begin == at; });
    if (!mention_here && at < tokens.size() &&
        (tokens[at].text == "the" || tokens[at].text == "a" || tokens[at].text == "an"))
        ++at;
    if (at < tokens.size()) {
        // "according to him": the pronoun's referent.
        if (auto p = pronoun(tokens[at].text == "him" ? "he" : tokens[at].text == "her" ? "she" : tokens[at].text);
            !p.empty() && (tokens[at].text == "him" || tokens[at].text == "her")) {
            subject_end = at + 1;
            return p;
        }
    }
    while (at < tokens.size()) {
        const Mention* found = nullptr;
        for (const auto& mention : mentions) {
            if (is_holder_mention(mention) && mention.begin == at) found = &mention;
        }
        if (found == nullptr) break;
        if (auto s = speaker_at(holder_mentions(mentions, found->begin, found->end), lexicon)) add_speaker(speakers, *s);
        at = found->end;
        subject_end = at;
        if (at < tokens.size() && tokens[at].text == "and") {
            ++at;
        } else {
            break;
        }
    }
    return speakers;
}

SentenceSpeech AttributionState::analyse(std::span<const Token> tokens, const std::vector<Mention>& mentions,
                                         const Lexicon& lexicon) {
    SentenceSpeech speech;
    find_quotes(tokens, speech);
    const auto n = static_cast<std::uint32_t>(tokens.size());
    if (!classes_ || !classes_->resolved_from(lexicon)) classes_ = resolve_speech_classes(lexicon);
    const PhraseIndex& asides = *classes_->asides;
    const PhraseIndex& attribution_phrases = *classes_->attribution_phrases;
    const PhraseIndex& speech_verbs = *classes_->speech_verbs;
    for (std::uint32_t i = 0; i < n; ++i) {
        // A quoted "said" (or "even though") is the quoted person's word. Most
        // sentences quote nothing, and their tokens need no test against the quotes.
        if (speech.quoted && inside(speech, i, i + 1)) continue;
        if (asides.is_word(tokens[i])) speech.asides.push_back(i);
        // Most tokens cue no speech: settled before a speaker list is made.
        const std::uint32_t phrase = attribution_phrases.longest_at(tokens, i);
        const std::uint32_t verb = phrase != 0 ? 0 : speech_verbs.longest_at(tokens, i);
        if (phrase == 0 && verb == 0) continue;
        std::vector<Speaker> speakers;
        std::uint32_t cue_end = i;
        if (phrase != 0) {
            speakers = subject_after(i + phrase, tokens, mentions, lexicon, cue_end);
            // "according to the statement": the last speaker's words.
            if (speakers.empty() && last_speaker_ && cue_end == i + phrase && i + phrase < n &&
                tokens[i + phrase].text == "the")
                speakers = {*last_speaker_};
        } else {
            cue_end = i + verb;
            speakers = subject_before(i, tokens, mentions, lexicon);
            const bool inverted = i == 0 || is_boundary(tokens[i - 1]);
            if (speakers.empty() && inverted) speakers = subject_after(i + verb, tokens, mentions, lexicon, cue_end);
        }
        if (speakers.empty()) continue;
        std::uint32_t words_after = 0;
        for (std::uint32_t j = cue_end; j < n && tokens[j].text != ","; ++j) words_after += tokens[j].word ? 1 : 0;
        const bool parenthetical = cue_end < n && tokens[cue_end].text == ",";
        speech.cues.push_back({i, std::move(speakers), words_after <= trailing_words, parenthetical});
    }
    for (const auto& cue : speech.cues) {
        last_speaker_ = cue.speakers.front();
        if (cue.speakers.front().person) last_person_ = cue.speakers.front();
    }
    // "he"/"it" in the next sentences: the first person and the first institution this one names as a subject.
    std::optional<Speaker> first_person, first_institution;
    for (const auto& mention : mentions) {
        if ((mention.kind != MentionKind::actor && mention.kind != MentionKind::speaker_only) ||
            inside(speech, mention.begin, mention.end))
            continue;
        if (mention.begin > 0 && classes_->place_prepositions->is_word(tokens[mention.begin - 1])) continue;
        auto speaker = speaker_of(mention.id, lexicon);
        if (!speaker) continue;
        if (speaker->person && !first_person) first_person = speaker;
        if (!speaker->person && !first_institution) first_institution = speaker;
    }
    if (first_person && (speech.cues.empty() || !speech.cues.front().speakers.front().person)) last_person_ = first_person;
    if (first_institution) last_institution_ = first_institution;
    return speech;
}

std::vector<Speaker> speakers_for(const SentenceSpeech& speech, std::uint32_t begin, std::uint32_t end,
                                  const std::optional<Speaker>& carried, const SpeechCue** cue) {
    const SpeechCue* before = nullptr;
    const SpeechCue* within = nullptr;  // "If Kyiv accepted …, Peskov said, Russia would be ready …"
    const SpeechCue* after = nullptr;
    // "Ukraine says it has liberated Robotyne": a match that opens with its own speaker and speech verb (a
    // cue always has its speaker right before or after it, so one this close to the start names that speaker).
    const SpeechCue* opening = nullptr;
    for (const auto& c : speech.cues) {
        if (c.token <= begin) before = &c;
        if (c.token > begin && c.token < end && within == nullptr && c.parenthetical) within = &c;
        if (c.token > begin && c.token < end && c.token <= begin + opening_window && opening == nullptr &&
            !c.parenthetical)
            opening = &c;
        if (c.token >= end && after == nullptr) after = &c;
    }
    // "…, and Moscow says it is fighting…" opens a new statement: it does not attribute what precedes it.
    if (after != nullptr && !after->trailing && !inside(speech, begin, end)) after = nullptr;
    // "X says it annexed them, even though its troops control none": the concession is the narrator's.
    if (before != nullptr && std::any_of(speech.asides.begin(), speech.asides.end(),
                                         [&](std::uint32_t t) { return t > before->token && t <= begin; }))
        before = nullptr;
    const SpeechCue* chosen = before != nullptr    ? before
                              : opening != nullptr ? opening
                              : within != nullptr  ? within
                                                   : after;
    if (cue != nullptr) *cue = chosen;
    if (chosen != nullptr) return chosen->speakers;
    if (inside(speech, begin, end) && carried) return {*carried};
    return {};
}

}  // namespace factline
