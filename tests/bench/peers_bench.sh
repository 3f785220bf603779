#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bulkhead against the floor and its peers, by wall time, on Debian 12's
# lua5.4, redis and memcached source packages (prepared by
# tests/bench/engine_bench.sh --prepare-only: nothing of them is built or
# run). For each project, on the same translation units and in turn:
# clang-19 -fsyntax-only N at a time (the floor), bulkhead scan --jobs N
# (median of R runs, peak RSS) and --jobs 1, clang-tidy-19 with
# clang-analyzer-* N at a time, cppcheck -j N --project. Prints the ratios
# the README's table carries: bulkhead / floor (target <= 1.3), clang-tidy
# / bulkhead (target >= 5), cppcheck / bulkhead, and --jobs 1 / --jobs N.
#
# usage: tests/bench/peers_bench.sh [--bulkhead PATH] [--jobs N] [--runs R]
#                                   [--all] [PROJECT...]
#   --jobs N   parallel jobs for every tool (default: nproc)
#   --runs R   runs of the fast commands, the median kept (default: 3);
#              clang-tidy and cppcheck run once
#   --all      lua5.4, redis and memcached (default: lua5.4 memcached)
# As root it installs clang-tidy-19 and cppcheck when missing.
set -euo pipefail
# Every scan here is measured cold: the result cache would answer repeats.
export BULKHEAD_NO_CACHE=1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bh=$src/build/bulkhead
jobs=$(nproc)
runs=3
all=false
projects=()
while [ $# -gt 0 ]; do
	case $1 in
	--bulkhead) bh=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--all) all=true; shift ;;
	-h|--help) sed -n '3,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "peers_bench: unknown option $1" >&2; exit 2 ;;
	*) projects+=("$1"); shift ;;
	esac
done
[ ${#projects[@]} -gt 0 ] || { $all && projects=(lua5.4 redis memcached) || projects=(lua5.4 memcached); }
case $bh in /*) ;; *) bh=$PWD/$bh ;; esac
work=$("$here/work_dir.sh")

missing=()
for p in clang-tidy-19 cppcheck; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	[ "$(id -u)" = 0 ] || { echo "peers_bench: install ${missing[*]} (or run as root)" >&2; exit 2; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
		|| { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends "${missing[@]}" >&2; }
fi
"$here/engine_bench.sh" --prepare-only --work "$work" --bulkhead "$bh" "${projects[@]}" | grep '^==' || true
echo "== $(clang-tidy-19 --version | grep -m1 version | sed 's/^ *//'), $(cppcheck --version)"
results=$work/peers.tsv
: >"$results"
for pkg in "${projects[@]}"; do
	python3 "$here/peers_bench.py" "$pkg" "$work/$pkg" "$work/$pkg.exclude" "$bh" "$jobs" "$runs" "$results"
done
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (wall times move with load)"
