#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Peak memory against project size: a prepared project (engine_bench.sh
# --prepare-only; default lua5.4) repeated 1, 2 and 4 times (--copies:
# other counts) under new directory names in one context, with one
# compilation database listing every copy's units, scanned with --jobs 1
# and --jobs 2. Prints peak RSS and CPU time per row: what grows with the
# number of units and what with the job count.
#
# usage: tests/bench/rss_scaling.sh [--bulkhead PATH] [--copies "1 2 4 8"] [PROJECT]
set -euo pipefail
# Every scan here is measured cold: the result cache would answer repeats.
export BULKHEAD_NO_CACHE=1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bh=$src/build/bulkhead
copies="1 2 4"
while [ $# -gt 1 ]; do
	case $1 in
	--bulkhead) bh=$2 ;;
	--copies) copies=$2 ;;
	*) break ;;
	esac
	shift 2
done
case $bh in /*) ;; *) bh=$PWD/$bh ;; esac
pkg=${1:-lua5.4}
work=$("$here/work_dir.sh")
"$here/engine_bench.sh" --prepare-only --work "$work" --bulkhead "$bh" "$pkg" | grep '^==' || true
scale=$work/rss-$pkg
for n in $copies; do
	ctx=$scale/x$n
	rm -rf "$ctx"
	mkdir -p "$ctx"
	for k in $(seq "$n"); do cp -a "$work/$pkg" "$ctx/copy$k"; done
	# One database: every copy's entries, their directories moved.
	python3 - "$ctx" "$n" <<'PY'
import json, os, sys
ctx, n = sys.argv[1], int(sys.argv[2])
out = []
for k in range(1, n + 1):
    d = os.path.join(ctx, "copy%d" % k)
    with open(os.path.join(d, "compile_commands.json")) as f:
        for e in json.load(f):
            e = dict(e)
            e["directory"] = d
            out.append(e)
    os.remove(os.path.join(d, "compile_commands.json"))
with open(os.path.join(ctx, "compile_commands.json"), "w") as f:
    json.dump(out, f)
print("%d units" % len(out))
PY
	excl=()
	while IFS= read -r e; do
		for k in $(seq "$n"); do excl+=(--exclude "copy$k/$e"); done
	done <"$work/$pkg.exclude"
	for j in 1 2; do
		/usr/bin/time -f "$pkg x$n --jobs $j: peak RSS %M KB, CPU %U+%S s, wall %e s" \
			"$bh" scan --jobs "$j" --format json --fail-on never -o /dev/null "${excl[@]}" "$ctx" 2>&1 \
			| grep '^'"$pkg"
	done
done
