#!/usr/bin/env python3
"""Builds the Reuters-21578 benchmark inputs from the extracted tarball.

Reads DIR/manifest.tsv and DIR/articles/*.txt and writes, into DIR:
  articles/sources.toml  one [[source]] per file with published = date_iso's day
                         (so the one-file-per-article run gets the same reference
                         dates as the JSON Lines run)
  all.jsonl              one {"id","text","published"} record per article
  half.jsonl             the first half of those records (for the doubling run)
Standard library only; output is deterministic (manifest order).
"""
import csv
import json
import sys
from pathlib import Path


def main() -> int:
    root = Path(sys.argv[1])
    rows = []
    with open(root / "manifest.tsv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["file"]:
                rows.append(row)
    records = []
    for row in rows:
        text = (root / row["file"]).read_text(encoding="utf-8", errors="replace")
        published = row["date_iso"][:10]
        records.append({"id": Path(row["file"]).name, "text": text, "published": published})
    with open(root / "articles" / "sources.toml", "w", encoding="utf-8") as f:
        for r in records:
            f.write(f'[[source]]\npath = "{r["id"]}"\npublished = "{r["published"]}"\n\n')
    for name, part in (("all.jsonl", records), ("half.jsonl", records[: len(records) // 2])):
        with open(root / name, "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"reuters_prep: {len(records)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
