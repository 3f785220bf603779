#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The scan step of the Bulkhead action (action.yml beside this file): turns
# the INPUT_* variables into a `bulkhead scan --format sarif` command line,
# runs it and records its exit code as the step output `exit-code`, with
# `sarif-file`. The step itself succeeds whenever a report was written:
# the upload runs first and the verdict step fails the job afterwards.
set -uo pipefail

bulkhead=${BULKHEAD:-bulkhead}
context=${INPUT_CONTEXT:-.}
sarif=${INPUT_SARIF_FILE:-bulkhead.sarif}

args=(scan --format sarif -o "$sarif")
if [ -n "${INPUT_FAIL_ON:-}" ]; then
	args+=(--fail-on "$INPUT_FAIL_ON")
fi
if [ -n "${INPUT_BASELINE:-}" ]; then
	args+=(--baseline "$INPUT_BASELINE")
fi
case "${INPUT_ONLY_SHIPPED:-false}" in
true) args+=(--only-shipped) ;;
false | "") ;;
*)
	echo "::error::only-shipped must be true or false, not '$INPUT_ONLY_SHIPPED'"
	exit 2
	;;
esac
args+=("$context")
# Extra options go after CONTEXT, so that `-- FILE...` works too. They are
# split on whitespace and never glob-expanded.
if [ -n "${INPUT_ARGS:-}" ]; then
	read -r -a extra <<<"$INPUT_ARGS"
	args+=("${extra[@]}")
fi

echo "$bulkhead ${args[*]}" >&2
# A report left by an earlier run must not pass for this one.
rm -f "$sarif"
"$bulkhead" "${args[@]}"
rc=$?
if [ ! -s "$sarif" ]; then
	echo "::error::bulkhead exited $rc and wrote no report to $sarif"
	exit 2
fi
{
	echo "exit-code=$rc"
	echo "sarif-file=$sarif"
} >>"$GITHUB_OUTPUT"
exit 0
