#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs tests/support/report_sample to write the sample report in FORMAT,
# then checks the real output: SARIF with validate_sarif.sh (schema + SARIF
# multitool with GitHub rules), JSON with validate_json.py against
# report.schema.json, text against report_sample.expected.txt.
#
#   tests/cli/report_check.sh sarif|json|text REPORT_SAMPLE OUTFILE
set -euo pipefail

if [ $# -ne 3 ]; then
	echo "usage: $0 sarif|json|text REPORT_SAMPLE OUTFILE" >&2
	exit 2
fi
format=$1 sample=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)

case "$format" in
sarif)
	"$sample" sarif "$out" --times
	"$here/validate_sarif.sh" "$out"
	;;
json)
	"$sample" json "$out" --times
	python3 "$here/validate_json.py" "$out"
	"$sample" json "$out"
	python3 "$here/validate_json.py" "$out"
	;;
text)
	"$sample" text "$out"
	# The golden is the exact text format; review a change to it like code.
	diff -u "$here/report_sample.expected.txt" "$out"
	;;
*)
	echo "report_check: unknown format $format" >&2
	exit 2
	;;
esac
