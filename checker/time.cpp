#include "checker/time.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "grammar/parse_date.hpp"

namespace factline {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\''; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Today from the system clock: only the fallback reference when a corpus
/// gives no date at all (the "else today").
CivilDate today() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return civil_from_days(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24);
}

/// Calls `visit` with each word words_before() would list, nearest first,
/// until it returns true; true when it did. The word is one reused buffer:
/// checks that stop at the first telling word need no list of strings.
template <class Visit>
bool any_word_before(std::string_view text, std::uint32_t begin, std::size_t max_words, WordReach reach,
                     Visit&& visit) {
    std::string word;
    std::size_t count = 0;
    for (std::uint32_t i = std::min<std::uint32_t>(begin, static_cast<std::uint32_t>(text.size()));
         i > 0 && count < max_words;) {
        if (is_letter(text[i - 1])) {
            // The whole word at once, in reading order (not a byte prepended at a time).
            std::uint32_t start = i - 1;
            while (start > 0 && is_letter(text[start - 1])) --start;
            word.assign(text.substr(start, i - start));
            for (char& c : word) c = lower(c);
            ++count;
            if (visit(std::as_const(word))) return true;
            i = start;
            continue;
        }
        const char c = text[--i];
        if (c == ';') break;
        if (reach == WordReach::clause && (c == '.' || c == '!' || c == '?' || c == '\n')) break;
        if (reach == WordReach::sentence) {
            if (c == '\n' && i > 0 && text[i - 1] == '\n') break;  // a blank line
            std::uint32_t next = i + 1;
            while (next < text.size() && (text[next] == ' ' || text[next] == '\n')) ++next;
            const bool sentence_end = (c == '.' || c == '!' || c == '?') && next > i + 1 && next < text.size() &&
                                      text[next] >= 'A' && text[next] <= 'Z' && i > 0 && text[i - 1] >= 'a' &&
                                      text[i - 1] <= 'z';
            if (sentence_end) break;
        }
    }
    return false;
}

}  // namespace

std::vector<std::string> words_before(std::string_view text, std::uint32_t begin, std::size_t max_words,
                                      WordReach reach) {
    std::vector<std::string> words;
    any_word_before(text, begin, max_words, reach, [&](const std::string& word) {
        words.push_back(word);
        return false;
    });
    return words;
}

Tense tense_before(std::string_view text, std::uint32_t begin) {
    // Grammatical markers of the future, not vocabulary of any topic.
    static constexpr std::array<std::string_view, 6> markers{"will", "shall", "scheduled", "due", "planned",
                                                             "plans"};
    // Past forms: regular ones end in -ed; these are the common irregular
    // verbs of reporting and narration. A past form between a future marker
    // and the date ends the marker's reach ("will liberate the regions it
    // annexed in September").
    static constexpr std::array<std::string_view, 27> past{
        "said", "was",  "were",  "had",   "did",  "told",   "met",   "took",  "fell",
        "began", "came", "went", "won",   "lost", "left",   "held",  "gave",  "made",
        "struck", "broke", "rose", "fought", "sent", "led", "saw", "drove", "withdrew"};
    Tense tense = Tense::unmarked;
    const auto decide = [&](Tense found) {
        tense = found;
        return true;
    };
    any_word_before(text, begin, 8, WordReach::clause, [&](const std::string& w) {  // nearest word first
        if (w.size() > 3 && w.ends_with("'ll")) return decide(Tense::future);
        for (auto marker : markers) {
            if (w == marker) return decide(Tense::future);
        }
        if (w == "says") return true;  // present: the date may lie either way
        for (auto form : past) {
            if (w == form) return decide(Tense::past);
        }
        if (w.size() > 4 && w.ends_with("ed")) return decide(Tense::past);
        return false;
    });
    return tense;
}

bool future_tense_before(std::string_view text, std::uint32_t begin) {
    return tense_before(text, begin) == Tense::future;
}

bool future_marker_before(std::string_view text, std::uint32_t begin) {
    // Grammatical markers of a time ahead, not vocabulary of any topic.
    static constexpr std::array<std::string_view, 14> markers{
        "will", "would", "shall", "scheduled", "rescheduled", "due", "planned", "plans", "expected",
        "expects", "postponed", "delayed", "upcoming", "next"};
    // A past reporting verb nearer than any marker dates the report, not what it reports: "Russia will not
    // hold talks …, Ushakov said on Tuesday" (grammar words again, as in tense_before).
    static constexpr std::array<std::string_view, 8> reporting{"said", "told", "added", "stated",
                                                               "announced", "wrote", "declared", "reported"};
    bool future = false;
    any_word_before(text, begin, 60, WordReach::sentence, [&](const std::string& w) {
        if (std::find(reporting.begin(), reporting.end(), w) != reporting.end()) return true;
        future = (w.size() > 3 && w.ends_with("'ll")) || std::find(markers.begin(), markers.end(), w) != markers.end();
        return future;
    });
    return future;
}

std::vector<TimeExpression> find_times(std::string_view text, Span span, std::optional<CivilDate> dct,
                                       NumericOrder order) {
    const auto parsed = grammar::parse_dates(text, span.begin, std::min<std::uint32_t>(span.end, text.size()));
    return resolve_times(text, parsed.dates, dct, order);
}

std::vector<TimeExpression> resolve_times(std::string_view text, std::span<const grammar::ast::DateExpr> dates,
                                          std::optional<CivilDate> dct, NumericOrder order) {
    // Weekdays named in the span help to read "12/8/2022".
    std::vector<int> named_weekdays;
    for (const auto& expr : dates) {
        if (expr.form == grammar::ast::DateForm::weekday && expr.weekday >= 0) named_weekdays.push_back(expr.weekday);
    }
    std::vector<TimeExpression> times;
    for (const auto& expr : dates) {
        ResolveContext context;
        context.dct = dct;
        context.default_order = order;
        context.nearby_weekdays = named_weekdays;
        const Tense tense = tense_before(text, expr.begin);
        const bool reported = expr.context_word == "said" || expr.context_word == "says";
        context.future = !reported && tense == Tense::future;
        context.past = expr.context_word == "said" || (!reported && tense == Tense::past);
        const Resolution resolution = resolve(expr, context);
        TimeExpression time;
        time.span = {expr.begin, expr.end};
        time.value = resolution.value;
        time.day = resolution.day;
        time.weekday = expr.weekday;
        time.relative = resolution.relative;
        times.push_back(std::move(time));
    }
    return times;
}

std::vector<TimeExpression> find_times(std::string_view text, Span span, std::optional<CivilDate> dct) {
    return find_times(text, span, dct, NumericOrder::month_first);
}

DatedBy complete_with_weekday(const DocumentDateEvidence& evidence, CivilDate reference) {
    if (evidence.date.date) return evidence.date;
    if (!evidence.partial_month || !evidence.partial_day || evidence.body_weekdays.empty()) return {};
    const CivilDate now = today();
    if (reference > now) reference = now;
    // The year whose month-day falls on the lead's weekday nearest the
    // reference, up to a year after it: the corpus's newest story may itself
    // be the year-less one ("KYIV, Jan 26" beside stories ending in November
    // is next January's, not the last Sunday Jan 26 five years back).
    // Never past today. The weekday of a month-day repeats within 28 years.
    const CivilDate latest = std::min(add_days(reference, 365), now);
    const int lead_weekday = evidence.body_weekdays.front();
    std::optional<CivilDate> best;
    std::int64_t best_distance = 0;
    for (int year = reference.year + 1; year > reference.year - 28; --year) {
        const CivilDate candidate{year, *evidence.partial_month, *evidence.partial_day};
        if (!is_valid(candidate) || candidate > latest || weekday(candidate) != lead_weekday) continue;
        const std::int64_t distance = std::abs(days_from_civil(candidate) - days_from_civil(reference));
        if (!best || distance < best_distance) {  // years go down: a tie keeps the later year
            best = candidate;
            best_distance = distance;
        }
    }
    if (!best) return {};
    return {*best, DateSource::weekday};
}

}  // namespace factline
