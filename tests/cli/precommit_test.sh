#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The pre-commit hook with the real framework: a fresh git repository gets
# a C file, `pre-commit try-repo` runs this checkout's .pre-commit-hooks.yaml
# on the staged files, and a bad change must be blocked while a good one
# passes.
# usage: precommit_test.sh BULKHEAD SOURCE_ROOT
set -uo pipefail
BH=$(realpath "$1")
SRC=$(realpath "$2")
if ! command -v pre-commit >/dev/null; then
	echo "pre-commit is not installed (tests/setup.sh installs it)" >&2
	exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
check() { if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok - $1"; else failed=$((failed + 1)); echo "not ok - $1 (got $2, want $3)"; sed 's/^/#   /' "$TMP/out"; fi; }

# `language: system` finds bulkhead on PATH; pre-commit keeps its cache and
# a throwaway git identity inside the test directory.
mkdir -p "$TMP/bin"
ln -s "$BH" "$TMP/bin/bulkhead"
export PATH="$TMP/bin:$PATH" PRE_COMMIT_HOME="$TMP/cache" HOME="$TMP"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid

repo="$TMP/repo"
git init -q "$repo"
cd "$repo" || exit 1
cat >ok.c <<'C'
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
C
git add ok.c
pre-commit try-repo "$SRC" bulkhead >"$TMP/out" 2>&1
check "a clean staged file passes" $? 0
git commit -q -m "clean" --no-verify

cat >bad.c <<'C'
#include <stdio.h>
int main(int argc, char **argv) { return printf(argv[argc - 1]); }
C
git add bad.c
pre-commit try-repo "$SRC" bulkhead >"$TMP/out" 2>&1
check "a staged format-string bug is blocked" $? 1
grep -q "bad.c:2:.*c.format-string" "$TMP/out"
check "the finding is shown" $? 0

# An unrelated clean file is staged while bad.c is not: only staged files
# are reported, so the commit passes.
git reset -q bad.c
echo "/* notes */" >notes.c
git add notes.c
pre-commit try-repo "$SRC" bulkhead >"$TMP/out" 2>&1
check "an unstaged bug does not block a clean commit" $? 0

# The hook honours inline suppressions in the committed code.
sed -i 's|printf(argv\[argc - 1\]); }|printf(argv[argc - 1]); } // bulkhead: ignore[c.format-string] argv is the operator|' bad.c
git add bad.c
pre-commit try-repo "$SRC" bulkhead >"$TMP/out" 2>&1
check "a suppressed finding does not block" $? 0

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
