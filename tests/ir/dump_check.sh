#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `bulkhead dump ir|cfg` from the command line: every tests/ir/<case>.c
# dumps exactly its <case>.expected (the same goldens ir_test diffs
# in-process), the cfg dump in text and dot, and usage errors.
# usage: dump_check.sh BULKHEAD SOURCE_ROOT
set -u
bh=$1
dir=$(cd "$2/tests/ir" && pwd -P)
fail=0
for c in "$dir"/*.c; do
	exp=${c%.c}.expected
	# assert() puts the absolute path of the file in the IR: strip it.
	if ! "$bh" dump ir -C "$dir" "$c" | sed "s|$dir/||g" | diff -u "$exp" - >/dev/null; then
		echo "FAIL: dump ir $(basename "$c") differs from $(basename "$exp")"
		"$bh" dump ir -C "$dir" "$c" | sed "s|$dir/||g" | diff -u "$exp" - | head -20
		fail=1
	fi
done
out=$("$bh" dump cfg -C "$dir" "$dir/goto.c") || { echo "FAIL: dump cfg exit $?"; fail=1; }
grep -q '^  bb1 -> bb2 bb3  ; label again$' <<<"$out" || { echo "FAIL: cfg text"; fail=1; }
out=$("$bh" dump cfg --format dot -C "$dir" "$dir/goto.c") || { echo "FAIL: dump cfg dot exit $?"; fail=1; }
grep -q '^digraph "backward" {$' <<<"$out" || { echo "FAIL: cfg dot"; fail=1; }
"$bh" dump --help | grep -q '^usage: bulkhead dump' || { echo "FAIL: --help"; fail=1; }
"$bh" dump ir >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: no file should exit 2"; fail=1; }
"$bh" dump tokens x.c >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: unknown stage should exit 2"; fail=1; }
"$bh" dump ir --format dot "$dir/goto.c" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: dot is for cfg only"; fail=1; }
err=$("$bh" dump ir "$dir/no-such-file.c" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q 'dump.not-found' <<<"$err" || { echo "FAIL: missing file: rc=$rc $err"; fail=1; }
exit $fail
