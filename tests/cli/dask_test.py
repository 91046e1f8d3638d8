#!/usr/bin/python3
"""ctest dask.sample_findings (issues 5 and 7): scripts/dask_run.py (2
LocalCluster workers on 127.0.0.1) must give the same output as one process.
  - fixtures/sample/input in 3 shards: byte-identical findings.jsonl to
    `factline extract --out | factline reduce`, and byte-identical
    findings.jsonl and documents.jsonl to `factline check` (per-document
    date_mismatch findings included: shard folders carry them);
  - fixtures/split_syndication/input in 3 shards, one file each, so the two
    copies of one wire story land in different shards: byte-identical
    findings, documents and assertions to `check` (the sketch/cluster steps
    join the copies, and the dateless copy takes its cluster-mate's date).
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
sample = "fixtures/sample/input"
split = "fixtures/split_syndication/input"
failures = []
checks = 0


def run(args):
    done = subprocess.run(args, cwd=source, capture_output=True, text=True)
    # 0 or 1 only: a process killed by a signal (a sanitizer's abort) has a
    # negative returncode, which ">= 2" let pass.
    if done.returncode not in (0, 1):
        sys.exit(f"FAIL: {' '.join(map(str, args))} exited {done.returncode}: {done.stderr}")
    return done.stdout


def expect(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)


def dask_and_check(corpus, tmp):
    """Runs dask_run.py in 3 shards and `check` on `corpus`; returns the two output folders."""
    run([sys.executable, "scripts/dask_run.py", corpus, "--out", tmp / "dask", "--factline", factline,
         "--shards", "3", "--workers", "2"])
    run([factline, "check", corpus, "--out", tmp / "check", "--format", "json", "--exit-zero", "--quiet"])
    return tmp / "dask", tmp / "check"


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    (tmp / "sample").mkdir()
    dask_dir, check_dir = dask_and_check(sample, tmp / "sample")
    run([factline, "extract", sample, "--quiet", "--out", tmp / "one"])
    run([factline, "reduce", tmp / "one", "--out", tmp / "reduce", "--format", "json", "--exit-zero", "--quiet"])
    dask = (dask_dir / "findings.jsonl").read_text()
    expect(dask.strip(), "sample: the Dask run found nothing")
    expect(dask == (tmp / "reduce" / "findings.jsonl").read_text(),
           "sample: dask findings.jsonl differs from single-process extract | reduce")
    expect(dask == (check_dir / "findings.jsonl").read_text(), "sample: dask findings.jsonl differs from `check`")
    expect(any(json.loads(l)["kind"] == "date_mismatch" for l in dask.splitlines()),
           "sample: the weekday date_mismatch finding of fixture 08 is missing")
    expect((dask_dir / "documents.jsonl").read_text() == (check_dir / "documents.jsonl").read_text(),
           "sample: dask documents.jsonl differs from `check`")

    (tmp / "split").mkdir()
    dask_dir, check_dir = dask_and_check(split, tmp / "split")
    for name in ("findings.jsonl", "documents.jsonl", "assertions.jsonl"):
        expect((dask_dir / name).read_text() == (check_dir / name).read_text(),
               f"split_syndication: dask {name} differs from `check` (copies in different shards)")
    documents = [json.loads(l) for l in (dask_dir / "documents.jsonl").read_text().splitlines()]
    expect(len(documents) == 3 and documents[1]["published_source"] == "cluster"
           and documents[0]["cluster"] == documents[1]["cluster"],
           "split_syndication: the dateless copy is not dated by, or clustered with, the wire story")
    findings = [json.loads(l) for l in (dask_dir / "findings.jsonl").read_text().splitlines()]
    expect(any(f["kind"] == "cross_source" for f in findings), "split_syndication: the cross_source finding is missing")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
