#!/usr/bin/python3
"""Runs factline on a Dask cluster: `extract` per shard (map), `reduce` (reduce).

Usage: dask_run.py PATH... --out DIR [--factline BIN] [--shards N]
                   [--scheduler ADDRESS] [--workers N] [--format json]

Without --scheduler it starts a LocalCluster bound to 127.0.0.1 (worker
processes on this machine); with one it connects to that scheduler, and every
worker must see the same paths (a shared file system) and the factline binary.

Sharding: the input files (directories walked recursively, sorted, as factline
does; a `sources.toml` sidecar is metadata, not an article) are cut into N
contiguous shards of the sorted list. Each shard is laid out as a folder of
symbolic links with its own sources.toml (the entries for its files), so
metadata applies as in a single run, and evidence paths are mapped back to the
original ones. Limitation: near-duplicate clustering (syndicated copies, and
the dates propagated inside a cluster) happens inside `extract`, so copies of
one story must land in the same shard — keep them in adjacent (sorted) files or
use fewer shards; findings across shards are still found by `reduce`. Each
worker returns a shard folder (`extract --out`): assertions, document records
and per-document findings (a weekday that does not fit its date), so the
reduced output lists every document and finding a single `check` would.
JSON Lines inputs are sharded as whole files.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path


def list_inputs(paths):
    """(input argument, file, sidecar) for every article file, sorted per input."""
    out = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            sidecar = p / "sources.toml"
            files = sorted(f for f in p.rglob("*") if f.is_file() and f != sidecar)
            out += [(arg, f, sidecar if sidecar.is_file() else None) for f in files]
        else:
            out.append((arg, p, None))
    return out


def toml_string(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def write_sidecar(sidecar, shard_files, root, into):
    """The sidecar's [[source]] entries for the files of this shard."""
    with open(sidecar, "rb") as f:
        sources = tomllib.load(f).get("source", [])
    wanted = {str(p.relative_to(root)) for p in shard_files}
    lines = []
    for entry in sources:
        if str(Path(entry.get("path", ""))) not in wanted:
            continue
        lines.append("[[source]]")
        for key, value in entry.items():
            lines.append(f"{key} = {toml_string(str(value))}")
        lines.append("")
    (into / "sources.toml").write_text("\n".join(lines), encoding="utf-8")


def build_shard(index, items, work):
    """Lays out one shard; returns [(shard path, original argument)]."""
    by_arg = {}
    for arg, f, sidecar in items:
        by_arg.setdefault(arg, []).append((f, sidecar))
    mapping = []
    for k, (arg, entries) in enumerate(by_arg.items()):
        p = Path(arg)
        if not p.is_dir():
            mapping.append((str(p.resolve()), arg))
            continue
        into = Path(work) / f"shard-{index:04d}" / f"input-{k}"
        for f, _ in entries:
            link = into / f.relative_to(p)
            link.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(f.resolve(), link)
        sidecar = entries[0][1]
        if sidecar is not None:
            write_sidecar(sidecar, [f for f, _ in entries], p, into)
        mapping.append((str(into), arg))
    return mapping


SHARD_FILES = ("assertions.jsonl", "documents.jsonl", "document_findings.jsonl")


def original_path(doc, mapping):
    """The path the user gave for a file the shard folder links to."""
    for shard_path, arg in mapping:
        if doc == shard_path or doc.startswith(shard_path + "/"):
            return arg.rstrip("/") + doc[len(shard_path):]
    return doc


def map_back(record, mapping):
    """Evidence paths of one record (assertion, document or finding) as the user gave them."""
    if "doc" in record:
        record["doc"] = original_path(record["doc"], mapping)
    for side in record.get("sides", []):
        for evidence in side.get("evidence", []):
            evidence["doc"] = original_path(evidence.get("doc", ""), mapping)
    return record


def run_extract(factline, mapping, rules):
    """Map step on a worker: one shard folder (assertions, documents, per-document
    findings) as {file name: JSON Lines text}, evidence paths mapped back."""
    with tempfile.TemporaryDirectory(prefix="factline-shard-") as out:
        args = [factline, "extract", "--quiet", "--jobs", "1", "--out", out] + [m[0] for m in mapping]
        for r in rules:
            args += ["--rules", r]
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode >= 2:
            raise RuntimeError(f"factline extract failed ({done.returncode}): {done.stderr.strip()}")
        shard = {}
        for name in SHARD_FILES:
            lines = Path(out, name).read_text(encoding="utf-8").splitlines()
            records = [map_back(json.loads(line), mapping) for line in lines if line]
            shard[name] = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
        return shard


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--factline", default=shutil.which("factline") or "factline")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--scheduler", default="", help="address of a running Dask scheduler")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--format", default="json")
    parser.add_argument("--rules", action="append", default=[])
    args = parser.parse_args()

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask_run: python3-distributed is not installed (apt-get install python3-distributed)", file=sys.stderr)
        return 3

    items = list_inputs(args.paths)
    if not items:
        print("dask_run: no input files", file=sys.stderr)
        return 2
    shards = max(1, min(args.shards, len(items)))
    size = -(-len(items) // shards)
    factline = str(Path(args.factline).resolve()) if os.path.sep in args.factline else args.factline
    rules = [str(Path(r).resolve()) for r in args.rules]

    with tempfile.TemporaryDirectory(prefix="factline-dask-") as work:
        mappings = [build_shard(i, items[i * size:(i + 1) * size], work)
                    for i in range(shards) if items[i * size:(i + 1) * size]]
        if args.scheduler:
            client, cluster = Client(args.scheduler), None
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, host="127.0.0.1",
                                   dashboard_address=None, processes=True)
            client = Client(cluster)
        try:
            futures = [client.submit(run_extract, factline, m, rules, pure=False) for m in mappings]
            results = client.gather(futures)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        files = []
        for i, shard in enumerate(results):
            folder = Path(work) / f"extracted-{i:04d}"
            folder.mkdir()
            for name, text in shard.items():
                (folder / name).write_text(text, encoding="utf-8")
            files.append(str(folder))
        reduce_args = [factline, "reduce", *files, "--out", args.out, "--format", args.format, "--exit-zero", "--quiet"]
        for r in rules:
            reduce_args += ["--rules", r]
        done = subprocess.run(reduce_args)
        return done.returncode


if __name__ == "__main__":
    sys.exit(main())
