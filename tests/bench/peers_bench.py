#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Measuring half of tests/bench/peers_bench.sh: on one prepared project
# (a copy with its compile_commands.json, tests/bench/engine_bench.sh
# --prepare-only), in turn and on the same translation units:
#   - the floor: clang-19 -fsyntax-only, one process per unit, N at a time;
#   - bulkhead scan --jobs N (median wall of R runs, peak RSS) and --jobs 1;
#   - clang-tidy-19 --checks='-*,clang-analyzer-*' (the Clang Static
#     Analyzer), one process per unit, N at a time;
#   - cppcheck --project=compile_commands.json -j N;
#   - bulkhead's result cache: a warm rescan with nothing changed (median of
#     R after one scan fills a fresh cache) and a rescan after one .c file
#     (the largest unit) changed, as a pre-commit hook meets it.
# Every other bulkhead run is --no-cache: cold.
# Prints one line per tool and the ratios; appends a row to RESULTS (TSV).
#
#   peers_bench.py PROJECT CTX EXCLUDES BULKHEAD JOBS RUNS RESULTS
import concurrent.futures as cf
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cache_bench import cached_rescans  # noqa: E402


def timed(argv, cwd=None, env=None):
    """Wall seconds and peak RSS (MB) of one process; its exit status."""
    t = time.monotonic()
    p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - t, ru.ru_maxrss / 1024.0, p.returncode


def entries(ctx):
    with open(os.path.join(ctx, "compile_commands.json")) as f:
        out = []
        for e in json.load(f):
            args = e.get("arguments") or shlex.split(e["command"])
            path = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
            out.append((e["directory"], args, path))
        return out


def compile_flags(args):
    """The entry's flags without the compiler, -c, -o X and the source."""
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a == "-o":
            skip = True
        elif a != "-c" and not a.endswith((".c", ".cc", ".cpp")):
            out.append(a)
    return out


def pool(jobs, commands):
    """Wall seconds to run `commands` (argv, cwd), `jobs` at a time; failures."""
    t = time.monotonic()
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        codes = list(ex.map(lambda c: subprocess.run(c[0], cwd=c[1], stdout=subprocess.DEVNULL,
                                                     stderr=subprocess.DEVNULL).returncode, commands))
    return time.monotonic() - t, sum(1 for c in codes if c != 0)


def main():
    project, ctx, excludes, bh, jobs, runs, results = sys.argv[1:8]
    jobs, runs = int(jobs), int(runs)
    with open(excludes) as f:
        excl = [a for e in f.read().split("\n") if e for a in ("--exclude", e)]
    units = entries(ctx)
    floor_cmds = [(["clang-19", "-fsyntax-only", *compile_flags(a), p], d) for d, a, p in units]
    floor = statistics.median(pool(jobs, floor_cmds)[0] for _ in range(runs))

    def scan(n):
        walls, rss = [], 0.0
        for _ in range(runs):
            wall, peak, rc = timed([bh, "scan", "--jobs", str(n), "--no-cache", "--format", "json",
                                    "--fail-on", "never", "-o", os.devnull, *excl, ctx])
            if rc not in (0, 1):
                raise SystemExit("bulkhead exited %d on %s" % (rc, project))
            walls.append(wall)
            rss = max(rss, peak)
        return statistics.median(walls), rss

    bh_n, rss_n = scan(jobs)
    bh_1, rss_1 = scan(1) if jobs > 1 else (bh_n, rss_n)
    tidy_cmds = [(["clang-tidy-19", "--quiet", "-p", ctx, "--checks=-*,clang-analyzer-*", p], d)
                 for d, _, p in units]
    tidy, tidy_failed = pool(jobs, tidy_cmds)
    cppcheck, _, _ = timed(["cppcheck", "--quiet", "-j", str(jobs),
                            "--project=" + os.path.join(ctx, "compile_commands.json")], cwd=ctx)

    warm, edited, edited_file = cached_rescans(bh, jobs, runs, excl, ctx, units)

    print("== %s: %d translation units, %d jobs, median of %d runs where said" % (project, len(units), jobs, runs))
    print("clang-19 -fsyntax-only (floor), %d at a time: %.2f s wall (median of %d)" % (jobs, floor, runs))
    print("bulkhead scan --jobs %d: %.2f s wall (median of %d), peak RSS %.0f MB; %.2fx the floor"
          % (jobs, bh_n, runs, rss_n, bh_n / floor))
    if jobs > 1:
        print("bulkhead scan --jobs 1: %.2f s wall, peak RSS %.0f MB; %d jobs are %.2fx faster"
              % (bh_1, rss_1, jobs, bh_1 / bh_n))
    print("clang-tidy-19 clang-analyzer-*, %d at a time: %.2f s wall (%d units exited non-zero); %.1fx bulkhead"
          % (jobs, tidy, tidy_failed, tidy / bh_n))
    print("cppcheck -j %d --project: %.2f s wall; %.1fx bulkhead" % (jobs, cppcheck, cppcheck / bh_n))
    print("bulkhead warm rescan, nothing changed: %.3f s wall (median of %d); %.1f%% of the cold scan"
          % (warm, runs, 100.0 * warm / bh_n))
    print("bulkhead rescan after one .c file changed (%s): %.2f s wall (median of %d); %.0f%% of the cold scan"
          % (edited_file, edited, runs, 100.0 * edited / bh_n))
    with open(results, "a") as f:
        f.write("\t".join([project, str(len(units)), "%.2f" % floor, "%.2f" % bh_n, "%.0f" % rss_n,
                           "%.2f" % bh_1, "%.2f" % tidy, "%.2f" % cppcheck, "%.3f" % warm,
                           "%.2f" % edited]) + "\n")


if __name__ == "__main__":
    main()
