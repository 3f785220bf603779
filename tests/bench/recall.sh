#!/bin/sh
# SPDX-License-Identifier: MIT
# Recall benchmark over a labelled fixture tree: scans every fixture under
# ROOT/<rule>/<shape>-{bad,good}/ (testdata/taint for the taint rules,
# testdata/mem for the memory-state rules; a variant of a shape,
# fd-direct-bad, counts as its shape) with `bulkhead scan --format
# json` and compares the findings of the tree's rules with the
# `/* BH-EXPECT: c.rule-id[, c.rule-id...] */` markers in the fixtures'
# sources, by file, line and rule. The tree's rules are "c." followed by the
# name of each rule directory directly under ROOT (testdata/taint/tainted-index
# scores c.tainted-index). A finding on a marked line with a marked rule is a
# true positive, a marker no finding matches is a miss (false negative), any
# other finding of the tree's rules is a false alarm (false positive),
# wherever it is. A marker may also name another rule, which is then scored
# the same way in that fixture; findings of unnamed other rules are listed
# apart and not scored (the fixtures keep those rules quiet).
#
# usage: tests/bench/recall.sh [--check] [BULKHEAD [ROOT]]
#   BULKHEAD  the bulkhead binary (default: build/bulkhead)
#   ROOT      the fixture tree (default: testdata/taint; also testdata/mem);
#             every directory under it that holds .c files directly is one
#             build context
#   --check   exit 1 on any miss, false alarm or failed scan (for CI)
#
# It builds nothing. It prints one table per rule and one per flow shape
# (expected, true positives, misses, false alarms, recall), a rule x shape
# grid, then every miss and false alarm as root-relative file:line.
# BH_RECALL_JOBS sets how many scans run at once (default: nproc;
# BH_TAINT_JOBS, its former name, is still read).
set -eu
# Every scan here is measured cold: the result cache would answer repeats.
export BULKHEAD_NO_CACHE=1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)

check=0
for arg in "$@"; do
	shift
	case "$arg" in
	--check) check=1 ;;
	-h | --help)
		sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "recall: unknown option $arg (see --help)" >&2
		exit 2
		;;
	*) set -- "$@" "$arg" ;;
	esac
done
bh=${1:-$src/build/bulkhead}
root=${2:-$src/testdata/taint}
if [ ! -x "$bh" ]; then
	echo "recall: no executable bulkhead at $bh (build it first)" >&2
	exit 2
fi
if [ ! -d "$root" ]; then
	echo "recall: no fixture tree at $root" >&2
	exit 2
fi
jobs=${BH_RECALL_JOBS:-${BH_TAINT_JOBS:-$(nproc 2>/dev/null || echo 4)}}

exec python3 - "$bh" "$root" "$check" "$jobs" <<'PY'
import concurrent.futures
import json
import os
import re
import subprocess
import sys

bh, root, check, jobs = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])

# The tree's rules: "c." + each rule directory directly under root.
RULES = sorted("c." + d for d in os.listdir(root)
               if os.path.isdir(os.path.join(root, d)) and not d.startswith("."))
# The flow shapes in the order the tables show them; others follow.
SHAPES = ["direct", "local-copy", "const-if", "static-global", "struct-field",
          "helper-return", "callee-sink", "callee", "cross-file", "loop",
          "error-path", "func-ptr", "flag"]
MARKER = re.compile(r"BH-EXPECT:\s*([^*]*?)\s*\*/")
SOURCE_EXT = (".c", ".h")


def fixture_dirs():
    """Every directory under root that holds C sources directly, sorted."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        if any(f.endswith(".c") for f in filenames):
            out.append(dirpath)
    return sorted(out)


def shape_of(fixture):
    """('struct-field', 'bad') for .../struct-field-bad; a variant of a
    known shape counts as that shape: ('direct', 'bad') for
    .../fd-direct-bad (the shape with file descriptors)."""
    name = os.path.basename(fixture)
    for kind in ("bad", "good"):
        if name.endswith("-" + kind):
            shape = name[: -len(kind) - 1]
            variant, _, rest = shape.partition("-")
            if shape not in SHAPES and rest in SHAPES:
                shape = rest
            return shape, kind
    return name, "?"


def markers(fixture):
    """Set of (root-relative file, line, rule) the fixture's sources expect."""
    want = set()
    for dirpath, dirnames, filenames in os.walk(fixture):
        dirnames.sort()
        for f in sorted(filenames):
            if not f.endswith(SOURCE_EXT):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8", errors="replace") as fh:
                for lineno, line in enumerate(fh, 1):
                    for m in MARKER.finditer(line):
                        for rule in m.group(1).split(","):
                            rule = rule.strip()
                            if not rule:
                                continue
                            want.add((rel, lineno, rule))
    return want


def scan(fixture):
    """Run bulkhead on one fixture: (its findings as a set of (root-relative
    file, line, rule), problems)."""
    proc = subprocess.run([bh, "scan", "--format", "json", "-j", "1", fixture],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    problems = []
    # 0: clean, 1: findings; 2: usage error or incomplete results.
    if proc.returncode not in (0, 1):
        problems.append("exit status %d: %s" % (proc.returncode,
                        proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "no message"))
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        problems.append("no JSON report")
        return set(), problems
    got = set()
    for f in report.get("findings", []):
        if f.get("suppressed"):
            continue
        loc = f.get("location") or {}
        rel = os.path.relpath(os.path.join(fixture, loc.get("path") or "?"), root)
        got.add((rel, loc.get("line") or 0, f.get("rule", "?")))
    for d in report.get("diagnostics", []):
        if d.get("level") in ("warning", "error"):
            problems.append("%s: %s" % (d.get("code"), d.get("message")))
    return got, problems


def pct(num, den):
    return "%5.1f%%" % (100.0 * num / den) if den else "    -"


def table(title, keys, rows):
    width = max([len(title)] + [len(k) for k in keys] + [5])
    head = "%-*s  %8s  %4s  %4s  %4s  %6s" % (width, title, "expected", "tp", "fn", "fp", "recall")
    print(head)
    print("-" * len(head))
    tot = [0, 0, 0, 0]
    for k in keys:
        e, tp, fn, fp = rows.get(k, (0, 0, 0, 0))
        tot = [a + b for a, b in zip(tot, (e, tp, fn, fp))]
        print("%-*s  %8d  %4d  %4d  %4d  %6s" % (width, k, e, tp, fn, fp, pct(tp, e)))
    print("-" * len(head))
    print("%-*s  %8d  %4d  %4d  %4d  %6s" % (width, "total", tot[0], tot[1], tot[2], tot[3], pct(tot[1], tot[0])))
    print()


fixtures = fixture_dirs()
if not fixtures:
    print("recall: no fixtures under %s" % root, file=sys.stderr)
    sys.exit(2)

with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
    results = dict(zip(fixtures, pool.map(scan, fixtures)))

by_rule, by_shape, grid = {}, {}, {}
misses, alarms, others, failed = [], [], [], []
shapes, rule_dirs = [], []


def add(table_, key, e, tp, fn, fp):
    old = table_.get(key, (0, 0, 0, 0))
    table_[key] = tuple(a + b for a, b in zip(old, (e, tp, fn, fp)))


for fixture in fixtures:
    shape, kind = shape_of(fixture)
    if shape not in shapes:
        shapes.append(shape)
    rule_dir = os.path.relpath(os.path.dirname(fixture), root)
    if rule_dir not in rule_dirs:
        rule_dirs.append(rule_dir)
    want = markers(fixture)
    got, problems = results[fixture]
    # Scored: the tree's rules, and any other rule a marker names.
    scored = set(RULES) | set(w[2] for w in want)
    other = set(g for g in got if g[2] not in scored)
    got -= other
    rel_fixture = os.path.relpath(fixture, root)
    for p in problems:
        failed.append("%s: %s" % (rel_fixture, p))
    for key in sorted(other):
        others.append("%s:%d  %s" % key)
    tp = want & got
    fn = want - got
    fp = got - want
    for rule in sorted(scored):
        e = sum(1 for k in want if k[2] == rule)
        t = sum(1 for k in tp if k[2] == rule)
        n = sum(1 for k in fn if k[2] == rule)
        f = sum(1 for k in fp if k[2] == rule)
        if e or t or n or f:
            add(by_rule, rule, e, t, n, f)
            add(by_shape, shape, e, t, n, f)
    cell = grid.setdefault((rule_dir, shape), set())
    if fn:
        cell.add("miss")
    if fp:
        cell.add("FA")
    if problems:
        cell.add("ERR")
    misses += ["%s:%d  %s" % k for k in sorted(fn)]
    alarms += ["%s:%d  %s%s" % (k + (" (good variant)" if kind == "good" else "",))
               for k in sorted(fp)]

shapes.sort(key=lambda s: (SHAPES.index(s) if s in SHAPES else len(SHAPES), s))
print("bulkhead: %s" % bh)
print("fixtures: %d under %s\n" % (len(fixtures), root))
table("rule", [r for r in RULES if r in by_rule] + sorted(set(by_rule) - set(RULES)), by_rule)
table("shape", shapes, by_shape)

# Rule directory x shape: "ok", or what went wrong in its bad/good pair.
width = max(len(r) for r in rule_dirs + ["rule \\ shape"])
cols = [max(len(s), 7) for s in shapes]
print("%-*s  %s" % (width, "rule \\ shape", "  ".join("%-*s" % (w, s) for w, s in zip(cols, shapes))))
for r in rule_dirs:
    cells = []
    for w, s in zip(cols, shapes):
        c = grid.get((r, s))
        cells.append("%-*s" % (w, "." if c is None else ("+".join(sorted(c)) if c else "ok")))
    print("%-*s  %s" % (width, r, "  ".join(cells)))
print("(miss: a marked finding is missing; FA: false alarm; ERR: the scan failed; .: no fixture)\n")

print("misses (%d):" % len(misses))
for m in misses:
    print("  " + m)
print("\nfalse alarms (%d):" % len(alarms))
for a in alarms:
    print("  " + a)
if others:
    print("\nfindings of other rules, not scored (%d):" % len(others))
    for o in others:
        print("  " + o)
if failed:
    print("\nscan problems (%d):" % len(failed))
    for f in failed:
        print("  " + f)

if check and (misses or alarms or failed):
    sys.exit(1)
sys.exit(0)
PY
