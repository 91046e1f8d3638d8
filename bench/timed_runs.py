#!/usr/bin/env python3
"""Times the end-to-end runs of `make bench` and prints their table and ratios.

Usage: timed_runs.py SPEC_TSV [--rounds N]

SPEC_TSV has one run per line, tab-separated:
    key  label  bytes  articles  max_ok_exit  command…
(the command's words are the remaining fields). Every run is timed N times
(default 3, or FACTLINE_BENCH_ROUNDS), round-robin: round 1 runs each command
once, then round 2, and so on. On a shared machine whose speed drifts from
minute to minute, runs that are compared (1 thread and 2, half corpus and
full, factline and chrono-node) are then sampled in the same windows, and the
median of each drops one slow or fast outlier. Wall time is taken with a
monotonic clock around the child (GNU time's `%e` has 10 ms steps, 3 % of a
0.3 s run); CPU time and peak RSS are the child's own, from wait4().

Standard library only.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field


@dataclass
class Run:
    key: str
    label: str
    bytes: int
    articles: int
    max_ok_exit: int  # factline exits 1 when it has findings; 2 or more is an error
    command: list[str]
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peak_kb: int = 0

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def read_spec(path: str) -> list[Run]:
    runs = []
    with open(path, encoding="utf-8") as spec:
        for number, line in enumerate(spec, 1):
            if not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 6:
                sys.exit(f"timed_runs: {path}:{number}: expected key, label, bytes, articles, exit, command")
            key, label, nbytes, narticles, max_ok, *command = fields
            runs.append(Run(key, label, int(nbytes), int(narticles), int(max_ok), command))
    return runs


def time_once(run: Run, log_dir: str) -> None:
    with open(os.path.join(log_dir, "out.txt"), "wb") as out, open(os.path.join(log_dir, "err.txt"), "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(run.command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4(): Popen must not wait again
    if not 0 <= child.returncode <= run.max_ok_exit:
        with open(os.path.join(log_dir, "err.txt"), encoding="utf-8", errors="replace") as err:
            head = "".join(err.readlines()[:5])
        sys.exit(f"bench: '{run.label}' failed (exit {child.returncode}):\n{head}")
    run.walls.append(wall)
    run.cpus.append(usage.ru_utime + usage.ru_stime)
    run.peak_kb = max(run.peak_kb, usage.ru_maxrss)  # KB on Linux


def print_table(runs: list[Run]) -> None:
    print(f"{'run':<34} {'median (min-max)':>22} {'throughput':>12} {'articles':>12} {'peak RSS':>10}  {'cpu':>8}")
    for run in runs:
        wall = max(run.wall, 1e-3)
        spread = f"{run.wall:.3f} s ({min(run.walls):.2f}-{max(run.walls):.2f})"
        cpu = max(run.cpu, 1e-3)
        print(f"{run.label:<34} {spread:>22} {run.bytes / wall / 1e6:7.2f} MB/s {run.articles / wall:8.0f} art/s"
              f" {run.peak_kb / 1024:6.1f} MiB  {run.cpu:6.2f} s {run.bytes / cpu / 1e6:7.2f} MB/cpu-s")


def print_ratios(runs: dict[str, Run]) -> None:
    def ratio(label: str, slow: str, fast: str, measure: str) -> None:
        if slow in runs and fast in runs:
            a, b = getattr(runs[slow], measure), getattr(runs[fast], measure)
            print(f"{a / max(b, 1e-3):.2f}x  {label}")

    def doubling(label: str, big: str, small: str, measure: str) -> None:
        # Linear time is time proportional to bytes: the time ratio scaled to
        # an exact doubling of the bytes (the "half" corpus is cut by
        # articles, so it is not exactly half the text). 2.00 = linear.
        if big in runs and small in runs:
            b, s = runs[big], runs[small]
            raw = getattr(b, measure) / max(getattr(s, measure), 1e-3)
            scale = 2 * s.bytes / b.bytes
            print(f"{raw * scale:.2f}  {label} (2.00 = linear; time ratio {raw:.2f} for {b.bytes / s.bytes:.3f}x the bytes)")

    print()
    titles = {
        "wall": "ratios by wall-clock time, medians (other / factline; > 1 means factline is faster):",
        "cpu": "ratios by CPU time (user+sys; steadier on a shared, loaded machine):",
    }
    for measure, title in titles.items():
        print(title)
        if measure == "wall":  # threads save wall-clock time, not CPU time
            ratio("jsonl: 2 threads vs 1 thread", "j1", "j2", measure)
            ratio("files: 2 threads vs 1 thread", "f1", "f2", measure)
        doubling("Reuters full vs half corpus, per byte", "j2", "h2", measure)
        doubling("synthetic x2 vs x1, per byte", "s2", "s1", measure)
        ratio("factline jsonl -j2 vs wc -w", "wc", "j2", measure)
        ratio("factline jsonl -j2 vs chrono-node", "chrono", "j2", measure)
        ratio("factline files -j2 vs chrono-node", "chrono", "f2", measure)

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("FACTLINE_BENCH_ROUNDS", "3")))
    parser.add_argument("--log-dir", default=None, help="where each run's stdout and stderr go (default: the spec's folder)")
    args = parser.parse_args()
    if args.rounds < 1:
        sys.exit("timed_runs: --rounds must be at least 1")
    runs = read_spec(args.spec)
    log_dir = args.log_dir or os.path.dirname(os.path.abspath(args.spec))
    for _ in range(args.rounds):
        for run in runs:
            time_once(run, log_dir)
    print(f"{args.rounds} rounds, round-robin; times are medians")
    print_table(runs)
    print_ratios({run.key: run for run in runs})
    with open("/proc/loadavg", encoding="ascii") as load:
        print(f"load average: {' '.join(load.read().split()[:3])} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
