#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The first step of the Bulkhead action: use the `bulkhead` on PATH if
# there is one (installed by an earlier step, or the job's container has
# it); otherwise build it from the action's own checkout, which is the
# Bulkhead repository two directories up, with tests/setup.sh. That script
# installs the Debian/Ubuntu packages it needs (LLVM 19, tree-sitter,
# jansson, PCRE2, meson) through apt-get, so it runs under sudo when the
# job is not root. Writes the command to run as the step output `path`.
set -euo pipefail

if command -v bulkhead >/dev/null 2>&1; then
	path=$(command -v bulkhead)
else
	repo=$(cd "$GITHUB_ACTION_PATH/../.." && pwd)
	echo "bulkhead is not on PATH: building it in $repo/build" >&2
	if [ "$(id -u)" = 0 ]; then
		bash "$repo/tests/setup.sh"
	else
		sudo --preserve-env=PATH bash "$repo/tests/setup.sh"
	fi
	path="$repo/build/bulkhead"
fi
"$path" --version >&2
echo "path=$path" >>"$GITHUB_OUTPUT"
