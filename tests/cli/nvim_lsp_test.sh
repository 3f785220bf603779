#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `bulkhead lsp` with a real client: Neovim (Debian 12's 0.7.2) headless,
# its built-in LSP client set up by integrations/neovim/bulkhead.lua, on a
# copy of testdata/demo. The checks are in nvim_lsp_test.lua.
# usage: nvim_lsp_test.sh BULKHEAD SOURCE_ROOT
set -uo pipefail
if ! command -v nvim >/dev/null; then
	echo "nvim is not installed (tests/setup.sh installs neovim)" >&2
	exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp -r "$2/testdata/demo" "$TMP/ctx"
export BH=$(realpath "$1") BH_SRC=$(realpath "$2") BH_CTX="$TMP/ctx" BH_OUT="$TMP/result"
export HOME="$TMP" XDG_CACHE_HOME="$TMP/cache" XDG_STATE_HOME="$TMP/state" XDG_DATA_HOME="$TMP/data"
timeout 300 nvim --headless -u NONE -i NONE -n -c "luafile $(dirname "$0")/nvim_lsp_test.lua" </dev/null >"$TMP/nvim.log" 2>&1
status=$?
if [ ! -s "$BH_OUT" ]; then
	echo "not ok - nvim wrote no result (exit status $status)"
	sed 's/^/#   /' "$TMP/nvim.log"
	exit 1
fi
cat "$BH_OUT"
echo "1..$(wc -l <"$BH_OUT")"
! grep -q '^not ok' "$BH_OUT"
