#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bulkhead scans its own tree with the checked-in .bulkhead.json (which
# leaves out the deliberately vulnerable fixtures, the fuzzers' hostile
# seeds and the secret rule packs' examples) and the compile flags of this
# build. Every finding must be suppressed inline with a reason or recorded
# in .bulkhead-baseline.json, and every baseline entry must still be found
# and say why it is accepted ("reason"): a new finding fails, so does one
# that went away without the baseline shrinking, and so does an entry
# nobody explained (README "Development" says how to rewrite it).
# One scan: its JSON report says which findings the baseline matched.
#   tests/cli/self_scan.sh BULKHEAD SOURCE_ROOT BUILD_ROOT
set -euo pipefail
bh=$1 src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
"$bh" scan --no-cache --quiet --compile-commands "$build/compile_commands.json" \
	--baseline "$src/.bulkhead-baseline.json" --fail-on note --format json -o "$tmp/report.json" \
	"$src" || status=$?
python3 - "$src/.bulkhead-baseline.json" "$tmp/report.json" "$status" <<'PY'
import json
import sys

kept = json.load(open(sys.argv[1]))["findings"]
report = json.load(open(sys.argv[2]))
status = int(sys.argv[3])
failed = False
for d in report["diagnostics"]:
    if d["level"] == "error":
        where = (d.get("location") or {}).get("path") or "-"
        print("self-scan: %s: %s [%s]" % (where, d["message"], d["code"]), file=sys.stderr)
        failed = True
new = [f for f in report["findings"] if not f.get("suppressed")]
for f in new:
    loc = f["location"]
    print("self-scan: not in the baseline: %s:%s:%s: %s [%s]"
          % (loc["path"], loc["line"], loc["col"], f["message"], f["rule"]), file=sys.stderr)
matched = {f["fingerprint"] for f in report["findings"]
           if (f.get("suppressed") or {}).get("kind") == "baseline"}
stale = [f for f in kept if f["fingerprint"] not in matched]
for f in stale:
    print("self-scan: no longer found: %s %s: %s" % (f["rule"], f["path"], f["message"]), file=sys.stderr)
if stale:
    print("self-scan: %d baseline entries are gone; rewrite the baseline (README)" % len(stale),
          file=sys.stderr)
unexplained = [f for f in kept if not (f.get("reason") or "").strip()]
for f in unexplained:
    print("self-scan: no reason given: %s %s: %s" % (f["rule"], f["path"], f["message"]), file=sys.stderr)
# The report carries each entry's reason as its suppression's.
unreported = [f for f in report["findings"]
              if (f.get("suppressed") or {}).get("kind") == "baseline"
              and not (f["suppressed"].get("reason") or "").strip()]
for f in unreported:
    print("self-scan: baselined without its reason in the report: %s" % f["fingerprint"], file=sys.stderr)
if failed or new or stale or unexplained or unreported or status != 0:
    print("self-scan: exit status %d" % status, file=sys.stderr)
    sys.exit(1)
print("self-scan: no finding outside the %d baseline entries; none of them is gone, each says why"
      % len(kept))
PY
