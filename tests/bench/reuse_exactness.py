#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Whether reusing an earlier scan's analyses (include/bulkhead/reuse.h)
# changes any result, on the projects tests/bench/engine_bench.sh
# --prepare-only prepared: after one scan fills a fresh cache, K edits in
# turn to random units: a line inserted after a random function (the
# functions below it move) or inside one, a random function moved to the
# end of its file, the body of a random small void function emptied (its
# summary changes, so its callers must see it), or a random integer
# constant halved, doubled or incremented (array and allocation sizes,
# loop bounds, budgets: what the bounds checker proves with).
# After each, a scan with the cache and one without must write the same
# JSON report; prints the memory and bounds components replayed and
# analysed and both walls.
#
#   reuse_exactness.py [--bulkhead BIN] [--edits K] [--seed S] [PROJECT...]
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cache_bench import WORK, excludes  # noqa: E402


def run(argv, env):
    t = time.monotonic()
    p = subprocess.run(argv, capture_output=True, env=env)
    return time.monotonic() - t, p


def change_constant(rng, text):
    numbers = list(re.finditer(rb"(?<![\w.])([1-9][0-9]{0,3})(?![\w.])", text))
    if not numbers:
        return None
    m = rng.choice(numbers)
    old = int(m.group(1))
    new = rng.choice([v for v in (old // 2, old * 2, old + 1) if v not in (0, old)])
    line = text.count(b"\n", 0, m.start()) + 1
    return (text[:m.start()] + str(new).encode() + text[m.end():],
            "constant at line %d: %d -> %d" % (line, old, new))


def edit(rng, text):
    """A line inserted after a random function (the functions below it
    move) or inside one (the places below it in the function move), a
    random function moved to the end of its file, a random small
    function's body emptied (its summary changes: callers must see it),
    or a random integer constant changed."""
    ends = [m.end() for m in re.finditer(rb"\n}\n", text)]
    if not ends:
        return text + b"\n/* edit */\n", "appended"
    pick = rng.random()
    if pick < 1 / 4:
        changed = change_constant(rng, text)
        if changed:
            return changed
    if pick < 2 / 4:
        at = rng.choice(ends)
        return text[:at] + b"/* edit */\n" * rng.randint(1, 3) + text[at:], "line inserted"
    if pick < 3 / 4:
        inside = [m.end() for m in re.finditer(rb"\n[ \t]+[^\n]*;\n", text)]
        if inside:
            at = rng.choice(inside)
            line = text.count(b"\n", 0, at) + 1
            return text[:at] + b"\t/* edit */\n" + text[at:], "line inserted in a function at line %d" % line
    if pick < 7 / 8:
        bodies = [m for m in re.finditer(rb"\n\n((?:static )?[A-Za-z_][\w \*]*\n?[A-Za-z_]\w*\([^;{)]*\)\s*\{\n.*?\n\}\n)",
                                         text, re.S)]
        if bodies:
            m = rng.choice(bodies)
            name = re.search(rb"([A-Za-z_]\w*)\(", m.group(1)).group(1).decode()
            return (text[:m.start(1)] + text[m.end(1):] + b"\n" + m.group(1),
                    "function moved to the end: " + name)
    bodies = [m for m in re.finditer(rb"\n(void [A-Za-z_]\w*\([^;{)]*\))\n\{\n(.{1,400}?)\n\}\n", text, re.S)]
    if not bodies:
        at = rng.choice(ends)
        return text[:at] + b"/* edit */\n" + text[at:], "line inserted"
    m = rng.choice(bodies)
    return text[:m.start(2)] + b"\t/* emptied */" + text[m.end(2):], "void function emptied: " + m.group(1).decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bulkhead", default=os.path.join(HERE, "..", "..", "build", "bulkhead"))
    ap.add_argument("--edits", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("projects", nargs="*", default=["lua5.4", "redis", "memcached"])
    a = ap.parse_args()
    bh = os.path.abspath(a.bulkhead)
    rng = random.Random(a.seed)
    env = {k: v for k, v in os.environ.items() if k != "BULKHEAD_NO_CACHE"}
    env["BULKHEAD_TRACE"] = "1"
    failures = 0
    for project in a.projects:
        ctx = os.path.join(WORK, project)
        cache = tempfile.mkdtemp(prefix="bh-reuse-bench-")
        base = [bh, "scan", "--jobs", "2", "--format", "json", "--fail-on", "never", *excludes(project), ctx]
        run(base + ["--cache-dir", cache], env)
        import peers_bench as pb
        units = sorted(p for _, _, p in pb.entries(ctx) if os.path.getsize(p) > 2000)
        for i in range(a.edits):
            path = rng.choice(units)
            original = open(path, "rb").read()
            changed, what = edit(rng, original)
            try:
                open(path, "wb").write(changed)
                t_cached, p = run(base + ["--cache-dir", cache], env)
                t_cold, q = run(base + ["--no-cache"], env)
            finally:
                open(path, "wb").write(original)
            counts = []
            for analysis in ("memory", "initialisation", "calls", "bounds", "taint"):
                m = re.search(analysis.encode() + rb": (\d+) components replayed, (\d+) analysed", p.stderr)
                counts.append("%s replayed %s analysed %s" % (analysis, m.group(1).decode(), m.group(2).decode())
                              if m else "(no %s run)" % analysis)
            same = p.stdout == q.stdout
            failures += not same
            print("%s\t%s\t%s\t%s\tcached %.2f s\tcold %.2f s\t%s" % (
                project, os.path.relpath(path, ctx), what, "\t".join(counts),
                t_cached, t_cold, "same" if same else "DIFFERENT"), flush=True)
            # The cache now holds the edited state; the next scan of the
            # restored file is another edit.
        shutil.rmtree(cache)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
