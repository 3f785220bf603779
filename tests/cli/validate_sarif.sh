#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Validates a SARIF file in two steps, both with Microsoft's SARIF
# multitool pinned in tests/tools/package-lock.json:
#  1. against the SARIF 2.1.0 JSON schema the multitool ships, with
#     validate_json.py: the multitool itself silently skips a file that
#     does not deserialize (a bad enum value gives zero results, exit 0);
#  2. with the multitool's SARIF rules and its GitHub code scanning ("Gh")
#     rules. It exits 0 even when it finds errors, so its output log is
#     read instead of its exit code.
# Fails on any schema violation or error-level result; warnings and notes
# are printed.
#
#   tests/cli/validate_sarif.sh FILE.sarif
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 FILE.sarif" >&2
	exit 2
fi
input=$1
here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../tools/node_modules/@microsoft/sarif-multitool-linux"
multitool="$tools/Sarif.Multitool"

if [ ! -f "$multitool" ]; then
	echo "validate_sarif: $multitool missing: run 'npm ci --ignore-scripts' in tests/tools (tests/setup.sh does)" >&2
	exit 1
fi
# The package's postinstall script only does this chmod, and npm ci runs
# with --ignore-scripts, so the bit is set here instead.
if [ ! -x "$multitool" ]; then
	chmod u+x "$multitool"
fi

# The multitool is a self-contained .NET program: invariant globalization
# removes its need for libicu, and nothing is sent anywhere.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

python3 "$here/validate_json.py" "$input" "$tools/sarif-2.1.0.json"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Copied so that the multitool's log names a stable file and nothing is
# written next to the input.
cp "$input" "$work/input.sarif"
if ! "$multitool" validate --rule-kind "Gh;Sarif" -o "$work/validation.sarif" \
	"$work/input.sarif" >"$work/stdout" 2>&1; then
	echo "validate_sarif: the multitool itself failed:" >&2
	cat "$work/stdout" >&2
	exit 1
fi
if [ ! -s "$work/validation.sarif" ]; then
	echo "validate_sarif: the multitool wrote no log:" >&2
	cat "$work/stdout" >&2
	exit 1
fi

python3 - "$work/validation.sarif" "$input" <<'PY'
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
errors = 0
results = 0
for run in log.get("runs", []):
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    for res in run.get("results", []):
        rule = rules[res["ruleIndex"]] if "ruleIndex" in res else {}
        # SARIF's default level is "warning" when neither the result nor
        # the rule's default configuration gives one.
        level = res.get("level") or rule.get("defaultConfiguration", {}).get("level", "warning")
        msg = res.get("message", {})
        text = msg.get("text")
        if text is None:
            template = rule.get("messageStrings", {}).get(msg.get("id"), {}).get("text", msg.get("id", ""))
            text = template
            for i, arg in enumerate(msg.get("arguments", [])):
                text = text.replace("{%d}" % i, str(arg))
        print(f"{sys.argv[2]}: {level}: {res.get('ruleId')}: {text}")
        results += 1
        if level == "error":
            errors += 1
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
            lvl = n.get("level", "warning")
            print(f"{sys.argv[2]}: multitool {lvl}: {n.get('message', {}).get('text')}")
            if lvl == "error":
                errors += 1
        if inv.get("executionSuccessful") is False:
            print(f"{sys.argv[2]}: the multitool did not run successfully")
            errors += 1
print(f"validate_sarif: {results} result(s), {errors} error(s)")
sys.exit(1 if errors else 0)
PY
