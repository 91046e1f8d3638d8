#!/usr/bin/env bash
# End-to-end throughput benchmark (`make bench`, issue 7).
# Usage: scripts/bench.sh BUILD_DIR
# Extracts Reuters-21578 into BUILD_DIR/bench-data, builds the one-file-per-article
# and JSON Lines forms, times `factline check` (full pipeline, --format json) with
# --jobs 1 and 2 on each, a half-corpus run (doubling check), `wc -w` and
# chrono-node on the same input, and prints MB/s, articles/s, peak RSS and ratios.
# Needs: tar with zstd, python3, /usr/bin/time; node+npm for the chrono-node column.
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

# run LABEL BYTES ARTICLES CMD… : prints one row, sets $last_seconds.
run() {
  local label=$1 nbytes=$2 narticles=$3; shift 3
  local log="$data/time.log"
  local rc=0
  /usr/bin/time -f '%e %M %U %S' -o "$log" "$@" > "$data/out.txt" 2> "$data/err.txt" || rc=$?
  # factline exits 1 when it has findings; 2 or more is an error.
  if [ "$rc" -ge 2 ]; then echo "bench: '$label' failed ($rc):" >&2; head -5 "$data/err.txt" >&2; exit 1; fi
  read -r last_seconds rss_kb user_s sys_s < <(tail -1 "$log")
  last_cpu=$(python3 -c 'import sys; print(float(sys.argv[1]) + float(sys.argv[2]))' "$user_s" "$sys_s")
  python3 - "$label" "$nbytes" "$narticles" "$last_seconds" "$rss_kb" "$user_s" "$sys_s" <<'PY'
import sys
label, b, n, s, rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
cpu = float(sys.argv[6]) + float(sys.argv[7])
s = max(s, 0.01)
print(f"{label:<34} {s:8.2f} s {b/s/1e6:8.2f} MB/s {n/s:10.0f} art/s {rss/1024:8.1f} MiB  cpu {cpu:7.2f} s {b/max(cpu,0.01)/1e6:7.2f} MB/cpu-s")
PY
}
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[2])/max(float(sys.argv[3]),0.01):.2f}x  {sys.argv[1]}")' "$@"; }

out="$data/out"
echo "corpus: Reuters-21578, $articles articles, $bytes bytes of text"
printf '%-34s %10s %13s %15s %12s\n' run time throughput articles "peak RSS"
run "factline jsonl --jobs 1" "$bytes" "$articles" "$factline" check "$data/all.jsonl" --format json --out "$out" --jobs 1 --exit-zero --quiet
j1=$last_seconds; j1c=$last_cpu
run "factline jsonl --jobs 2" "$bytes" "$articles" "$factline" check "$data/all.jsonl" --format json --out "$out" --jobs 2 --exit-zero --quiet
j2=$last_seconds; j2c=$last_cpu
run "factline files --jobs 1" "$bytes" "$articles" "$factline" check "$data/articles" --format json --out "$out" --jobs 1 --exit-zero --quiet
f1=$last_seconds
run "factline files --jobs 2" "$bytes" "$articles" "$factline" check "$data/articles" --format json --out "$out" --jobs 2 --exit-zero --quiet
f2=$last_seconds; f2c=$last_cpu
run "factline half jsonl --jobs 2" "$half_bytes" "$half_articles" "$factline" check "$data/half.jsonl" --format json --out "$out" --jobs 2 --exit-zero --quiet
h2=$last_seconds; h2c=$last_cpu
run "wc -w (files)" "$bytes" "$articles" sh -c "cat '$data'/articles/reut-*.txt | wc -w"
wc_s=$last_seconds; wc_c=$last_cpu

chrono_s=""
if command -v npm > /dev/null && command -v node > /dev/null; then
  if [ ! -d "$build/bench-node/node_modules/chrono-node" ]; then
    npm install --prefix "$build/bench-node" --no-audit --no-fund --silent chrono-node@2 > /dev/null 2>&1 \
      || echo "bench: npm install chrono-node failed; skipping that column" >&2
  fi
  if [ -d "$build/bench-node/node_modules/chrono-node" ]; then
    run "chrono-node (jsonl)" "$bytes" "$articles" node "$src/bench/chrono_dates.js" "$build/bench-node" "$data/all.jsonl"
    chrono_s=$last_seconds; chrono_c=$last_cpu
  fi
fi

# (b) the synthetic on-topic corpus (bench/gen), FACTLINE_GEN_ARTICLES articles (default 20000).
gen_articles=${FACTLINE_GEN_ARTICLES:-20000}
# Named by the generator's hash: a changed generator never reuses an old corpus.
gen_version=$(sha1sum "$src/bench/gen/gen_corpus.py" | cut -c1-8)
gen="$data/gen-$gen_articles-$gen_version.jsonl"
[ -f "$gen" ] || python3 "$src/bench/gen/gen_corpus.py" --articles "$gen_articles" --seed 7 --out "$gen"
gen_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$gen")
run "factline synthetic --jobs 2" "$gen_bytes" "$gen_articles" "$factline" check "$gen" --format json --out "$out" --jobs 2 --exit-zero --quiet
s1=$last_seconds; s1c=$last_cpu
# Twice the articles: the on-topic corpus has a few busy (topic, subject) keys,
# where a quadratic consistency step would show.
gen2="$data/gen-$((gen_articles * 2))-$gen_version.jsonl"
[ -f "$gen2" ] || python3 "$src/bench/gen/gen_corpus.py" --articles "$((gen_articles * 2))" --seed 7 --out "$gen2"
gen2_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$gen2")
run "factline synthetic x2 --jobs 2" "$gen2_bytes" "$((gen_articles * 2))" "$factline" check "$gen2" --format json --out "$out" --jobs 2 --exit-zero --quiet
s2=$last_seconds; s2c=$last_cpu

echo
echo "ratios by wall-clock time (other / factline; > 1 means factline is faster):"
ratio "jsonl: 2 threads vs 1 thread" "$j1" "$j2"
ratio "files: 2 threads vs 1 thread" "$f1" "$f2"
ratio "full vs half corpus time (2.00 = linear)" "$j2" "$h2" | sed 's/x / /'
ratio "synthetic x2 vs x1 time (2.00 = linear)" "$s2" "$s1" | sed 's/x / /'
ratio "factline jsonl -j2 vs wc -w" "$wc_s" "$j2"
[ -n "$chrono_s" ] && ratio "factline jsonl -j2 vs chrono-node" "$chrono_s" "$j2"
[ -n "$chrono_s" ] && ratio "factline files -j2 vs chrono-node" "$chrono_s" "$f2"
echo "ratios by CPU time (user+sys; meaningful on a shared, loaded machine):"
ratio "full vs half corpus CPU (2.00 = linear)" "$j2c" "$h2c" | sed 's/x / /'
ratio "synthetic x2 vs x1 CPU (2.00 = linear)" "$s2c" "$s1c" | sed 's/x / /'
ratio "factline jsonl vs wc -w" "$wc_c" "$j2c"
[ -n "$chrono_s" ] && ratio "factline jsonl vs chrono-node" "$chrono_c" "$j2c"
[ -n "$chrono_s" ] && ratio "factline files vs chrono-node" "$chrono_c" "$f2c"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
true
