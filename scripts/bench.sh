#!/usr/bin/env bash
# End-to-end throughput benchmark (`make bench`, issue 7).
# Usage: scripts/bench.sh BUILD_DIR
# Extracts Reuters-21578 into BUILD_DIR/bench-data, builds the one-file-per-article
# and JSON Lines forms, times `factline check` (full pipeline, --format json) with
# --jobs 1 and 2 on each, a half-corpus run (doubling check), `wc -w` and
# chrono-node on the same input, and prints MB/s, articles/s, peak RSS and ratios.
# bench/timed_runs.py times every run FACTLINE_BENCH_ROUNDS times (default 3),
# round-robin, and reports medians.
# Needs: tar with zstd, python3; node+npm for the chrono-node column.
set -euo pipefail

build=$(cd "${1:?usage: bench.sh BUILD_DIR}" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
factline="$build/factline"
corpus_tar="${FACTLINE_REUTERS:-$src/../shared/corpora/reuters21578/articles.tar.zst}"
[ -f "$corpus_tar" ] || corpus_tar=/work/shared/corpora/reuters21578/articles.tar.zst
data="$build/bench-data"
[ -x "$factline" ] || { echo "bench: $factline not built" >&2; exit 2; }
[ -f "$corpus_tar" ] || { echo "bench: $corpus_tar not found" >&2; exit 2; }

if [ ! -f "$data/all.jsonl" ]; then
  rm -rf "$data" && mkdir -p "$data"
  tar --zstd -xf "$corpus_tar" -C "$data"
  python3 "$src/bench/reuters_prep.py" "$data"
fi
articles=$(grep -c '' "$data/all.jsonl")
half_articles=$(grep -c '' "$data/half.jsonl")
# Throughput is measured on article text bytes (the same for both forms).
bytes=$(cat "$data"/articles/reut-*.txt | wc -c)
half_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$data/half.jsonl")

out="$data/out"
spec="$data/runs.tsv"
: > "$spec"
# add KEY LABEL BYTES ARTICLES MAX_OK_EXIT CMD…: one run for bench/timed_runs.py.
add() { (IFS=$'\t'; echo "$*") >> "$spec"; }
# factline exits 1 when it has findings; 2 or more is an error.
add j1 "factline jsonl --jobs 1" "$bytes" "$articles" 1 "$factline" check "$data/all.jsonl" --format json --out "$out" --jobs 1 --exit-zero --quiet
add j2 "factline jsonl --jobs 2" "$bytes" "$articles" 1 "$factline" check "$data/all.jsonl" --format json --out "$out" --jobs 2 --exit-zero --quiet
add f1 "factline files --jobs 1" "$bytes" "$articles" 1 "$factline" check "$data/articles" --format json --out "$out" --jobs 1 --exit-zero --quiet
add f2 "factline files --jobs 2" "$bytes" "$articles" 1 "$factline" check "$data/articles" --format json --out "$out" --jobs 2 --exit-zero --quiet
add h2 "factline half jsonl --jobs 2" "$half_bytes" "$half_articles" 1 "$factline" check "$data/half.jsonl" --format json --out "$out" --jobs 2 --exit-zero --quiet
add wc "wc -w (files)" "$bytes" "$articles" 0 sh -c "cat '$data'/articles/reut-*.txt | wc -w"

if command -v npm > /dev/null && command -v node > /dev/null; then
  if [ ! -d "$build/bench-node/node_modules/chrono-node" ]; then
    npm install --prefix "$build/bench-node" --no-audit --no-fund --silent chrono-node@2 > /dev/null 2>&1 \
      || echo "bench: npm install chrono-node failed; skipping that column" >&2
  fi
  if [ -d "$build/bench-node/node_modules/chrono-node" ]; then
    add chrono "chrono-node (jsonl)" "$bytes" "$articles" 0 node "$src/bench/chrono_dates.js" "$build/bench-node" "$data/all.jsonl"
  fi
fi

# (b) the synthetic on-topic corpus (bench/gen), FACTLINE_GEN_ARTICLES articles (default 20000).
gen_articles=${FACTLINE_GEN_ARTICLES:-20000}
# Named by the generator's hash: a changed generator never reuses an old corpus.
gen_version=$(sha1sum "$src/bench/gen/gen_corpus.py" | cut -c1-8)
gen="$data/gen-$gen_articles-$gen_version.jsonl"
[ -f "$gen" ] || python3 "$src/bench/gen/gen_corpus.py" --articles "$gen_articles" --seed 7 --out "$gen"
gen_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$gen")
add s1 "factline synthetic --jobs 2" "$gen_bytes" "$gen_articles" 1 "$factline" check "$gen" --format json --out "$out" --jobs 2 --exit-zero --quiet
# Twice the articles: the on-topic corpus has a few busy (topic, subject) keys,
# where a quadratic consistency step would show.
gen2="$data/gen-$((gen_articles * 2))-$gen_version.jsonl"
[ -f "$gen2" ] || python3 "$src/bench/gen/gen_corpus.py" --articles "$((gen_articles * 2))" --seed 7 --out "$gen2"
gen2_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$gen2")
add s2 "factline synthetic x2 --jobs 2" "$gen2_bytes" "$((gen_articles * 2))" 1 "$factline" check "$gen2" --format json --out "$out" --jobs 2 --exit-zero --quiet

echo "corpus: Reuters-21578, $articles articles, $bytes bytes of text"
python3 "$src/bench/timed_runs.py" "$spec"
