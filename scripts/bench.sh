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
# text_bytes FILE.jsonl: the bytes of its records' article text (throughput
# is measured on text bytes, the same for the JSON Lines and the file forms).
text_bytes() {
  python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$1"
}
articles=$(grep -c '' "$data/all.jsonl")
half_articles=$(grep -c '' "$data/half.jsonl")
bytes=$(cat "$data"/articles/reut-*.txt | wc -c)
half_bytes=$(text_bytes "$data/half.jsonl")

out="$data/out"
spec="$data/runs.tsv"
: > "$spec"
# add KEY LABEL BYTES ARTICLES MAX_OK_EXIT CMD…: one run for bench/timed_runs.py.
add() { (IFS=$'\t'; echo "$*") >> "$spec"; }
# add_check KEY LABEL BYTES ARTICLES INPUT JOBS: `factline check` of INPUT
# (full pipeline, JSON output). It exits 1 when it has findings; 2 or more is an error.
add_check() {
  add "$1" "$2" "$3" "$4" 1 "$factline" check "$5" --format json --out "$out" --jobs "$6" --exit-zero --quiet
}
add_check j1 "factline jsonl --jobs 1" "$bytes" "$articles" "$data/all.jsonl" 1
add_check j2 "factline jsonl --jobs 2" "$bytes" "$articles" "$data/all.jsonl" 2
add_check f1 "factline files --jobs 1" "$bytes" "$articles" "$data/articles" 1
add_check f2 "factline files --jobs 2" "$bytes" "$articles" "$data/articles" 2
add_check h2 "factline half jsonl --jobs 2" "$half_bytes" "$half_articles" "$data/half.jsonl" 2
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

# (b) the synthetic on-topic corpus (bench/gen), FACTLINE_GEN_ARTICLES articles
# (default 20000), and twice as many: the on-topic corpus has a few busy
# (topic, subject) keys, where a quadratic consistency step would show.
gen_articles=${FACTLINE_GEN_ARTICLES:-20000}
# Named by the generator's hash: a changed generator never reuses an old corpus.
gen_version=$(sha1sum "$src/bench/gen/gen_corpus.py" | cut -c1-8)
# synthetic N: the path of the N-article corpus, generated if missing.
synthetic() {
  local path="$data/gen-$1-$gen_version.jsonl"
  [ -f "$path" ] || python3 "$src/bench/gen/gen_corpus.py" --articles "$1" --seed 7 --out "$path" >&2
  echo "$path"
}
gen=$(synthetic "$gen_articles")
gen2=$(synthetic $((gen_articles * 2)))
add_check s1 "factline synthetic --jobs 2" "$(text_bytes "$gen")" "$gen_articles" "$gen" 2
add_check s2 "factline synthetic x2 --jobs 2" "$(text_bytes "$gen2")" "$((gen_articles * 2))" "$gen2" 2

echo "corpus: Reuters-21578, $articles articles, $bytes bytes of text"
python3 "$src/bench/timed_runs.py" "$spec"
