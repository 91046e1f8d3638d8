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
# Background sentences: at most one of the story's political context, the
# rest filler that carries numbers, places and names drawn per story, so that
# two different stories share few word 5-grams (as real ones do) while the
# syndicated copies of one story share nearly all of theirs. Without that
# variety every story was a near-copy of every other, and the whole corpus
# fell into one syndication cluster.
CONTEXT = [
    "The {ministry} Ministry said forces had regrouped on the far bank of the Dnipro river.",
    "Officials in {capital} dismissed the statement as propaganda, saying the referendums were staged.",
    "President {leader} said on {weekday} that talks were impossible while troops remained.",
    "Western governments condemned the move as illegal, and sanctions were widened in the autumn.",
    "Analysts said the announcement was aimed at a domestic audience ahead of the winter.",
    "No formal negotiations have been held between the two sides since the spring.",
]
FILLER = [
    "Power was restored to {n} homes in {town} after a {k}-hour outage, the regional utility said.",
    "{agency} said it had delivered {n} tonnes of {goods} to {town} over the past {k} days.",
    "Grain shipments through {port} reached {n} tonnes last month, port officials told {paper}.",
    "The central bank held its key rate at {k} percent, citing inflation of {k2} percent in {season}.",
    "The rail operator added {k} evening trains between {town} and {town2} for the {season} holidays.",
    "Temperatures around {town} fell to minus {k} degrees overnight, and {k2} heating points were opened.",
    "{donor} pledged {n} million euros for energy repairs at a donors' meeting in {summit}.",
    "Schools in {town} will keep {k} days of remote classes a week, the education office said.",
    "A prisoner exchange freed {k} people, the ombudsman's office said, the {ordinal} such swap this year.",
    "{k} cargo ships left {port} under the Black Sea corridor, a shipping monitor said.",
    "Mayor {mayor} asked residents of {town} to limit power use between {k} and {k2} o'clock.",
    "Fuel prices in {town} rose {k} percent in a week, traders told {paper}.",
    "Volunteers in {town} said {n} families had asked for {goods} since the {ordinal} blackout.",
    "A court in {summit} postponed its hearing on frozen assets by {k} weeks at the request of {donor}.",
    "The {ordinal} convoy of {k} trucks carrying {goods} reached {town} before dawn.",
    "Engineers at the {port} terminal said {k} of its {k2} cranes were working again.",
    "{paper} reported that {n} people had registered as displaced in {town} since the summer.",
    "Deminers cleared {n} hectares of farmland near {town}, the emergency service said.",
    "The hospital in {town} received {k} generators donated by {donor}, its director {mayor} said.",
    "Ticket sales for the {season} concert series in {town2} raised {n} hryvnias for {agency}.",
]
# Slot vocabularies of the background sentences (this project's own lists).
TOWNS = ["Poltava", "Sumy", "Chernihiv", "Vinnytsia", "Cherkasy", "Zhytomyr", "Uzhhorod", "Lutsk", "Rivne",
         "Ternopil", "Khmelnytskyi", "Ivano-Frankivsk", "Chernivtsi", "Kropyvnytskyi", "Kremenchuk", "Bila Tserkva",
         "Kamianske", "Brovary", "Irpin", "Fastiv", "Lubny", "Nizhyn", "Uman", "Konotop"]
PORTS = ["Odesa", "Chornomorsk", "Pivdennyi", "Izmail", "Reni"]
AGENCIES = ["The Red Cross", "The World Food Programme", "A church charity", "UNICEF", "A volunteer network",
            "The city council", "A farmers' union"]
GOODS = ["flour", "medicine", "blankets", "drinking water", "baby food", "building materials", "firewood"]
DONORS = ["Germany", "Japan", "Norway", "Canada", "the European Investment Bank", "Poland", "the Netherlands",
          "Sweden", "the World Bank"]
SUMMITS = ["Berlin", "Warsaw", "Geneva", "Vienna", "Oslo", "Lugano", "Paris", "Tallinn"]
PAPERS = ["the Daily Ledger", "the Evening Courier", "Policy Review", "local television", "a regional newspaper"]
MAYORS = ["Olena Hrytsenko", "Petro Bondar", "Iryna Kovalchuk", "Mykola Savchenko", "Oksana Lysenko",
          "Taras Melnyk", "Halyna Shevchuk", "Andriy Tkachenko"]
SEASONS = ["winter", "spring", "summer", "autumn"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
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
    for template in rng.sample(FILLER, rng.randint(3, 8)):
        towns = rng.sample(TOWNS, 2)
        sentence = template.format(
            ministry="{ministry}", capital="{capital}", leader="{leader}", weekday=WEEKDAYS[rng.randrange(7)],
            n=rng.randint(120, 98000), k=rng.randint(2, 40), k2=rng.randint(2, 40), town=towns[0], town2=towns[1],
            port=rng.choice(PORTS), agency=rng.choice(AGENCIES), goods=rng.choice(GOODS), donor=rng.choice(DONORS),
            summit=rng.choice(SUMMITS), paper=rng.choice(PAPERS), mayor=rng.choice(MAYORS),
            season=rng.choice(SEASONS), ordinal=rng.choice(ORDINALS))
        body.append(sentence[0].upper() + sentence[1:])
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
