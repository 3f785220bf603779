#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints where the C benchmarks keep the projects engine_bench.sh prepares
# (and their reports): $BH_BENCH_DIR if set, else /tmp/bh-engine-bench for
# root and ${TMPDIR:-/tmp}/bh-engine-bench-UID for anyone else (so that
# users of one machine do not share, or fight over, one directory). Every
# benchmark script asks this one, so they all find the same copies.
if [ -n "${BH_BENCH_DIR:-}" ]; then
	echo "$BH_BENCH_DIR"
elif [ "$(id -u)" = 0 ]; then
	echo /tmp/bh-engine-bench
else
	echo "${TMPDIR:-/tmp}/bh-engine-bench-$(id -u)"
fi
