#!/usr/bin/env python3
"""Synthetic on-topic corpus generator for throughput runs (issue 7).

Writes N articles as JSON Lines ({"id","text","published","outlet"}) to stdout
or --out, deterministic for a given --seed (random.Random, no global state).
The templates are this project's own writing; they reproduce the phenomena of
the seed pages: wire datelines ("CITY, Mon D (Wire) –" and "CITY—"), photo
captions carrying other dates, reader comment sections and share widgets,
syndicated copies of a wire story with spelling variants, and a spokesman
whose stance on a region's status changes from one story to the next. Stories
differ as real ones do: they share their templated sentences (the stance, the
political context) but not their background facts, so only the copies of one
story are near-duplicates of each other.
Streams its output: memory stays flat for 1 M articles.
Usage: gen_corpus.py --articles 100000 [--seed 7] [--out corpus.jsonl]
"""
import argparse
import datetime
import json
import random
import sys

# Vocabulary of the generated stories: (canonical, spelling variants) pairs.
REGIONS = [("Kherson", ["Kherson"]), ("Zaporizhzhia", ["Zaporizhzhia", "Zaporozhye"]),
           ("Donetsk", ["Donetsk"]), ("Luhansk", ["Luhansk", "Lugansk"])]
LEADER = ["Zelenskyy", "Zelenskiy", "Zelensky"]
CAPITAL = ["Kyiv", "Kiev"]
MINISTRY = ["Defense", "Defence"]
CITIES = ["MOSCOW", "KYIV", "LONDON", "WASHINGTON", "BRUSSELS"]
OUTLETS = ["Wire Service", "Daily Ledger", "Evening Courier", "Metro Blog", "Policy Review"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

STANCE_PART = [
    "“{region} is a subject of the Russian Federation. Nothing has changed,” {spokesman} said.",
    "{spokesman} told reporters that {region} remains part of Russia and its status is settled.",
]
STANCE_OPEN = [
    "{spokesman} said the status of {region} could be discussed at future talks.",
    "Asked whether {region} would stay part of Russia, {spokesman} said the question remained open.",
]
# At most one sentence of the story's political context: text that stories
# share, like the boilerplate of real wire copy. The rest of a story is its
# own (prose below), so that two different stories share few word 5-grams
# while the syndicated copies of one story share nearly all of theirs.
# (Drawing every body from six fixed sentences made every story a near-copy
# of every other: the whole corpus fell into one syndication cluster.)
CONTEXT = [
    "The {ministry} Ministry said forces had regrouped on the far bank of the Dnipro river.",
    "Officials in {capital} dismissed the statement as propaganda, saying the referendums were staged.",
    "President {leader} said on {weekday} that talks were impossible while troops remained.",
    "Western governments condemned the move as illegal, and sanctions were widened in the autumn.",
    "Analysts said the announcement was aimed at a domestic audience ahead of the winter.",
    "No formal negotiations have been held between the two sides since the spring.",
]
# Background prose: each sentence is drawn part by part from these lists
# (this project's own), so that it is the story's own text, as most of a real
# article is: in Reuters-21578, 79 % of an article's word 5-grams occur in
# no other article.
TOWNS = ["Poltava", "Sumy", "Chernihiv", "Vinnytsia", "Cherkasy", "Zhytomyr", "Uzhhorod", "Lutsk", "Rivne",
         "Ternopil", "Khmelnytskyi", "Ivano-Frankivsk", "Chernivtsi", "Kropyvnytskyi", "Kremenchuk", "Bila Tserkva",
         "Kamianske", "Brovary", "Irpin", "Fastiv", "Lubny", "Nizhyn", "Uman", "Konotop"]
PROSE_SUBJECTS = ["local officials", "the regional governor", "rail workers", "a group of farmers", "energy engineers",
                  "the city council", "shop owners", "aid workers", "the school board", "bus drivers",
                  "night-shift nurses", "volunteer drivers", "the water utility", "a church choir", "market traders",
                  "the fire brigade", "university students", "pensioners", "a bakery cooperative", "road crews",
                  "the district hospital", "truck drivers", "the postal service", "a youth football club",
                  "librarians", "the tax office", "dock workers", "a theatre company", "beekeepers", "electricians"]
PROSE_VERBS = ["reported", "described", "counted", "repaired", "inspected", "delayed", "expanded", "funded",
               "questioned", "organised", "postponed", "welcomed", "cleaned", "rebuilt", "measured", "shared",
               "photographed", "painted", "insured", "replaced", "mapped", "restocked", "opened", "closed",
               "tested", "moved", "sold", "rented", "heated", "protected"]
PROSE_OBJECTS = ["the damaged substation", "a new water pipeline", "the evening bus routes", "winter fuel deliveries",
                 "the old grain silo", "a temporary bridge", "the central library", "two school gyms",
                 "the main market hall", "a field kitchen", "the hospital boilers", "the tram depot",
                 "a shelter for families", "the municipal archive", "the river embankment", "a blood donation point",
                 "the regional airport fence", "three bakeries", "the power lines", "a children's playground",
                 "the railway crossing", "the sports stadium roof", "a mobile clinic", "the bakery ovens",
                 "a warehouse of blankets", "the district heating plant", "the old cinema", "a pharmacy van",
                 "the ferry landing", "the village well"]
PROSE_PLACES = ["in", "near", "outside", "north of", "south of", "east of", "west of", "across"]
PROSE_TIMES = ["late on {weekday}", "early on {weekday}", "over the weekend", "before the holidays",
               "for the {k}th day in a row", "after the storm", "within {k} hours", "ahead of the frost",
               "during a {k}-hour blackout", "by the end of the month", "in the small hours", "at short notice"]
PROSE_EXTRAS = ["despite heavy rain", "with help from neighbours", "on a tight budget", "in a short statement",
                "with {n} hryvnias raised online", "using donated tools", "after {k} complaints",
                "to the relief of residents", "with a borrowed crane", "while sirens sounded twice",
                "for the first time since spring", "with {k} volunteers", "under police escort",
                "before the cameras arrived", "without waiting for the ministry"]


def prose_sentence(rng):
    """One background sentence of a story, its own text."""
    sentence = (f"{rng.choice(PROSE_SUBJECTS)} {rng.choice(PROSE_VERBS)} {rng.choice(PROSE_OBJECTS)} "
                f"{rng.choice(PROSE_PLACES)} {rng.choice(TOWNS)} {rng.choice(PROSE_TIMES)}, "
                f"{rng.choice(PROSE_EXTRAS)}.")
    sentence = sentence.format(weekday=WEEKDAYS[rng.randrange(7)], k=rng.randint(2, 40), n=rng.randint(120, 98000))
    return sentence[0].upper() + sentence[1:]


FIRST_NAMES = ["Olena", "Petro", "Iryna", "Mykola", "Oksana", "Taras", "Halyna", "Andriy", "Natalia", "Serhiy",
               "Yulia", "Bohdan", "Larysa", "Vasyl", "Kateryna", "Dmytro"]
LAST_NAMES = ["Hrytsenko", "Bondar", "Kovalchuk", "Savchenko", "Lysenko", "Melnyk", "Shevchuk", "Tkachenko",
              "Moroz", "Kravets", "Polishchuk", "Marchenko", "Rudenko", "Honchar", "Tymoshchuk", "Zinchenko"]
ROLES = ["a volunteer", "a nurse", "a shop owner", "a school director", "a farmer", "a railway engineer",
         "a district official", "a pastor", "a taxi driver", "a pharmacist"]
UNITS = ["trucks", "families", "generators", "pallets", "patients", "boxes", "visitors", "calls"]
# A local voice: every slot varies, so these sentences are each story's own.
LOCAL_VOICE = "“We counted {n} {unit} by {weekday},” said {first} {last}, {role} in {town}."
COMMENTS = ["Leave a Reply", "Comments", "Liked by 12 people", "Related Articles"]


def day_text(d):
    return f"{MONTHS[d.month - 1]} {d.day}"


def story(rng, published, spokesman_stance):
    """Title line and body paragraphs of one wire story (canonical spellings chosen later)."""
    region, _ = rng.choice(REGIONS)
    weekday = WEEKDAYS[published.weekday()]
    stance = STANCE_PART if spokesman_stance else STANCE_OPEN
    title = (f"Kremlin says {region} remains part of Russia" if spokesman_stance
             else f"Kremlin says status of {region} is open to talks")
    body = [f"The Kremlin said on {weekday} that the situation around {region} did not change its position."]
    body.append(rng.choice(stance).format(region=region, spokesman="Kremlin spokesman Dmitry Peskov"))
    for _ in range(rng.randint(3, 8)):
        body.append(prose_sentence(rng))
    for _ in range(rng.randint(1, 3)):
        body.insert(rng.randint(2, len(body)), LOCAL_VOICE.format(
            n=rng.randint(3, 9000), unit=rng.choice(UNITS), weekday=WEEKDAYS[rng.randrange(7)],
            first=rng.choice(FIRST_NAMES), last=rng.choice(LAST_NAMES), role=rng.choice(ROLES), town=rng.choice(TOWNS)))
    if rng.random() < 0.6:
        context = rng.choice(CONTEXT).format(ministry="{ministry}", capital="{capital}", leader="{leader}",
                                             weekday=WEEKDAYS[rng.randrange(7)])
        body.insert(rng.randint(2, len(body)), context)
    return title, body


def render(rng, title, body, published, outlet, wire):
    """One page of a story: dateline style, caption, widgets and comments by outlet."""
    ministry, capital, leader = rng.choice(MINISTRY), rng.choice(CAPITAL), rng.choice(LEADER)
    paragraphs = [p.replace("{ministry}", ministry).replace("{capital}", capital).replace("{leader}", leader)
                  for p in body]
    city = rng.choice(CITIES)
    if wire:
        paragraphs[0] = f"{city}, {day_text(published)} (Reuters) – {paragraphs[0]}"
    else:
        paragraphs[0] = f"{city}—{paragraphs[0]}"
    lines = [title if wire else title.title(), ""]
    if not wire:
        shot = published - datetime.timedelta(days=rng.randint(30, 400))
        lines += [f"Kremlin spokesman Dmitry Peskov speaks to journalists in Moscow on {day_text(shot)}, {shot.year}. "
                  "Photo via Reuters", "Share on Facebook   Share on Twitter   Email this article", ""]
    for p in paragraphs:
        lines += [p, ""]
    if not wire and rng.random() < 0.7:
        lines += [rng.choice(COMMENTS), ""]
        for _ in range(rng.randint(1, 4)):
            when = published + datetime.timedelta(days=rng.randint(0, 3))
            lines += [f"reader{rng.randrange(1000)} says: {day_text(when)}, {when.year} at 9:1{rng.randrange(10)} am",
                      "This changes nothing, the front line has not moved since last week.", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    start = datetime.date(2022, 9, 1)
    written = 0
    while written < args.articles:
        published = start + datetime.timedelta(days=rng.randrange(120))
        # The spokesman's stance drifts over time: mostly firm, sometimes open.
        title, body = story(rng, published, rng.random() < 0.8)
        copies = 1 + (rng.random() < 0.4) * rng.randint(1, 3)  # syndicated copies of one wire story
        for c in range(min(copies, args.articles - written)):
            outlet = OUTLETS[0] if c == 0 else rng.choice(OUTLETS[1:])
            text = render(rng, title, body, published, outlet, wire=(c == 0))
            record = {"id": f"gen-{written:07d}", "text": text, "published": published.isoformat(), "outlet": outlet}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
