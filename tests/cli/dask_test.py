#!/usr/bin/python3
"""ctest dask.sample_findings (issue 7): scripts/dask_run.py on
fixtures/sample/input in 3 shards (2 LocalCluster workers on 127.0.0.1) must
give the same output as one process:
  - byte-identical findings.jsonl to `factline extract --out | factline reduce`;
  - byte-identical findings.jsonl and documents.jsonl to `factline check`
    (per-document date_mismatch findings included: shard folders carry them).
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
    run([factline, "extract", corpus, "--quiet", "--out", tmp / "one"])
    run([factline, "reduce", tmp / "one", "--out", tmp / "reduce", "--format", "json", "--exit-zero", "--quiet"])

    dask = (tmp / "dask" / "findings.jsonl").read_text()
    reduce = (tmp / "reduce" / "findings.jsonl").read_text()
    check = (tmp / "check" / "findings.jsonl").read_text()
    failures = []
    if not dask.strip():
        failures.append("the Dask run found nothing")
    if dask != reduce:
        failures.append("dask findings.jsonl differs from single-process extract | reduce")
    if dask != check:
        failures.append("dask findings.jsonl differs from `check`")
    if not any(json.loads(l)["kind"] == "date_mismatch" for l in dask.splitlines()):
        failures.append("the weekday date_mismatch finding of fixture 08 is missing")
    if (tmp / "dask" / "documents.jsonl").read_text() != (tmp / "check" / "documents.jsonl").read_text():
        failures.append("dask documents.jsonl differs from `check`")
    for f in failures:
        print("FAIL:", f)
    print(f"{5 - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)
