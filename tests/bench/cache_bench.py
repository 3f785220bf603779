#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The result cache against a cold scan, on the projects that
# tests/bench/engine_bench.sh --prepare-only prepared: for each, the median
# wall of R cold scans (--no-cache), of R warm rescans with nothing changed
# (after one scan fills a fresh cache), and of R rescans after one change,
# new each run: a line inserted in the middle of a unit, after a function
# (the functions below it move: what an edit makes, and what a pre-commit
# hook meets), in the largest unit and in the one of median size; a
# comment appended to the largest unit (no function's IR changes); a new
# text file (a commit of documentation). peers_bench.py prints the warm
# rescan and the largest unit's insertion beside the peers.
#
#   cache_bench.py [--bulkhead BIN] [--jobs N] [--runs R] [PROJECT...]
import argparse
import os
import re
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


def middle_of(text):
    """Where to insert a line in a C file so that the functions after it
    move and nothing breaks: after the `}` that closes a function nearest
    the middle (never inside a macro, a string or a comment)."""
    ends = [m.end() for m in re.finditer(rb"\n}\n", text)]
    if not ends:
        return len(text)
    return min(ends, key=lambda e: abs(e - len(text) // 2))


def edited(original, how, i):
    if how == "append":
        return original + b"\n/* bench edit %d */\n" % i
    # i + 1 lines: each run moves the functions below by another amount,
    # so that no run's IR is an earlier run's.
    at = middle_of(original)
    return original[:at] + b"/* bench edit %d */\n" % i * (i + 1) + original[at:]


def cached_rescans(bh, jobs, runs, excl, ctx, units, pick=max, how="insert"):
    """Median wall of a warm rescan, and of a rescan after one change, new
    each run: `how` is "insert" (a line in the middle of the unit `pick`
    chooses by size), "append" (a comment at its end) or "new-file" (a new
    text file at the context's root); and the file changed."""
    import peers_bench as pb  # (which imports this module)
    cache = tempfile.mkdtemp(prefix="bh-bench-cache-")
    env = {k: v for k, v in os.environ.items() if k != "BULKHEAD_NO_CACHE"}
    argv = [bh, "scan", "--jobs", str(jobs), "--cache-dir", cache, "--format", "json", "--fail-on", "never",
            "-o", os.devnull, *excl, ctx]
    pb.timed(argv, env=env)  # fills the cache
    warm = statistics.median(pb.timed(argv, env=env)[0] for _ in range(runs))
    target = (os.path.join(ctx, "BENCH-NOTES.txt") if how == "new-file"
              else pick((p for _, _, p in units), key=os.path.getsize))
    original = None if how == "new-file" else open(target, "rb").read()
    times = []
    try:
        for i in range(runs):
            with open(target, "wb") as f:
                f.write(b"bench note %d\n" % i if original is None else edited(original, how, i))
            times.append(pb.timed(argv, env=env)[0])
    finally:
        if original is None:
            os.unlink(target)
        else:
            with open(target, "wb") as f:
                f.write(original)
        shutil.rmtree(cache)
    return warm, statistics.median(times), os.path.relpath(target, ctx)


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
    print("project\tTUs\tcold (s)\twarm (s)\twarm/cold\tlargest unit, line inserted (s)\t/cold"
          "\tmedian unit, line inserted (s)\t/cold\tcomment appended (s)\t/cold\tnew text file (s)\t/cold")
    for project in a.projects:
        ctx = os.path.join(WORK, project)
        if not os.path.isfile(os.path.join(ctx, "compile_commands.json")):
            sys.exit("%s is not prepared: run tests/bench/engine_bench.sh --prepare-only first" % ctx)
        excl = excludes(project)
        units = pb.entries(ctx)
        cold = statistics.median(
            pb.timed([bh, "scan", "--jobs", str(a.jobs), "--no-cache", "--format", "json", "--fail-on", "never",
                      "-o", os.devnull, *excl, ctx])[0] for _ in range(a.runs))
        warm, big_t, big = cached_rescans(bh, a.jobs, a.runs, excl, ctx, units)
        _, mid_t, mid = cached_rescans(bh, a.jobs, a.runs, excl, ctx, units, pick=median_unit)
        _, app_t, _ = cached_rescans(bh, a.jobs, a.runs, excl, ctx, units, how="append")
        _, new_t, _ = cached_rescans(bh, a.jobs, a.runs, excl, ctx, units, how="new-file")
        print("%s\t%d\t%.2f\t%.3f\t%.1f%%\t%.2f (%s)\t%.0f%%\t%.2f (%s)\t%.0f%%\t%.2f\t%.0f%%\t%.2f\t%.0f%%"
              % (project, len(units), cold, warm, 100 * warm / cold, big_t, big, 100 * big_t / cold,
                 mid_t, mid, 100 * mid_t / cold, app_t, 100 * app_t / cold, new_t, 100 * new_t / cold),
              flush=True)

if __name__ == "__main__":
    main()
