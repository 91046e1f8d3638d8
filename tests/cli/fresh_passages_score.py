#!/usr/bin/python3
"""ctest quality.fresh_passages: runs factline on fixtures/fresh_passages/input (14 held-out-style passages
written, with their gold, before factline was first run on them) and scores the run with the shared
eval/score.py. Fails when the assertion F1 drops below FLOOR_F1 or the document dates below FLOOR_DOCDATE.

The floors are what the rules reached after the check (F1 0.947, document dates 13/14 = 0.929) minus a
margin of about two assertions (F1 0.90) and one document (0.85): a regression fails, a small change of
another stage does not. The first run, before any rule change, scored F1 0.407: see
fixtures/fresh_passages/README.md.

Exit 77 (skipped) when the shared eval/score.py or its gold format's Python (3.11, tomllib) is absent.
Usage: fresh_passages_score.py FACTLINE_BINARY SOURCE_DIR SHARED_DIR [SET FLOOR_F1 FLOOR_DOCDATE]
SET (default fresh_passages) names another such set under fixtures/, with its own floors
(quality.fresh_passages_2 scores fixtures/fresh_passages_2 this way).
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

FLOOR_F1 = 0.90
FLOOR_DOCDATE = 0.85

factline, source, shared = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
fixture = sys.argv[4] if len(sys.argv) > 4 else "fresh_passages"
if len(sys.argv) > 6:
    FLOOR_F1, FLOOR_DOCDATE = float(sys.argv[5]), float(sys.argv[6])
score = shared / "eval" / "score.py"
if not score.is_file():
    print(f"SKIP: {score} not found (the shared evaluation folder is not checked out here)")
    sys.exit(77)
if sys.version_info < (3, 11):
    print("SKIP: score.py needs Python 3.11 (tomllib)")
    sys.exit(77)

corpus = source / "fixtures" / fixture / "input"
gold = source / "fixtures" / fixture / "gold.toml"
with tempfile.TemporaryDirectory(prefix="factline-fresh-") as out:
    run = subprocess.run([factline, "check", str(corpus), "--out", out, "--format", "json", "--exit-zero",
                          "--quiet"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAIL: factline check exited {run.returncode}\n{run.stderr}")
        sys.exit(1)
    scored = subprocess.run([sys.executable, str(score), "--gold", str(gold), "--out", out, "--json"],
                            capture_output=True, text=True)
    if scored.returncode != 0:
        print(f"FAIL: score.py exited {scored.returncode}\n{scored.stderr}")
        sys.exit(1)
    figures = json.loads(scored.stdout)

print(f"{fixture}: " + " ".join(f"{k}={v}" for k, v in figures.items()))
failures = []
if figures["assert_f1"] < FLOOR_F1:
    failures.append(f"assertion F1 {figures['assert_f1']} < floor {FLOOR_F1}")
if figures["docdate_acc"] < FLOOR_DOCDATE:
    failures.append(f"document-date accuracy {figures['docdate_acc']} < floor {FLOOR_DOCDATE}")
for failure in failures:
    print("FAIL: " + failure)
sys.exit(1 if failures else 0)
