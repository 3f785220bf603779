#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# End-to-end checks of `bulkhead merge`: a scan split in shards on one
# machine, its JSON reports joined, gives the single scan's report byte for
# byte.
#
# 1. testdata/demo in 3 shards (summaries of a whole scan, as the nightly
#    job of the README's recipe writes them): the merged JSON, SARIF and
#    text reports equal the whole scan's, and --fail-on decides the exit
#    code as scan's does.
# 2. Every multi-file taint and memory fixture in min(3, units) shards:
#    merged JSON == whole JSON, except the fixtures listed below, each of
#    which must still differ (so that a fix removes it from the list).
# 3. Bad input: a missing, corrupt, foreign (SARIF) report is an error
#    diagnostic and exit 2, and the other reports are still joined.
#
#   tests/cli/merge_check.py BULKHEAD SOURCE_ROOT
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from fixtures import c_files, multi_file_fixtures  # noqa: E402
from tap import check, finish  # noqa: E402

# What a shard cannot know yet (issue [H]): only the taint and memory
# analyses write summaries, so the bounds, initialisation and call checks
# do not see a callee in another shard; and two facts that are not
# function summaries do not travel (tests/cli/summaries_check.py).
SHARD_LIMITS = {
    "testdata/mem/buffer-over-read/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/buffer-overflow/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/buffer-under-read/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/buffer-underwrite/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/heap-buffer-overflow/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/integer-overflow/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/integer-truncation/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/integer-underflow/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/stack-buffer-overflow/cross-file-bad": "bounds: callee in another shard",
    "testdata/mem/toctou/cross-file-bad": "call checks: callee in another shard",
    "testdata/mem/unchecked-return/cross-file-bad": "call checks: callee in another shard",
    "testdata/mem/uninitialized-read/cross-file-bad": "initialisation: callee in another shard",
    "testdata/taint/command-injection/ops-param-good": "operations tables of other units",
    "testdata/taint/command-injection/extern-table-bad": "operations tables of other units",
    "testdata/taint/command-injection/global-fn-ptr-bad": "a global another unit initialises with a function",
    "testdata/taint/command-injection/two-programs-callback-bad": "a function another unit stores into a member",
    # The shard's call graph links `handler_init` to the only body it has,
    # the agent's, though the server's nearer one is in the summaries.
    "testdata/taint/command-injection/two-programs-callback-good": "a call linked to another program's body",
    "testdata/taint/command-injection/two-programs-global-good": "a global tainted in a summaries file is every program's",
    "testdata/taint/path-traversal/extern-const-if-good": "an extern constant of another unit",
}

def run(args):
    p = subprocess.run(args, capture_output=True)
    err = p.stderr.decode(errors="replace")
    if p.returncode >= 128 or "Sanitizer" in err or "runtime error" in err:
        raise SystemExit("crash: %s\n%s" % (" ".join(args), err))
    return p.returncode, p.stdout, err




def shard_reports(bh, ctx, tmp, n, extra=()):
    """Whole-scan summaries, then n shards' JSON reports; their paths."""
    sums = os.path.join(tmp, "summaries.json")
    run([bh, "scan", "-j", "1", "--fail-on", "never", "--write-summaries", sums, "-o", os.devnull, ctx])
    parts = []
    for k in range(1, n + 1):
        part = os.path.join(tmp, "shard%d.json" % k)
        rc, _, err = run([bh, "scan", "-j", "1", "--format", "json", "--fail-on", "never", "--shard",
                          "%d/%d" % (k, n), "--summaries", sums, "-o", part, *extra, ctx])
        if rc == 2:
            raise SystemExit("shard %d/%d of %s: exit 2\n%s" % (k, n, ctx, err))
        parts.append(part)
    return parts


def first_difference(a, b):
    al, bl = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
    for i, (x, y) in enumerate(zip(al, bl)):
        if x != y:
            return "line %d:\n  whole:  %s\n  merged: %s" % (i + 1, x, y)
    return "lengths %d and %d lines" % (len(al), len(bl))


def demo(bh, root, tmp):
    ctx = os.path.join(root, "testdata/demo")
    parts = shard_reports(bh, ctx, tmp, 3)
    for fmt in ("json", "sarif", "text"):
        color = ["--color", "never"] if fmt == "text" else []
        rc_w, whole, _ = run([bh, "scan", "-j", "1", "--format", fmt, *color, ctx])
        rc_m, merged, err = run([bh, "merge", "--format", fmt, *color, *parts])
        check(merged == whole, "demo, 3 shards: merged %s report == whole scan's" % fmt,
              first_difference(whole, merged) + "\n" + err)
        check(rc_w == rc_m == 1, "demo: merge exits 1 on findings as scan does (%d, %d)" % (rc_w, rc_m))
    rc, _, _ = run([bh, "merge", "--fail-on", "never", "-o", os.path.join(tmp, "m.txt"), *parts])
    check(rc == 0, "demo: --fail-on never exits 0", rc)
    rc, out, _ = run([bh, "merge", "--format", "json", "--sort", "exposure", *parts])
    levels = [f["image"]["exposure"] if f["image"] else 25 for f in json.loads(out)["findings"]]
    check(levels == sorted(levels, reverse=True), "demo: --sort exposure puts the most exposed first")
    merged = json.loads(run([bh, "merge", "--format", "json", *parts])[1])
    check(merged["summary"]["units_parsed"] == 5 and
          not any(d["code"] == "scan.shard" for d in merged["diagnostics"]),
          "demo: unit counts added up, the shards' notes dropped", merged["summary"])


def fixtures(bh, root, tmp):
    cases = multi_file_fixtures(root)
    check(len(cases) >= 60, "fixtures: at least 60 multi-file taint and memory fixtures", len(cases))
    for ctx in cases:
        name = os.path.relpath(ctx, root)
        parts = shard_reports(bh, ctx, tmp, min(3, len(c_files(ctx))))
        _, whole, _ = run([bh, "scan", "-j", "1", "--format", "json", "--fail-on", "never", ctx])
        _, merged, err = run([bh, "merge", "--format", "json", "--fail-on", "never", *parts])
        if name in SHARD_LIMITS:
            check(merged != whole, "%s: known difference (%s)" % (name, SHARD_LIMITS[name]),
                  "now equal: remove it from SHARD_LIMITS")
        else:
            check(merged == whole, "%s: merged == whole" % name, first_difference(whole, merged) + "\n" + err)


def bad_input(bh, root, tmp):
    ctx = os.path.join(root, "testdata/demo")
    parts = shard_reports(bh, ctx, tmp, 2)
    corrupt = os.path.join(tmp, "corrupt.json")
    with open(corrupt, "w") as f:
        f.write('{"version": "1.2.0", "tool": {"name": "bulkhead"}, "findings": [')
    sarif = os.path.join(tmp, "shard.sarif")
    run([bh, "scan", "--format", "sarif", "--fail-on", "never", "-o", sarif, ctx])
    odd = os.path.join(tmp, "odd.json")
    with open(parts[0]) as f:
        report = json.load(f)
    report["findings"][0]["rule"] = "c.no-such-rule"
    report["findings"][1]["location"] = 7
    report["findings"][2] = "not a finding"
    with open(odd, "w") as f:
        json.dump(report, f)
    for path, why in ((os.path.join(tmp, "missing.json"), "cannot read"), (corrupt, "invalid JSON"),
                      (sarif, "a SARIF file")):
        rc, out, err = run([bh, "merge", "--format", "json", "--fail-on", "never", path, *parts])
        try:
            merged = json.loads(out)
        except json.JSONDecodeError:
            merged = None
        bad = [d for d in (merged or {}).get("diagnostics", []) if d["code"] == "merge.bad-report"]
        check(rc == 2 and merged and len(merged["findings"]) > 0 and bad and why in bad[0]["message"],
              "bad input: %s report is an error diagnostic, the others joined" % why, "%d\n%s" % (rc, err))
    rc, out, err = run([bh, "merge", "--format", "json", "--fail-on", "never", odd])
    merged = json.loads(out) if rc != 2 else None
    skipped = [d for d in (merged or {}).get("diagnostics", []) if d["code"] == "merge.unknown-rule"]
    check(rc == 0 and len(skipped) == 2 and len(merged["findings"]) == len(report["findings"]) - 2,
          "bad input: an unknown rule and a non-object are left out with warnings, a bad location kept",
          "%d %s\n%s" % (rc, skipped, err))
    rc, _, err = run([bh, "merge"])
    check(rc == 2 and "no REPORT given" in err, "usage: no report is a usage error", err)


def main():
    bh, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        demo(bh, root, tmp)
        fixtures(bh, root, tmp)
        bad_input(bh, root, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
