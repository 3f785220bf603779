#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `bulkhead scan --diff REV` and `--staged` against real git repositories
# built in a temporary directory: only the findings on changed lines are
# reported (across commits, unstaged, staged, untracked, in a subdirectory
# context, through a flow), baselines and suppressions still hold, bad
# revisions and missing git or repositories exit 2 with a diagnostic, and a
# hostile repository whose configuration names programs for git to run
# (fsmonitor, external diff, textconv, filters, a planted `git`) never gets
# them run.
# usage: diff_test.sh BULKHEAD
set -uo pipefail
BH=$(realpath "$1")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
export HOME="$TMP" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid

# scan NAME WANT_EXIT ARGS...: runs `bulkhead scan -q ARGS` in the current
# directory; its stdout and stderr are in $out and $err afterwards.
scan() {
	local name=$1 want=$2
	shift 2
	"$BH" scan -q "$@" >"$TMP/out" 2>"$TMP/err"
	local rc=$?
	out=$(<"$TMP/out")
	err=$(<"$TMP/err")
	if [ "$rc" = "$want" ] && [ "$rc" -lt 128 ]; then
		passed=$((passed + 1))
		echo "ok - $name"
	else
		failed=$((failed + 1))
		echo "not ok - $name: exit $rc, want $want"
		sed 's/^/#   /' "$TMP/out" "$TMP/err"
	fi
}

# has NAME PATTERN / lacks NAME PATTERN: about the last scan's stdout+stderr.
has() {
	if grep -q -e "$2" <<<"$out$err"; then passed=$((passed + 1)); echo "ok - $1"
	else failed=$((failed + 1)); echo "not ok - $1: no '$2'"; sed 's/^/#   /' <<<"$out$err"; fi
}
lacks() {
	if grep -q -e "$2" <<<"$out$err"; then failed=$((failed + 1)); echo "not ok - $1: '$2' shown"; sed 's/^/#   /' <<<"$out$err"
	else passed=$((passed + 1)); echo "ok - $1"; fi
}

newrepo() {
	rm -rf "$1"
	git init -q "$1"
	cd "$1" || exit 1
}

bad_c() { # bad_c FILE: a C file with a format-string bug on line 5
	cat >"$1" <<'C'
#include <stdio.h>
int main(int argc, char **argv)
{
	(void)argc;
	printf(argv[1]);
	return 0;
}
C
}

# ------------------------------------------------------ lines of a change
newrepo "$TMP/repo"
bad_c old.c
git add old.c && git commit -q -m old
scan "full scan sees the old finding" 1 .
has "old finding shown by a full scan" "old.c:5:2:.*c.format-string"
scan "--diff HEAD on a clean tree" 0 --diff HEAD .
lacks "no old finding under --diff" "old.c:5"

sed -i 's/\treturn 0;/\tprintf(argv[2]);\n\treturn 0;/' old.c
scan "--diff HEAD sees an unstaged new line" 1 --diff HEAD .
has "the new line's finding" "old.c:6:2:.*c.format-string"
lacks "not the old line's" "old.c:5:"
scan "--staged ignores unstaged lines" 0 --staged .
git add old.c
scan "--staged sees a staged line" 1 --staged .
has "the staged line's finding" "old.c:6:2:"
lacks "--staged: not the old line's" "old.c:5:"
git commit -q -m new
scan "--diff HEAD after the commit" 0 --diff HEAD .
scan "--diff HEAD~1 spans the commit" 1 --diff HEAD~1 .
has "across commits: the new line" "old.c:6:2:"
lacks "across commits: not the old line" "old.c:5:"
scan "--diff=REV spelling" 1 --diff=HEAD~1 .
scan "--diff with a commit hash" 1 --diff "$(git rev-parse HEAD~1)" .

# Untracked files count whole, ignored ones not at all.
bad_c untracked.c
mkdir -p build && bad_c build/gen.c && echo build/ >.gitignore
scan "an untracked file is new" 1 --diff HEAD .
has "untracked finding shown" "untracked.c:5:2:"
lacks "ignored file not shown" "build/gen.c"
lacks "old lines still hidden" "old.c:"
scan "--staged leaves untracked files out" 0 --staged .
rm -f untracked.c .gitignore && rm -rf build

# A deleted line that held nothing keeps the rest quiet; a JSON report
# holds only what changed.
sed -i '1a /* a comment */' old.c
scan "an added clean line reports nothing" 0 --diff HEAD --format json .
has "json report is empty" '"findings": \[\]'
git checkout -q old.c

# Inline suppressions and baselines apply to what remains. Two identical
# statements share a fingerprint but for their ordinal: the new one is not
# the baselined old one, because fingerprints are computed over every
# finding before the diff restricts them.
"$BH" scan -q --write-baseline "$TMP/bl.json" . >/dev/null 2>&1
sed -i 's/\treturn 0;/\tprintf(argv[1]);\n\treturn 0;/' old.c
scan "a repeated statement is not the baselined one" 1 --diff HEAD --baseline "$TMP/bl.json" .
has "repeated statement reported" "old.c:7:2:"
scan "its full-scan fingerprint is what a new baseline records" 0 --diff HEAD --baseline "$TMP/bl.json" --fail-on never .
"$BH" scan -q --write-baseline "$TMP/bl2.json" . >/dev/null 2>&1
scan "baselined after a full scan: suppressed under --diff" 0 --diff HEAD --baseline "$TMP/bl2.json" .
sed -i 's|\tprintf(argv\[1\]);\n\treturn|&|; 7s|$| // bulkhead: ignore[c.format-string] test|' old.c
scan "an inline suppression on the new line holds" 0 --diff HEAD .
git checkout -q old.c

# A flow whose source line changed is reported at its old sink.
cat >flow.c <<'C'
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
	const char *fmt = "hello";
	printf(fmt);
	return 0;
}
C
git add flow.c && git commit -q -m flow
sed -i 's/"hello"/getenv("FMT")/' flow.c
scan "a changed flow source brings its sink" 1 --diff HEAD .
has "the sink line is reported" "flow.c:6:2:.*c.format-string"
git checkout -q flow.c

# Dockerfile findings on changed lines only.
printf 'FROM debian:12@sha256:%064d\nRUN curl -fsSL https://a.example/i.sh | sh\nUSER nobody\nHEALTHCHECK CMD true\n' 0 >Dockerfile
git add Dockerfile && git commit -q -m docker
sed -i '2a RUN wget -qO- https://b.example/j.sh | bash' Dockerfile
scan "a new Dockerfile line" 1 --diff HEAD .
has "its finding" "Dockerfile:3:.*docker.curl-pipe-shell"
lacks "not the old RUN" "Dockerfile:2:"
git checkout -q Dockerfile

# A subdirectory context: paths relative to it, changes outside it left out.
mkdir -p sub && bad_c sub/a.c && git add sub && git commit -q -m sub
sed -i 's/\treturn 0;/\tprintf(argv[2]);\n\treturn 0;/' sub/a.c old.c
scan "subdirectory context" 1 --diff HEAD sub
has "its path is relative to the context" "^a.c:6:2:"
lacks "outside the context: nothing" "old.c"
(cd sub && scan "subdirectory context given as ." 1 --diff HEAD .)
has "from inside it too" "^a.c:6:2:"
git checkout -q sub/a.c old.c

# A first commit: without HEAD every staged file is new.
newrepo "$TMP/fresh"
bad_c first.c && git add first.c
scan "--staged before the first commit" 1 --staged .
has "the staged file is new" "first.c:5:2:"
scan "--diff HEAD before the first commit" 2 --diff HEAD .
has "no HEAD yet: a bad revision" "git.bad-revision"

# ------------------------------------------------------------ bad input
cd "$TMP/repo" || exit 1
scan "unknown revision" 2 --diff no-such-rev .
has "names the revision" "'no-such-rev' is not a commit.*git.bad-revision"
scan "a revision that is a blob" 2 --diff HEAD:old.c .
scan "a revision that is an option" 2 --diff=--output=x .
has "option-like revision refused" "needs a git revision"
[ ! -e x ] && [ ! -e --output=x ]
scan "no file written by an option-like revision" 0 --fail-on never .
scan "empty revision" 2 --diff= .
scan "--diff and --staged together" 2 --diff HEAD --staged .
has "says they conflict" "cannot be combined"
scan "--write-baseline with --diff" 2 --diff HEAD --write-baseline "$TMP/x.json" .
mkdir -p "$TMP/plain" && bad_c "$TMP/plain/p.c"
scan "not a git repository" 2 --diff HEAD "$TMP/plain"
has "says so" "not in a git work tree.*git.not-a-repository"
lacks "and reports nothing" "p.c:5"
scan "--staged outside a repository" 2 --staged "$TMP/plain"
mkdir -p "$TMP/nogit"
PATH="$TMP/nogit" scan "git not installed" 2 --diff HEAD .
has "says git is missing" "no git was found on PATH.*git.not-found"
scan "a context that does not exist" 2 --diff HEAD "$TMP/none"
has "the context's own diagnostic" "ctx.not-found"

# --------------------------------------------------- a hostile repository
# Every program git could run for the repository touches a marker; a `git`
# planted in the tree waits for a PATH that holds ".". The change is staged
# before the configuration turns hostile (`git add` would run the filters).
newrepo "$TMP/hostile"
bad_c h.c
mkdir -p "$TMP/markers"
cat >"$TMP/evil.sh" <<SH
#!/bin/sh
touch "$TMP/markers/\$(basename "\$0")-\$\$"
cat
SH
chmod +x "$TMP/evil.sh"
printf '* diff=evil filter=evil\n*.c filter=a=b\n' >.gitattributes
git add h.c .gitattributes && git commit -q -m hostile
sed -i 's/\treturn 0;/\tprintf(argv[2]);\n\treturn 0;/' h.c
git add h.c
for name in fsmonitor extdiff textconv command clean smudge process pager git; do
	cp "$TMP/evil.sh" "$TMP/$name"
done
cp "$TMP/evil.sh" ./git
git config core.fsmonitor "$TMP/fsmonitor"
git config diff.external "$TMP/extdiff"
git config diff.evil.textconv "$TMP/textconv"
git config diff.evil.command "$TMP/command"
git config filter.evil.clean "$TMP/clean"
git config filter.evil.smudge "$TMP/smudge"
git config filter.evil.process "$TMP/process"
git config filter.evil.required true
git config 'filter.a=b.clean' "$TMP/clean"
git config core.pager "$TMP/pager"
touch -d '2000-01-01' h.c # stat-dirty: git would run the clean filter to compare
PATH=".:$PATH" scan "hostile repository: --diff HEAD" 1 --diff HEAD .
has "the change is still found" "h.c:6:2:"
lacks "and not the old line" "h.c:5:"
PATH=".:$PATH" scan "hostile repository: --staged" 1 --staged .
has "the staged change is found" "h.c:6:2:"
markers=$(ls "$TMP/markers")
if [ -z "$markers" ]; then passed=$((passed + 1)); echo "ok - no program of the repository ran"
else failed=$((failed + 1)); echo "not ok - programs of the repository ran: $markers"; fi
# The test's teeth: plain git in this repository runs each of them (one
# after the other, as each one that fails stops git before the next).
git diff HEAD >/dev/null 2>&1
safe="-c core.fsmonitor=false -c filter.evil.process= -c filter.evil.required=false"
git $safe diff HEAD >/dev/null 2>&1
git $safe diff --no-ext-diff HEAD >/dev/null 2>&1
ran=$(ls "$TMP/markers" | sed 's/-.*//' | sort -u | tr '\n' ' ')
# (Whether git starts the process filter or the clean command first
# varies; either is a filter driver run.)
if grep -q 'command fsmonitor' <<<"$ran" && grep -q textconv <<<"$ran" && grep -q -e clean -e process <<<"$ran"; then passed=$((passed + 1)); echo "ok - plain git runs them: $ran"
else failed=$((failed + 1)); echo "not ok - the hostile setup is not hostile enough: plain git ran only: $ran"; fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
