// Stage 6: assertion extraction (see extract.hpp). Per document, sentence by
// sentence: tokens, lexicon mentions, speech attribution, the patterns' matches
// with their slots, negation, subjects (slots, groups, anaphora, document
// focus), holders and the stated date. The most specific match wins when
// rules disagree about one (holder, topic, subject) in one sentence.
#include "checker/extract.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "checker/attribution.hpp"
#include "checker/date_scan.hpp"
#include "checker/lexicon_match.hpp"
#include "checker/modality.hpp"
#include "checker/place_resolve.hpp"
#include "checker/rule_pack.hpp"
#include "checker/slots.hpp"
#include "checker/time.hpp"

namespace factline {

namespace {

constexpr std::uint32_t quote_lookahead = 3;  // sentences in which an open quotation may find its speaker
constexpr std::uint32_t subject_reach = 14;
constexpr std::uint32_t scare_quote_tokens = 4;  // a quoted phrase this short is a word quoted, not a statement
constexpr std::uint32_t cue_reach = 4;         // tokens after a speech cue in which the day it was said may stand
constexpr std::uint32_t that_reach = 4;        // tokens before a clause's subject in which "that" opens a reported clause
constexpr std::uint32_t about_reach = 3;       // tokens after a match in which the time it describes may stand
constexpr std::int64_t about_min_days = 14;    // how much earlier than the statement that time must be

/// The first day of the period a resolved TIMEX3 value names ("2022-03" -> 2022-03-01).
std::optional<CivilDate> period_start(const std::string& value) {
    if (auto day = parse_iso(value)) return day;
    if (value.size() == 7 && value[4] == '-') return parse_iso(value + "-01");
    if (value.size() == 4) return parse_iso(value + "-01-01");
    return std::nullopt;
}

/// A time expression of a sentence, with the token it starts at.
struct SentenceTime {
    TimeExpression time;
    std::uint32_t token = 0;
};

struct SentenceData {
    const Sentence* sentence = nullptr;
    Tokens tokens;
    std::vector<Mention> mentions;
    // The sentence's time expressions, found once when first asked for
    // (DocumentExtractor::times_of): most sentences never need them.
    mutable std::optional<std::vector<SentenceTime>> times;
    // Per pattern alternative: worth trying here (TriggerIndex); empty when none is.
    std::vector<char> wanted;
};

struct Candidate {
    Assertion assertion;
    unsigned specificity = 0;
    std::uint32_t begin = 0;  // the match's tokens
    std::uint32_t end = 0;
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Span trimmed(std::string_view text, Span span) {
    while (span.begin < span.end && is_blank(text[span.begin])) ++span.begin;
    while (span.end > span.begin && is_blank(text[span.end - 1])) --span.end;
    return span;
}

void add_unique(std::vector<std::string>& into, const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
        if (std::find(into.begin(), into.end(), id) == into.end()) into.push_back(id);
    }
}

/// The buffers extraction refills sentence after sentence. Each document used
/// to allocate them anew and grow them to its longest sentence (issue 7: on
/// 1,500 synthetic articles Starts::reset cost 10.1M instructions and
/// SlotTable::add 13.2M, 7.5M of it growing). One set per thread outlives the
/// documents: every build() and prepare() starts by forgetting the sentence
/// before, whichever document it came from.
struct SentenceBuffers {
    SlotBuilder slot_builder;
    PreparedSentence prepared;
};

/// This thread's buffers. Extraction never runs inside another extraction on
/// one thread, so one DocumentExtractor at a time uses them.
SentenceBuffers& thread_buffers() {
    thread_local SentenceBuffers buffers;
    return buffers;
}

/// The word classes extraction reads, looked up by name once per thread and
/// lexicon instead of per document (attribution) or per match and token
/// (modality, region nouns) (issue 7).
struct ExtractClasses {
    std::shared_ptr<const SpeechClasses> speech;
    ModalityClasses modality;
    const PhraseIndex* region_nouns = nullptr;  // kept alive with the others' phrase index
};

/// This thread's classes of `lexicon`. Extraction never runs inside another
/// extraction on one thread, so they stay unchanged while a document uses them.
const ExtractClasses& thread_classes(const Lexicon& lexicon) {
    thread_local ExtractClasses classes;
    if (!classes.speech || !classes.speech->resolved_from(lexicon)) {
        classes = {resolve_speech_classes(lexicon), resolve_modality_classes(lexicon),
                   &lexicon.phrases("region_nouns")};
    }
    return classes;
}

class DocumentExtractor {
public:
    DocumentExtractor(const ExtractInput& input, const RuleSet& rules, SentenceBuffers& buffers)
        : input_(input), rules_(rules), lexicon_(rules.lexicon), classes_(thread_classes(lexicon_)),
          attribution_(classes_.speech),
          slot_builder_(buffers.slot_builder),
          prepared_(buffers.prepared) {}

    std::vector<Assertion> run() {
        if (!lexicon_.matcher) return {};
        const std::string& text = input_.document.text;
        std::vector<SentenceData> sentences;
        for (const auto& sentence : input_.sentences) {
            SentenceData data;
            data.sentence = &sentence;
            data.tokens = tokenize(text, sentence.span);
            data.mentions = lexicon_.matcher->find(data.tokens);
            sentences.push_back(std::move(data));
        }
        // Namesake places resolve by the regions named in their paragraph (layout
        // block); most documents name none, and need no paragraph context.
        if (std::any_of(sentences.begin(), sentences.end(),
                        [](const SentenceData& data) { return may_have_namesakes(data.mentions); })) {
            std::map<std::uint32_t, std::vector<std::string>> block_regions;
            for (const auto& data : sentences) {
                auto named = named_regions(data.mentions, lexicon_);
                auto& into = block_regions[data.sentence->block];
                into.insert(into.end(), named.begin(), named.end());
            }
            for (auto& data : sentences) resolve_namesakes(data.mentions, lexicon_, block_regions[data.sentence->block]);
        }
        // A document where no sentence could match any pattern yields nothing:
        // attribution, slots and focus only serve matches, so they are skipped
        // (most documents of a general news corpus are about something else).
        if (!mark_wanted(sentences)) return {};
        if (!names_the_conflict(sentences)) return {};
        for (std::size_t i = 0; i < sentences.size(); ++i) extract_sentence(sentences, i);
        return std::move(out_);
    }

private:
    // A document that names no region and no actor of a party to the conflict
    // is about something else: in a general news corpus, "willing to resume
    // negotiations with the United Auto Workers" and "would not negotiate on
    // a budget" matched negotiation rules and made a position shift.
    [[nodiscard]] bool names_the_conflict(const std::vector<SentenceData>& sentences) const {
        const auto& parties = lexicon_.party_groups;
        if (parties.empty()) return true;
        const auto names_one = [&](const Mention& mention) {
            switch (mention.kind) {
                case MentionKind::region:
                case MentionKind::region_group:
                    return true;
                case MentionKind::actor:
                case MentionKind::actor_role:
                case MentionKind::speaker_only: {
                    const auto actor = lexicon_.actors.find(mention.id);
                    return actor != lexicon_.actors.end() &&
                           std::find(parties.begin(), parties.end(), actor->second.group) != parties.end();
                }
                default:
                    return false;
            }
        };
        return std::any_of(sentences.begin(), sentences.end(), [&](const SentenceData& data) {
            return std::any_of(data.mentions.begin(), data.mentions.end(), names_one);
        });
    }

    // Sets each sentence's wanted alternatives; false when no sentence has any.
    bool mark_wanted(std::vector<SentenceData>& sentences) const {
        const auto& patterns = rules_.patterns;
        const bool indexed = patterns.triggers.covers(patterns.rules.size());
        bool any = false;
        for (auto& data : sentences) {
            if (!indexed) {
                data.wanted.assign(1, 1);  // a hand-made RuleSet without an index: every rule is tried
            } else if (!patterns.triggers.candidates(data.tokens, fillable_slots(data.mentions), data.wanted)) {
                data.wanted.clear();
            }
            any = any || !data.wanted.empty();
        }
        return any;
    }

    // An open quotation with no cue gets the speaker of the sentence that closes it.
    std::optional<Speaker> lookahead_speaker(const std::vector<SentenceData>& sentences, std::size_t index) const {
        AttributionState probe = attribution_;
        for (std::size_t j = index + 1; j < sentences.size() && j <= index + quote_lookahead; ++j) {
            if (sentences[j].sentence->block != sentences[index].sentence->block) break;
            const auto speech = probe.analyse(sentences[j].tokens, sentences[j].mentions, lexicon_);
            if (!speech.cues.empty()) return speech.cues.front().speakers.front();
            if (!speech.open_quote && speech.quoted) break;
        }
        return std::nullopt;
    }

    // Regions the sentence names; a name that also denotes a holder ("Kyiv") is taken as the holder.
    std::vector<std::string> sentence_regions(const SentenceData& data) const {
        std::vector<std::string> ids;
        for (const auto& mention : data.mentions) {
            const bool holder = std::any_of(data.mentions.begin(), data.mentions.end(), [&](const Mention& other) {
                return is_holder_mention(other) && other.begin == mention.begin && other.end == mention.end;
            });
            if (!holder) add_unique(ids, region_ids(mention, data.tokens, lexicon_, focus_));
        }
        return ids;
    }

    // The namesakes the sentence's mention of `subject` left open (a village name shared across oblasts).
    static std::vector<std::string> namesakes_of(const SentenceData& data, const std::string& subject) {
        for (const auto& mention : data.mentions) {
            if (mention.id == subject && !mention.alternatives.empty()) return mention.alternatives;
        }
        return {};
    }

    bool names_holder(const SentenceData& data, std::uint32_t begin, std::uint32_t end) const {
        return std::any_of(data.mentions.begin(), data.mentions.end(), [&](const Mention& m) {
            return is_holder_mention(m) && m.begin >= begin && m.end <= end;
        });
    }

    // The actor named as the subject of the clause before a match ("Russia will focus its efforts to …").
    std::vector<Speaker> clause_subject(const SentenceData& data, std::uint32_t begin,
                                        std::uint32_t* mention_begin = nullptr, bool skip_possessives = false) const {
        const std::uint32_t stop = begin > subject_reach ? begin - subject_reach : 0;
        for (std::uint32_t at = begin; at > stop; --at) {
            const Token& token = data.tokens[at - 1];
            // A comma inside a list of places ("Luhansk, Donetsk and Kherson") does not end the clause.
            const bool list_comma = token.text == "," && at < data.tokens.size() &&
                                    std::any_of(data.mentions.begin(), data.mentions.end(), [&](const Mention& m) {
                                        return m.begin == at && (m.kind == MentionKind::region || m.kind == MentionKind::region_group);
                                    });
            if (token.quote && at == begin) continue;  // scare quotes: called it "non-negotiable"
            if (token.quote || token.text == ";" || token.text == ":" || (token.text == "," && !list_comma)) break;
            for (const auto& mention : data.mentions) {
                if (!is_holder_mention(mention) || mention.end != at) continue;
                // "Kyiv's attack showed that …": a possessive modifies the subject, it is none.
                if (skip_possessives && (data.tokens[at - 1].text == "'s" ||
                                         (at < data.tokens.size() && data.tokens[at].text == "'s")))
                    continue;
                if (auto speaker = speaker_of(mention.id, lexicon_)) {
                    if (mention_begin != nullptr) *mention_begin = mention.begin;
                    return {*speaker};
                }
            }
        }
        return {};
    }

    // The focus after a sentence: its last set of several regions, and its single regions in order.
    void update_focus(const SlotTable& slots, const SentenceData& data) {
        // The slots' ids may point into focus_: it changes only once they are all read.
        std::optional<std::vector<std::string>> group;
        std::vector<std::string> singles;
        const auto n = static_cast<std::uint32_t>(data.tokens.size());
        for (std::uint32_t i = 0; i <= n; ++i) {
            const auto candidates = slots.at(Slot::region, i);
            if (candidates.empty()) continue;
            const SlotIds ids = slots.ids(candidates.front());
            if (ids.size() >= 2) {
                group = id_texts(ids);
                focus_latest_group_ = true;
            } else if (!names_holder(data, i, candidates.front().end)) {  // "Kyiv" is rarely the topic
                add_unique(singles, id_texts(ids));
                focus_latest_group_ = false;
            }
            i = candidates.front().end - 1;
        }
        if (group) focus_.group = std::move(*group);
        if (!singles.empty()) focus_.region = std::move(singles);
    }

    std::vector<std::string> focus_regions(const SentenceData& data) const {
        auto here = sentence_regions(data);
        if (!here.empty()) return here;
        if (focus_latest_group_ && !focus_.group.empty()) return focus_.group;
        if (!focus_.region.empty()) return {focus_.region.front()};
        return focus_.group;
    }

    /// The pipeline's date scan, else one of this document's own: every
    /// caller reads dates the one way (DateScan), tests and benchmarks too.
    DateScan& dates() const {
        if (input_.dates != nullptr) return *input_.dates;
        if (!own_dates_) own_dates_.emplace(input_.document.text, input_.layout);
        return *own_dates_;
    }

    const std::vector<SentenceTime>& times_of(const SentenceData& data) const {
        if (!data.times) {
            data.times.emplace();
            std::uint32_t token = 0;
            const std::string& text = input_.document.text;
            const Span span = data.sentence->span;
            const DatedBy& dct = input_.document_date;
            std::vector<grammar::ast::DateExpr> scratch;
            auto times = resolve_times(text, dates().in_span(span, data.sentence->block, scratch), dct.date,
                                       NumericOrder::month_first);
            for (auto& time : times) {
                while (token < data.tokens.size() && data.tokens[token].span.begin < time.span.begin) ++token;
                data.times->push_back({std::move(time), token});
            }
        }
        return *data.times;
    }

    static bool quoted(const SentenceSpeech& speech, std::uint32_t token) {
        return std::any_of(speech.quotes.begin(), speech.quotes.end(),
                           [&](const auto& q) { return token >= q.first && token < q.second; });
    }

    /// The stated date of a statement whose cue (or anchor) is token `anchor`.
    std::pair<std::optional<CivilDate>, DateSource> stated_date(const SentenceData& data, const SentenceSpeech& speech,
                                                                std::optional<std::uint32_t> anchor) const {
        const DatedBy& dct = input_.document_date;
        if (!anchor) return {dct.date, dct.date ? dct.source : DateSource::unknown};
        std::optional<CivilDate> best;
        std::uint32_t best_distance = ~0u;
        for (const auto& [time, token] : times_of(data)) {
            if (!time.day || quoted(speech, token)) continue;
            // The day of the statement stands before its cue or right after it ("said on Friday"); a date
            // further on belongs to what was said ("said Russia did not regret the ceremony on Sept. 30").
            if (token > *anchor + cue_reach) continue;
            const std::uint32_t distance = token > *anchor ? token - *anchor : *anchor - token;
            if (distance < best_distance) {
                best_distance = distance;
                best = time.day;
            }
        }
        if (best) return {best, DateSource::relative};
        return {dct.date, dct.date ? dct.source : DateSource::unknown};
    }

    // "Russian troops took Kherson in March" in a November story: a time named in
    // or right after the matched clause, well before the statement, is the time
    // the claim describes (Assertion::about); windows compare claims by it.
    std::optional<CivilDate> about_date(const SentenceData& data, const SentenceSpeech& speech,
                                        const PatternMatch& match, const std::optional<CivilDate>& stated) const {
        if (!stated) return std::nullopt;
        for (const auto& [time, token] : times_of(data)) {
            const auto start = period_start(time.value);
            if (!start || token < match.begin || token > match.end + about_reach || quoted(speech, token)) continue;
            if (days_from_civil(*stated) - days_from_civil(*start) > about_min_days) return start;
        }
        return std::nullopt;
    }

    // "At a news conference on April 22, he stressed …": the day each speaker of the sentence spoke.
    void remember_occasions(const SentenceData& data, const SentenceSpeech& speech) {
        for (const auto& cue : speech.cues) {
            const auto [day, source] = stated_date(data, speech, cue.token);
            if (source != DateSource::relative || !day) continue;
            // "it said" names no one: its day is not the day of the group's other speakers.
            const bool pronoun = cue.token > 0 && (data.tokens[cue.token - 1].text == "it" ||
                                                   data.tokens[cue.token - 1].text == "they");
            for (const auto& speaker : cue.speakers) {
                occasion_[speaker.holder] = *day;
                // The group's first dated statement (usually the lead's "the
                // Kremlin said on Friday") is the day its unnamed-day speakers
                // spoke; a later "Russia said on Wednesday its forces would
                // leave" reports an earlier event and does not move it.
                if (!pronoun) occasion_.try_emplace("group:" + speaker.group, *day);
            }
        }
    }

    std::optional<CivilDate> occasion_of(const Speaker& speaker) const {
        if (auto it = occasion_.find(speaker.holder); it != occasion_.end()) return it->second;
        if (auto it = occasion_.find("group:" + speaker.group); it != occasion_.end()) return it->second;
        return std::nullopt;
    }

    std::vector<Speaker> holders_of(const PatternMatch& match, const SentenceData& data, const SentenceSpeech& speech,
                                    const std::optional<Speaker>& carried, std::optional<std::uint32_t>& anchor) const {
        const PatternRule& rule = *match.rule;
        std::vector<Speaker> holders;
        if (rule.holder == "pattern") {
            for (const auto& fill : match.fills) {
                if (fill.slot != Slot::holder) continue;
                anchor = fill.begin;
                for (const auto& id : fill.ids) {
                    if (auto speaker = speaker_of(id, lexicon_);
                        speaker && std::find(holders.begin(), holders.end(), *speaker) == holders.end())
                        holders.push_back(*speaker);
                }
            }
            return holders;
        }
        if (rule.holder == "subject") {
            holders = clause_subject(data, match.begin);
            if (!holders.empty()) {
                anchor = match.begin;
                return holders;
            }
        } else if (rule.holder != "speaker") {
            return {Speaker{rule.holder, rule.holder, false}};
        }
        const SpeechCue* cue = nullptr;
        holders = speakers_for(speech, match.begin, match.end, carried, &cue);
        // Scare quotes are no quotation: Putin called the annexation "non-negotiable".
        const bool scare_quoted = cue == nullptr && std::any_of(speech.quotes.begin(), speech.quotes.end(), [&](const auto& q) {
            return q.first <= match.begin && match.end <= q.second && q.second - q.first <= scare_quote_tokens;
        });
        if (scare_quoted) {
            if (auto subject = clause_subject(data, match.begin); !subject.empty()) holders = subject;
        }
        if (holders.empty() && !rule.narrator) {
            holders = clause_subject(data, match.begin);
            // A stance right after a reported sentence continues it ("Instead there is 'a lot of work' in …").
            if (holders.empty() && previous_speaker_) holders = {*previous_speaker_};
            if (!holders.empty()) anchor = match.begin;
        }
        if (cue != nullptr) {
            anchor = cue->token;
        } else if (!holders.empty()) {
            anchor = match.begin;
        }
        return holders;
    }

    // "Kherson was freed": for events a bare name shared by a region and its city means the city.
    std::vector<std::string> namesake_cities(const SlotFill& fill, const SentenceData& data) const {
        for (auto i = fill.begin; i < fill.end; ++i) {
            if (classes_.region_nouns->is_word(data.tokens[i])) return fill.ids;
        }
        std::vector<std::string> ids;
        for (const auto& id : fill.ids) {
            auto city = lexicon_.namesake_city.find(id);
            ids.push_back(city != lexicon_.namesake_city.end() ? city->second : id);
        }
        return ids;
    }

    std::vector<std::string> subjects_of(const PatternMatch& match, const SentenceData& data,
                                         const Speaker& holder) const {
        const PatternRule& rule = *match.rule;
        std::vector<std::string> subjects;
        for (const auto& fill : match.fills) {
            if (fill.slot == Slot::party) add_unique(subjects, fill.ids);
            if (fill.slot != Slot::region && fill.slot != Slot::named_region) continue;
            add_unique(subjects, rule.prefer_city ? namesake_cities(fill, data) : fill.ids);
        }
        if (!subjects.empty()) return subjects;
        std::string fallback = rule.subject_default;
        if (fallback.empty()) {
            auto topic = lexicon_.topics.find(rule.topic);
            fallback = topic != lexicon_.topics.end() && topic->second.subject == "party" ? "speaker_group"
                                                                                            : "document_focus";
        }
        if (fallback == "any") return {"any"};
        if (fallback == "speaker_group") {
            // "The Kremlin representative reminded that the authorities in Kyiv
            // reject talks": a reported clause ("that …") whose subject is
            // another party states that party's stance. ("He urged Kyiv to
            // come back to the table" names Kyiv as an object: the speaker's.)
            std::uint32_t at = 0;
            for (const auto& other : clause_subject(data, match.begin, &at, true)) {
                const std::uint32_t from = at > that_reach ? at - that_reach : 0;
                const bool reported = std::any_of(data.tokens.begin() + from, data.tokens.begin() + at,
                                                  [](const Token& t) { return t.text == "that"; });
                if (reported && other.group != holder.group && other.group != "narrator") return {other.group};
            }
            return {holder.group};
        }
        auto focus = focus_regions(data);
        if (!rule.prefer_city) return focus;
        for (auto& id : focus) {
            if (auto city = lexicon_.namesake_city.find(id); city != lexicon_.namesake_city.end()) id = city->second;
        }
        return focus;
    }

    void extract_sentence(const std::vector<SentenceData>& sentences, std::size_t index) {
        const SentenceData& data = sentences[index];
        const std::optional<Speaker> carried_before = attribution_.last_speaker();
        SentenceSpeech speech = attribution_.analyse(data.tokens, data.mentions, lexicon_);
        std::optional<Speaker> carried = carried_before;
        if (speech.cues.empty() && speech.open_quote) {
            if (auto ahead = lookahead_speaker(sentences, index)) carried = ahead;
        }
        remember_occasions(data, speech);

        // Only the patterns whose trigger words (and slots) the sentence has are
        // tried; a sentence with none and no mentions needs no slots either.
        const auto& patterns = rules_.patterns;
        const bool indexed = patterns.triggers.covers(patterns.rules.size());
        const bool any_wanted = !data.wanted.empty();
        if (!any_wanted && data.mentions.empty()) {
            finish_sentence(speech);
            return;
        }
        const SlotTable& slots = slot_builder_.build(data.tokens, data.mentions, lexicon_, focus_);
        std::vector<Candidate> candidates;
        if (any_wanted) prepared_.prepare(data.tokens, slots);
        for (std::size_t r = 0; any_wanted && r < patterns.rules.size(); ++r) {
            const PatternRule& rule = patterns.rules[r];
            const char* wanted = indexed ? data.wanted.data() + patterns.triggers.first_alternative(r) : nullptr;
            if (wanted != nullptr && std::find(wanted, wanted + rule.compiled.size(), 1) == wanted + rule.compiled.size())
                continue;
            for (const auto& match : match_rule(rule, prepared_, wanted)) {
                // A question asserts nothing, unless the sentence quotes its yes or no.
                const auto answer = answered_question(data.tokens, match, classes_.modality);
                if (!answer && (is_irrealis(data.tokens, match, classes_.modality) ||
                                in_direct_question(data.tokens, match)))
                    continue;
                const bool negated = answer ? !*answer : is_negated(data.tokens, match, classes_.modality);
                const std::string& value = negated ? rule.negated_value : rule.value;
                if (value.empty()) continue;
                std::optional<std::uint32_t> anchor;
                auto holders = holders_of(match, data, speech, carried, anchor);
                if (holders.empty()) {
                    if (rule.holder == "pattern" || !rule.narrator) continue;
                    holders.push_back(Speaker{"narrator", "narrator", false});
                    anchor.reset();
                }
                if (!rule.holder_groups.empty()) {
                    std::erase_if(holders, [&](const Speaker& s) {
                        return std::find(rule.holder_groups.begin(), rule.holder_groups.end(), s.group) ==
                               rule.holder_groups.end();
                    });
                    if (holders.empty()) continue;
                }
                auto [stated, source] = stated_date(data, speech, anchor);
                // A speaker's later sentences without a day of their own belong to the same occasion.
                if (anchor && !holders.empty() && source != DateSource::relative) {
                    if (auto day = occasion_of(holders.front())) {
                        stated = day;
                        source = DateSource::relative;
                    }
                }
                const auto about = about_date(data, speech, match, stated);
                for (const auto& holder : holders) {
                    for (const auto& subject : subjects_of(match, data, holder)) {
                        Candidate candidate;
                        Assertion& a = candidate.assertion;
                        a.doc = input_.document.path;
                        a.holder = holder.holder;
                        a.holder_group = holder.group;
                        a.topic = rule.topic;
                        a.subject = subject;
                        a.subject_alternatives = namesakes_of(data, subject);
                        a.value = value;
                        a.stated = stated;
                        a.stated_source = stated ? source : DateSource::unknown;
                        a.about = about;
                        a.rule = rule.id;
                        a.headline = data.sentence->headline;
                        a.negated = negated;
                        fill_evidence(a, data.sentence->span);
                        candidate.specificity = match.literals;
                        candidate.begin = match.begin;
                        candidate.end = match.end;
                        candidates.push_back(std::move(candidate));
                    }
                }
            }
        }
        keep_most_specific(candidates);
        update_focus(slots, data);
        finish_sentence(speech);
    }

    void finish_sentence(const SentenceSpeech& speech) {
        previous_speaker_.reset();
        if (!speech.cues.empty()) previous_speaker_ = speech.cues.back().speakers.front();
    }

    void fill_evidence(Assertion& assertion, Span span) {
        const Span evidence = trimmed(input_.document.text, span);
        // Lines are indexed at the first assertion: most documents have none.
        if (!lines_) lines_.emplace(input_.document.text);
        const LineCol at = lines_->at(evidence.begin);
        assertion.evidence.line = at.line;
        assertion.evidence.col = at.col;
        assertion.evidence.span = evidence;
        assertion.evidence.text = std::string(evidence.of(input_.document.text));
    }

    // Overlapping matches about one (holder, topic, subject): the most specific rule decides.
    void keep_most_specific(std::vector<Candidate>& candidates) {
        // Two readings of the same words about one subject: the more specific wins, whoever the holder.
        const auto same_key = [](const Assertion& a, const Assertion& b) {
            return a.topic == b.topic && a.subject == b.subject;
        };
        std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const auto& c = candidates[i];
            const bool beaten = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& other) {
                return same_key(c.assertion, other.assertion) && other.specificity > c.specificity &&
                       other.begin < c.end && c.begin < other.end;
            });
            if (beaten) continue;
            const auto& a = c.assertion;
            if (!seen.emplace(a.holder, a.topic, a.subject, a.value).second) continue;
            out_.push_back(candidates[i].assertion);
        }
    }

    const ExtractInput& input_;
    mutable std::optional<DateScan> own_dates_;  // made on first use when the input brings none
    const RuleSet& rules_;
    const Lexicon& lexicon_;
    const ExtractClasses& classes_;  // the thread's
    std::optional<LineIndex> lines_;
    AttributionState attribution_;
    Focus focus_;
    SlotBuilder& slot_builder_;    // one table, refilled sentence by sentence (the thread's)
    PreparedSentence& prepared_;   // likewise
    bool focus_latest_group_ = false;
    std::optional<Speaker> previous_speaker_;    // the speaker of the previous sentence, if it had a cue
    std::map<std::string, CivilDate> occasion_;  // holder -> the day their last dated statement was made
    std::vector<Assertion> out_;
};

}  // namespace

std::vector<Assertion> extract_assertions(const ExtractInput& input, const RuleSet& rules) {
    return DocumentExtractor(input, rules, thread_buffers()).run();
}

// ---------------------------------------------------------------- rules test

namespace {

/// Assertions of one example sentence, extracted as a one-sentence document.
std::vector<Assertion> extract_example(const std::string& text, const RuleSet& rules) {
    Document document;
    document.path = "<example>";
    document.text = text;
    Layout layout;
    const Span span{0, static_cast<std::uint32_t>(text.size())};
    layout.blocks.push_back({BlockKind::body, span, 1, 1, ""});
    const std::vector<Sentence> sentences = {{span, 0, false, true}};
    return extract_assertions({document, layout, sentences, DatedBy{}}, rules);
}

}  // namespace

void test_patterns(const RuleSet& rules, RuleTestReport& report) {
    for (const auto& rule : rules.patterns.rules) {
        for (const auto& example : rule.examples) {
            std::string text = example;
            std::string want = rule.value;
            if (const auto arrow = example.rfind(" => "); arrow != std::string::npos) {
                text = example.substr(0, arrow);
                want = example.substr(arrow + 4);
            }
            const auto found = extract_example(text, rules);
            const bool ok = std::any_of(found.begin(), found.end(),
                                        [&](const Assertion& a) { return a.rule == rule.id && a.value == want; });
            if (ok) {
                ++report.passed;
            } else {
                ++report.failed;
                report.failures.push_back(fmt::format("{}: example does not give '{}': {}", rule.id, want, text));
            }
        }
        for (const auto& counter : rule.counter) {
            const auto found = extract_example(counter, rules);
            const bool matched = std::any_of(found.begin(), found.end(), [&](const Assertion& a) { return a.rule == rule.id; });
            if (!matched) {
                ++report.passed;
            } else {
                ++report.failed;
                report.failures.push_back(fmt::format("{}: counter-example matches: {}", rule.id, counter));
            }
        }
    }
}

}  // namespace factline
