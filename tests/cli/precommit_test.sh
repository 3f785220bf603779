#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The pre-commit hooks with the real framework: a fresh git repository gets
# a C file, `pre-commit try-repo` runs this checkout's .pre-commit-hooks.yaml
# on the staged files, and a bad change must be blocked while a good one
# passes. Then `bulkhead-staged` in a repository with an old finding: only
# the lines being committed count.
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

# bulkhead-staged: a repository with an old finding adopts Bulkhead. A
# commit that touches only clean lines passes although the old finding
# remains; one that adds a bad line is blocked, and only that line is shown.
repo="$TMP/adopt"
git init -q "$repo"
cd "$repo" || exit 1
cat >old.c <<'C'
#include <stdio.h>
int main(int argc, char **argv)
{
	(void)argc;
	printf(argv[1]);
	return 0;
}
C
git add old.c
git commit -q -m "old code" --no-verify
sed -i '1i /* a clean new comment */' old.c
echo "/* notes */" >notes.c
git add old.c notes.c
pre-commit try-repo "$SRC" bulkhead-staged >"$TMP/out" 2>&1
check "staged hook: clean lines pass beside an old finding" $? 0
pre-commit try-repo "$SRC" bulkhead >"$TMP/out" 2>&1
check "the whole-file hook blocks the same commit" $? 1
git commit -q -m "comment" --no-verify

sed -i 's/\treturn 0;/\tprintf(argv[2]);\n\treturn 0;/' old.c
git add old.c
pre-commit try-repo "$SRC" bulkhead-staged >"$TMP/out" 2>&1
check "staged hook: a new bad line is blocked" $? 1
grep -q "old.c:7:2:.*c.format-string" "$TMP/out"
check "the new line's finding is shown" $? 0
grep -q "old.c:6:" "$TMP/out"
check "the old line's finding is not" $? 1

# Unstaged work is stashed by pre-commit while the hook runs: a bad line
# left unstaged does not block a clean staged change.
git reset -q old.c
echo "/* more notes */" >>notes.c
git add notes.c
pre-commit try-repo "$SRC" bulkhead-staged >"$TMP/out" 2>&1
check "staged hook: an unstaged bad line does not block" $? 0
git diff --quiet old.c
check "the unstaged change is back after the hook" $? 1

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
