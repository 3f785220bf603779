#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs everything Bulkhead needs on a fresh Debian 12 machine (run as root)
# and builds it into build/. Safe to rerun: every step is idempotent.
#   tests/setup.sh          dependencies + release build in build/
#   tests/setup.sh --asan   also the ASan+UBSan build in build-asan/
#   tests/setup.sh --fuzz   also the libFuzzer build in build-fuzz/ (clang-19)
# Flags combine: tests/setup.sh --asan --fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."

asan=false fuzz=false
for arg in "$@"; do
	case $arg in
	--asan) asan=true ;;
	--fuzz) fuzz=true ;;
	*) echo "usage: tests/setup.sh [--asan] [--fuzz]" >&2; exit 2 ;;
	esac
done

APT_PACKAGES=(
	meson ninja-build pkg-config gcc
	libclang-19-dev clang-19 llvm-19-dev libclang-rt-19-dev
	libtree-sitter-dev libjansson-dev libpcre2-dev libcriterion-dev
	python3-jsonschema python3-yaml git pre-commit neovim clang-tidy-19 valgrind
	chromium
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm fetch the grammars. A machine may already have them from
# another source (whose nodejs conflicts with Debian's npm): only the
# commands matter.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
	echo "setup: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >&2
	apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# Grammars (and the test validators and the VS Code extension's type
# declarations) come from the npm registry through
# pinned lockfiles; --ignore-scripts because nothing needs to run.
npm_ci() {
	local marker="$1/node_modules/.package-lock.json"
	if [ ! -f "$marker" ] || [ "$1/package-lock.json" -nt "$marker" ]; then
		(cd "$1" && npm ci --ignore-scripts --no-audit --no-fund >&2)
	fi
}
npm_ci analyzer/parse/grammars
npm_ci tests/tools
# The VS Code extension's TypeScript toolchain, for its type-check test.
npm_ci integrations/vscode

configure() {
	local dir=$1; shift
	if [ -f "$dir/build.ninja" ]; then
		meson setup --reconfigure "$dir" "$@" >&2
	else
		meson setup "$dir" "$@" >&2
	fi
	ninja -C "$dir" >&2
}
configure build --buildtype=debugoptimized -Dwerror=true
if $asan; then
	configure build-asan --buildtype=debug -Dwerror=true \
		-Db_sanitize=address,undefined -Db_lundef=false
fi
# libFuzzer needs clang; libclang-rt-19-dev (above) has its runtime. CC only
# matters for the first set-up: meson keeps the compiler of a build dir.
if $fuzz; then
	CC=clang-19 configure build-fuzz --buildtype=debugoptimized -Dwerror=true -Dfuzz=true \
		-Db_sanitize=address,undefined -Db_lundef=false
fi
