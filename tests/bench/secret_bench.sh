#!/bin/sh
# SPDX-License-Identifier: MIT
# Secret scanner benchmark: generates a corpus (default 200 MB) of
# source-like and config-like text with planted secrets and decoys, scans
# it with bulkhead (1 job and all cores), prints recall, false findings,
# throughput and peak memory, then runs ripgrep (PCRE2 engine) with the
# pack's regexes over the same corpus as the speed reference.
#
# usage: tests/bench/secret_bench.sh [BULKHEAD] [SIZE_MB]
# The corpus goes to $BH_BENCH_DIR (default /tmp/bh-secret-bench) and is
# reused when it exists; it must never be committed. BH_BENCH_NO_RG=1
# skips the (slow) ripgrep reference.
set -eu
# Every scan here is measured cold: the result cache would answer repeats.
export BULKHEAD_NO_CACHE=1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bh=${1:-$src/build/bulkhead}
size=${2:-200}
work=${BH_BENCH_DIR:-/tmp/bh-secret-bench}

if [ ! -f "$work/planted.tsv" ]; then
	python3 "$here/secret_corpus.py" "$work" "$size"
fi
mb=$(du -sm "$work/ctx" | cut -f1)
cores=$(nproc)

now() { date +%s.%N; }
rate() { python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); print('%.2f s, %.1f MB/s' % (t, float(sys.argv[3])/t))" "$@"; }
measure() {
	# Wall time and, with GNU time, CPU time (user + system) and peak
	# resident memory: CPU time gives MB/s per core even on a busy machine.
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %S %M' -o "$work/time" "$@"
		set -- $(cat "$work/time")
		python3 -c "import sys; c=float(sys.argv[1])+float(sys.argv[2]); print('cpu %.2f s (%.1f MB/s per core of CPU time), peak RSS %d MB' % (c, float(sys.argv[4])/c, int(sys.argv[3])//1024))" "$1" "$2" "$3" "$mb"
	else
		"$@"
	fi
}

echo "== corpus: $mb MB in $work/ctx, $(wc -l <"$work/planted.tsv") planted secrets"
for jobs in 1 "$cores"; do
	t0=$(now)
	cpu=$(measure "$bh" scan --format json --fail-on never -j "$jobs" -o "$work/report.json" "$work/ctx")
	t1=$(now)
	echo "bulkhead -j $jobs: wall $(rate "$t0" "$t1" "$mb"); $cpu"
done
python3 "$here/secret_eval.py" score "$work/report.json" "$work/planted.tsv"

if [ -n "${BH_BENCH_NO_RG:-}" ]; then
	echo "ripgrep reference skipped (BH_BENCH_NO_RG)"
elif command -v rg >/dev/null 2>&1; then
	# The pack's PCRE2 regexes exactly as bulkhead runs them, through
	# ripgrep's PCRE2 engine (-P). PCRE2 cannot compile all of them as one
	# alternation, so they go in chunks of 20, one pass per chunk; the
	# time is the sum. rg applies no keyword prefilter and no filtering.
	python3 "$here/secret_eval.py" patterns "$src/rules/secrets" "$work/patterns" 20
	for jobs in 1 "$cores"; do
		t0=$(now)
		: >"$work/rg.out"
		for chunk in "$work"/patterns.*.txt; do
			rg -P -j "$jobs" -c -f "$chunk" "$work/ctx" >>"$work/rg.out" || true
		done
		t1=$(now)
		echo "rg -P -j $jobs (same regexes, $(ls "$work"/patterns.*.txt | wc -l) passes): $(rate "$t0" "$t1" "$mb"), $(awk -F: '{s+=$NF} END {print s+0}' "$work/rg.out") matching lines"
	done
else
	echo "ripgrep not installed (apt-get install ripgrep): no speed reference"
fi
