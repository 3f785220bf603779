#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# clang-tidy, with the checks .clang-tidy names, over every translation
# unit of analyzer/ and rules/ in the build's compile_commands.json
# (third-party grammars under node_modules/ excluded). Any warning fails.
#
#   tests/cli/tidy_check.sh SOURCE_ROOT BUILD_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
build=$2
if ! command -v run-clang-tidy-19 >/dev/null; then
	echo "tidy_check: run-clang-tidy-19 is missing: run tests/setup.sh (it installs clang-tidy-19)" >&2
	exit 1
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
run-clang-tidy-19 -quiet -p "$build" -j 2 -config-file "$src/.clang-tidy" \
	"^(?!.*/node_modules/)$src/(analyzer|rules)/.*\\.c\$" >"$out" 2>&1 || status=$?
# The warnings, each with its file and line; then the count.
grep -E '(warning|error): ' "$out" | sort -u || true
checked=$(grep -c '^\[.*\] .*clang-tidy' "$out" || true)
warnings=$(grep -cE '(warning|error): ' "$out" || true)
echo "tidy_check: $checked translation units, $warnings warnings"
if [ "$status" != 0 ] || [ "$warnings" != 0 ]; then
	tail -20 "$out"
	exit 1
fi
