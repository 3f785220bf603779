#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The result cache against a cold scan, on the projects that
# tests/bench/engine_bench.sh --prepare-only prepared: for each, the median
# wall of R cold scans (--no-cache), of R warm rescans with nothing changed
# (after one scan fills a fresh cache), and of R rescans after one unit
# changed (a comment line appended, new each run: what a pre-commit hook
# meets), the largest and the one of median size. peers_bench.py prints the same two rescans beside the peers.
#
#   cache_bench.py [--bulkhead BIN] [--jobs N] [--runs R] [PROJECT...]
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

WORK = subprocess.check_output([os.path.join(os.path.dirname(os.path.abspath(__file__)), "work_dir.sh")],
                               text=True).strip()


def excludes(project):
    with open(os.path.join(WORK, project + ".exclude")) as f:
        return [a for e in f.read().split("\n") if e for a in ("--exclude", e)]


def cached_rescans(bh, jobs, runs, excl, ctx, units, pick=max):
    """Median wall of a warm rescan, and of a rescan after one unit changed
    (a comment line appended, new each run): the largest one, or the one
    `pick` chooses by size; and that unit."""
    import peers_bench as pb  # (which imports this module)
    cache = tempfile.mkdtemp(prefix="bh-bench-cache-")
    env = {k: v for k, v in os.environ.items() if k != "BULKHEAD_NO_CACHE"}
    argv = [bh, "scan", "--jobs", str(jobs), "--cache-dir", cache, "--format", "json", "--fail-on", "never",
            "-o", os.devnull, *excl, ctx]
    pb.timed(argv, env=env)  # fills the cache
    warm = statistics.median(pb.timed(argv, env=env)[0] for _ in range(runs))
    largest = pick((p for _, _, p in units), key=os.path.getsize)
    with open(largest, "rb") as f:
        original = f.read()
    edits = []
    try:
        for i in range(runs):
            with open(largest, "wb") as f:
                f.write(original + b"\n/* bench edit %d */\n" % i)
            edits.append(pb.timed(argv, env=env)[0])
    finally:
        with open(largest, "wb") as f:
            f.write(original)
        shutil.rmtree(cache)
    return warm, statistics.median(edits), os.path.relpath(largest, ctx)


def median_unit(paths, key):
    """The unit of median size."""
    ordered = sorted(paths, key=key)
    return ordered[len(ordered) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bulkhead", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                      "build", "bulkhead"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("projects", nargs="*", default=["lua5.4", "redis", "memcached"])
    a = ap.parse_args()
    bh = os.path.abspath(a.bulkhead)
    import peers_bench as pb
    print("project\tTUs\tcold (s)\twarm (s)\twarm/cold\tlargest unit changed (s)\t/cold"
          "\tmedian unit changed (s)\t/cold")
    for project in a.projects:
        ctx = os.path.join(WORK, project)
        if not os.path.isfile(os.path.join(ctx, "compile_commands.json")):
            sys.exit("%s is not prepared: run tests/bench/engine_bench.sh --prepare-only first" % ctx)
        excl = excludes(project)
        units = pb.entries(ctx)
        cold = statistics.median(
            pb.timed([bh, "scan", "--jobs", str(a.jobs), "--no-cache", "--format", "json", "--fail-on", "never",
                      "-o", os.devnull, *excl, ctx])[0] for _ in range(a.runs))
        warm, edited, big = cached_rescans(bh, a.jobs, a.runs, excl, ctx, units)
        _, typical, mid = cached_rescans(bh, a.jobs, a.runs, excl, ctx, units, pick=median_unit)
        print("%s\t%d\t%.2f\t%.3f\t%.1f%%\t%.2f (%s)\t%.0f%%\t%.2f (%s)\t%.0f%%"
              % (project, len(units), cold, warm, 100 * warm / cold, edited, big, 100 * edited / cold,
                 typical, mid, 100 * typical / cold))


if __name__ == "__main__":
    main()
