#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end runs under Valgrind's Memcheck (uninitialised reads, invalid
# accesses: what the AddressSanitizer build does not see), each compared
# with the same run without it: `scan` of the bundled example context in
# JSON and SARIF, one job and two, the memory checkers' cases, `image`,
# `explain`. Any Memcheck error fails (tests/support/valgrind.supp lists
# the loader's own). The secret scanner's regexes run without PCRE2's JIT
# (BULKHEAD_NO_JIT): its whole-vector loads read past the end of a subject,
# inside the page, which Memcheck cannot tell from a bug.
#
#   tests/cli/valgrind_check.sh BULKHEAD SOURCE_ROOT
set -uo pipefail
BH=$1
SRC=$2
if ! command -v valgrind >/dev/null; then
	echo "valgrind_check: valgrind is missing: run tests/setup.sh (it installs it)" >&2
	exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0

# check NAME ARGS...: the command under Memcheck exits as it does without,
# prints the same, and Memcheck reports nothing.
check() {
	local name=$1; shift
	"$BH" "$@" >"$TMP/plain" 2>/dev/null
	local want=$?
	BULKHEAD_NO_JIT=1 valgrind -q --error-exitcode=99 --suppressions="$SRC/tests/support/valgrind.supp" \
		--log-file="$TMP/vg.log" "$BH" "$@" >"$TMP/under" 2>/dev/null
	local got=$?
	if [ "$got" = "$want" ] && cmp -s "$TMP/plain" "$TMP/under" && [ ! -s "$TMP/vg.log" ]; then
		passed=$((passed + 1)); echo "ok - $name"
	else
		failed=$((failed + 1)); echo "not ok - $name (exit $got, $want without valgrind)"
		sed 's/^/#   /' "$TMP/vg.log" | head -60
		diff "$TMP/plain" "$TMP/under" | head -10 | sed 's/^/#   /'
	fi
}

check "scan json, one job" scan --no-cache -j 1 --format json "$SRC/testdata/demo"
check "scan sarif, two jobs" scan --no-cache -j 2 --format sarif "$SRC/testdata/demo"
check "scan text, the memory checkers' cases" scan --no-cache "$SRC/testdata/mem"
check "image" image "$SRC/testdata/demo"
check "explain" explain c.format-string

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
