#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs each fuzzer (or the ones named) for SECONDS seconds, one after the
# other, in a scratch copy of its seed corpus so the committed corpus is
# never written to; crash reproducers land in the scratch directory.
#   tests/fuzz/run_long.sh [-b BUILDDIR] [-s SECONDS] [-w SCRATCH] [NAME...]
# Defaults: build-fuzz (configured by tests/setup.sh --fuzz), 60 s, a new
# temporary directory. Prints executions per fuzzer; exits non-zero if any
# fuzzer found something.
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
build=$src/../../build-fuzz
seconds=60
scratch=
while getopts b:s:w: opt; do
	case $opt in
	b) build=$(cd "$OPTARG" && pwd) ;;
	s) seconds=$OPTARG ;;
	w) scratch=$OPTARG ;;
	*) echo "usage: $0 [-b BUILDDIR] [-s SECONDS] [-w SCRATCH] [NAME...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ "$#" -eq 0 ]; then
	set -- $(cd "$src" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi
scratch=${scratch:-$(mktemp -d "${TMPDIR:-/tmp}/bh-fuzz-long.XXXXXX")}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
for name in "$@"; do
	exe=$build/tests/fuzz/fuzz_$name
	[ -x "$exe" ] || { echo "run_long: $exe not built (tests/setup.sh --fuzz)" >&2; exit 2; }
	work=$scratch/$name
	mkdir -p "$work/corpus" "$work/artifacts"
	cp -n "$src/corpus/$name/"* "$work/corpus/" 2>/dev/null || true
	echo "== fuzz_$name for ${seconds}s in $work" >&2
	if "$exe" -max_total_time="$seconds" -max_len=65536 -timeout=25 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" \
		>"$work/log" 2>&1; then
		status=ok
	else
		status=FAILED
		failed+=("$name")
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
	printf '%-10s %-7s %s executions\n' "$name" "$status" "${execs:-?}"
done
if [ "${#failed[@]}" -gt 0 ]; then
	echo "run_long: findings in: ${failed[*]} (logs and reproducers under $scratch)" >&2
	exit 1
fi
