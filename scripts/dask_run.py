#!/usr/bin/python3
"""Runs factline on a Dask cluster: sketch and extract per shard (map), cluster and reduce on the driver.

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
original ones at the end.

Three steps, so that the output equals one `check` however the corpus is cut:
  1. `factline sketch` per shard on the workers: per document, its text hash,
     what it says about its own date, and its body's shingles;
  2. `factline cluster` once on the driver over every shard's sketches: the
     syndication clusters and settled document dates of the whole corpus
     (copies of one story in different shards join one cluster, and an undated
     copy takes its cluster-mate's date); each shard gets its part of the map;
  3. `factline extract --clusters` per shard on the workers: a shard folder
     (assertions, document records, per-document findings such as a weekday
     that does not fit its date), then `factline reduce` on the driver.
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


def with_rules(args, rules):
    for r in rules:
        args += ["--rules", r]
    return args


def run_factline(args, step):
    done = subprocess.run(args, capture_output=True, text=True)
    # 0 and 1 (findings) are success; 2 and up are errors, and a negative code
    # is a signal (a killed worker process): a shard it did not finish.
    if done.returncode not in (0, 1):
        raise RuntimeError(f"factline {step} failed ({done.returncode}): {done.stderr.strip()}")
    return done


def run_sketch(factline, mapping, rules):
    """Step 1 on a worker: the shard's sketches.jsonl text. Paths stay the shard's
    own: the cluster map and extract see the same ones."""
    with tempfile.TemporaryDirectory(prefix="factline-sketch-") as out:
        args = [factline, "sketch", "--quiet", "--jobs", "1", "--out", out] + [m[0] for m in mapping]
        run_factline(with_rules(args, rules), "sketch")
        return Path(out, "sketches.jsonl").read_text(encoding="utf-8")


def cluster_maps(factline, sketches, work):
    """Step 2 on the driver: one cluster map over all shards' sketches, cut into
    each shard's lines (a shard needs only its own documents)."""
    files = []
    shard_of = {}
    for i, text in enumerate(sketches):
        path = Path(work) / f"sketches-{i:04d}.jsonl"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
        for line in text.splitlines():
            if line:
                shard_of[json.loads(line)["doc"]] = i
    clusters = Path(work) / "clusters.jsonl"
    run_factline([factline, "cluster", "--quiet", "--out", str(clusters), *files], "cluster")
    maps = [[] for _ in sketches]
    for line in clusters.read_text(encoding="utf-8").splitlines():
        if line:
            maps[shard_of[json.loads(line)["doc"]]].append(line + "\n")
    return ["".join(lines) for lines in maps]


def run_extract(factline, mapping, rules, cluster_map):
    """Step 3 on a worker: one shard folder (assertions, documents, per-document
    findings) as {file name: JSON Lines text}, evidence paths mapped back."""
    with tempfile.TemporaryDirectory(prefix="factline-shard-") as out:
        map_file = Path(out, "clusters.jsonl")
        map_file.write_text(cluster_map, encoding="utf-8")
        shard_dir = str(Path(out, "shard"))
        args = [factline, "extract", "--quiet", "--jobs", "1", "--clusters", str(map_file), "--out", shard_dir]
        run_factline(with_rules(args + [m[0] for m in mapping], rules), "extract")
        shard = {}
        for name in SHARD_FILES:
            lines = Path(shard_dir, name).read_text(encoding="utf-8").splitlines()
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
            # The workers' scratch space inside the run's folder: Dask's default
            # (TMPDIR/dask-worker-space) outlives the run.
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, host="127.0.0.1",
                                   dashboard_address=None, processes=True,
                                   local_directory=os.path.join(work, "dask"))
            client = Client(cluster)
        try:
            sketches = client.gather([client.submit(run_sketch, factline, m, rules, pure=False) for m in mappings])
            maps = cluster_maps(factline, sketches, work)
            results = client.gather([client.submit(run_extract, factline, m, rules, cluster_map, pure=False)
                                     for m, cluster_map in zip(mappings, maps)])
        except RuntimeError as error:
            print(f"dask_run: {error}", file=sys.stderr)
            return 2
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
