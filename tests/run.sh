#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Bulkhead and runs the whole test suite twice: in the release build
# (build/) and under AddressSanitizer + UndefinedBehaviorSanitizer
# (build-asan/); then the libFuzzer harnesses (build-fuzz/, clang-19) for a
# short fixed number of runs each (suite 'fuzz'). Does all set-up first
# (tests/setup.sh), so it works on a fresh Debian 12 machine as root and is
# safe to rerun.
set -euo pipefail
cd "$(dirname "$0")/.."

tests/setup.sh --asan --fuzz

# halt_on_error: a sanitizer report fails the test that triggered it.
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}

echo "== tests: release build" >&2
meson test -C build --print-errorlogs --num-processes 2
echo "== tests: ASan + UBSan build" >&2
meson test -C build-asan --print-errorlogs --num-processes 2
echo "== fuzzers: short runs over the seed corpora" >&2
meson test -C build-fuzz --suite fuzz --print-errorlogs --num-processes 2
