#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bulkhead scans its own tree with the checked-in .bulkhead.json (which
# leaves out the deliberately vulnerable fixtures, the fuzzers' hostile
# seeds and the secret rule packs' examples) and the compile flags of this
# build. Every finding must be suppressed inline with a reason or recorded
# in .bulkhead-baseline.json, and every baseline entry must still be found:
# a new finding fails, and so does one that went away without the
# baseline shrinking (README "Bulkhead on its own code" says how to update).
#   tests/cli/self_scan.sh BULKHEAD SOURCE_ROOT BUILD_ROOT
set -euo pipefail
bh=$1 src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
"$bh" scan --no-cache --quiet --color never --compile-commands "$build/compile_commands.json" \
	--baseline "$src/.bulkhead-baseline.json" --fail-on note "$src" > "$tmp/new.txt" || status=$?
if [ "$status" -ne 0 ]; then
	echo "self-scan: exit $status; findings not in .bulkhead-baseline.json:" >&2
	cat "$tmp/new.txt" >&2
	exit 1
fi

# Entries of the baseline that no scan finds any more.
"$bh" scan --no-cache --quiet --compile-commands "$build/compile_commands.json" \
	--write-baseline "$tmp/now.json" "$src" > /dev/null || true
python3 - "$src/.bulkhead-baseline.json" "$tmp/now.json" <<'PY'
import json
import sys

kept = json.load(open(sys.argv[1]))["findings"]
now = {f["fingerprint"] for f in json.load(open(sys.argv[2]))["findings"]}
stale = [f for f in kept if f["fingerprint"] not in now]
for f in stale:
    print("self-scan: no longer found: %s %s: %s" % (f["rule"], f["path"], f["message"]), file=sys.stderr)
if stale:
    print("self-scan: %d baseline entries are gone; rewrite the baseline (README)" % len(stale), file=sys.stderr)
    sys.exit(1)
print("self-scan: no finding outside the %d baseline entries; none of them is gone" % len(kept))
PY
