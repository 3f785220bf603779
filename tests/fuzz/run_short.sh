#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One fuzzer for a fixed number of runs over its seed corpus, as a test of
# the 'fuzz' suite:  run_short.sh FUZZER CORPUS SCRATCH RUNS
# New inputs go to SCRATCH (libFuzzer writes into its first corpus
# directory), never into the committed corpus; a fixed seed keeps the runs
# repeatable. A crash, leak or sanitizer report makes the fuzzer exit
# non-zero, and its reproducer is left in SCRATCH.
set -euo pipefail
fuzzer=$1 corpus=$2 scratch=$3 runs=$4
rm -rf "$scratch"
mkdir -p "$scratch"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$fuzzer" -seed=1 -runs="$runs" -max_len=65536 -timeout=25 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$scratch/" "$scratch" "$corpus"
