#!/usr/bin/python3
"""ctest dask.sample_findings (issue 7): scripts/dask_run.py on
fixtures/sample/input in 3 shards (2 LocalCluster workers on 127.0.0.1) must
give the same findings as one process:
  - byte-identical findings.jsonl to `factline extract | factline reduce`;
  - the same findings lines as `factline check`, except the per-document
    date_mismatch findings, which `check` computes from the text and the
    extract/reduce contract does not carry (a known gap, see README).
Exit 77 (skipped) when python3-distributed is missing.
Usage: dask_test.py FACTLINE_BINARY SOURCE_DIR
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import distributed  # noqa: F401
except ImportError:
    print("SKIP: python3-distributed is not installed (scripts/install-deps.sh installs it)")
    sys.exit(77)

factline, source = sys.argv[1], Path(sys.argv[2])
corpus = "fixtures/sample/input"


def run(args):
    done = subprocess.run(args, cwd=source, capture_output=True, text=True)
    if done.returncode >= 2:
        sys.exit(f"FAIL: {' '.join(map(str, args))} exited {done.returncode}: {done.stderr}")
    return done.stdout


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    run([sys.executable, "scripts/dask_run.py", corpus, "--out", tmp / "dask", "--factline", factline,
         "--shards", "3", "--workers", "2"])
    run([factline, "check", corpus, "--out", tmp / "check", "--format", "json", "--exit-zero", "--quiet"])
    (tmp / "one.jsonl").write_text(run([factline, "extract", corpus, "--quiet"]))
    run([factline, "reduce", tmp / "one.jsonl", "--out", tmp / "reduce", "--format", "json", "--exit-zero", "--quiet"])

    dask = (tmp / "dask" / "findings.jsonl").read_text()
    reduce = (tmp / "reduce" / "findings.jsonl").read_text()
    check = (tmp / "check" / "findings.jsonl").read_text()
    failures = []
    if not dask.strip():
        failures.append("the Dask run found nothing")
    if dask != reduce:
        failures.append("dask findings.jsonl differs from single-process extract | reduce")
    wanted = [l for l in check.splitlines() if json.loads(l)["kind"] != "date_mismatch"]
    if dask.splitlines() != wanted:
        failures.append("dask findings differ from `check` (date_mismatch aside)")
    for f in failures:
        print("FAIL:", f)
    print(f"{3 - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)
