#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Scans a real build context with the bulkhead command and validates the
# report it writes: SARIF with validate_sarif.sh (schema + SARIF multitool
# with GitHub's ingestion rules), JSON against report.schema.json.
#
#   tests/cli/demo_check.sh sarif|json BULKHEAD CONTEXT OUTFILE
set -uo pipefail
format=$1 bulkhead=$2 context=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)

"$bulkhead" scan --format "$format" -o "$out" "$context"
rc=$?
# 1 means findings, which the demo has; anything else is a failure.
if [ "$rc" != 1 ]; then
	echo "demo_check: bulkhead exited $rc, expected 1 (findings)" >&2
	exit 1
fi
case "$format" in
sarif) exec "$here/validate_sarif.sh" "$out" ;;
json) exec python3 "$here/validate_json.py" "$out" ;;
*) echo "demo_check: unknown format $format" >&2; exit 2 ;;
esac
