// SPDX-License-Identifier: MIT
// Unit tests for the .dockerignore matcher (analyzer/context/ctx_ignore.c).
//
// The table pins Docker's behaviour as BuildKit implements it: lines are
// read by moby/patternmatcher's ignorefile.ReadAll, each pattern is matched
// the way patternmatcher.Pattern.compile builds it (exact, prefix, suffix
// or regexp), and paths are decided the way tonistiigi/fsutil's walker
// does (MatchesUsingParentResults, directory by directory). Each expected
// value was derived from that code; the comment says what the case shows.
#include <criterion/criterion.h>
#include <string.h>
#include <time.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/ignore.h"

typedef struct {
	const char *ignore; // .dockerignore text
	const char *path;   // context-relative path
	bool excluded;      // true: not sent to the builder
} ignore_case;

static const ignore_case cases[] = {
	// A plain name matches that exact path.
	{ "foo", "foo", true },
	// A pattern that matches a directory excludes everything below it.
	{ "foo", "foo/bar/baz.c", true },
	// Exact patterns are not prefixes.
	{ "foo", "foobar", false },
	// Patterns are anchored at the context root (no .gitignore-style basename match).
	{ "foo", "a/foo", false },
	// '*' matches within one path element.
	{ "*.log", "debug.log", true },
	// '*' does not cross '/'.
	{ "*.log", "logs/debug.log", false },
	// '*' matches the empty string, so it matches dotfiles too.
	{ "*.env", ".env", true },
	// '*' alone matches every top-level entry, hidden ones included.
	{ "*", ".hidden", true },
	// ...and through them everything below.
	{ "*", "dir/sub/file", true },
	// Leading '**/' matches in any directory.
	{ "**/*.log", "logs/deep/debug.log", true },
	// Leading '**/' also matches zero directories.
	{ "**/*.log", "debug.log", true },
	// '**' in the middle matches zero directories.
	{ "a/**/b", "a/b", true },
	// '**' in the middle matches several directories.
	{ "a/**/b", "a/x/y/b", true },
	// Trailing '**' matches everything under the directory.
	{ "a/**", "a/x/y", true },
	// Trailing '/**' is a prefix "a/": it does not match "a" itself.
	{ "a/**", "a", false },
	// '**' alone matches everything.
	{ "**", "anything/at/all", true },
	// '**/name' (suffix form) matches name at the top level too.
	{ "**/secret", "secret", true },
	// '**/name' matches a directory at any depth, and so its contents.
	{ "**/secret", "x/secret/key.pem", true },
	// The suffix includes the '/': "mysecret" is not "secret".
	{ "**/secret", "x/mysecret", false },
	// Without the '/', '**name' is a plain string suffix.
	{ "**secret", "x/mysecret", true },
	// '**' inside a name becomes (.*/)?: "a**b" does not match "axb".
	{ "a**b", "axb", false },
	// ...but it matches across directories.
	{ "a**b", "a/x/b", true },
	// '?' matches exactly one character.
	{ "file?.txt", "file1.txt", true },
	// '?' does not match two.
	{ "file?.txt", "file10.txt", false },
	// '?' does not match '/'.
	{ "a?c", "a/c", false },
	// '?' matches one UTF-8 character, not one byte.
	{ "caf?", "caf\xc3\xa9", true },
	// A range class matches one character in the range.
	{ "[a-c].txt", "b.txt", true },
	// ...and not one outside it.
	{ "[a-c].txt", "d.txt", false },
	// '[^a]' negates.
	{ "[^a].txt", "a.txt", false },
	// '[^a]' matches any other character.
	{ "[^a].txt", "b.txt", true },
	// Only '^' negates: '[!a]' is the set {'!', 'a'}.
	{ "[!a].txt", "b.txt", false },
	// A negated class can match '/' (a regexp class, unlike '?').
	{ "x[^a]y", "x/y", true },
	// Classes work on UTF-8 characters.
	{ "[\xc3\xa9]x", "\xc3\xa9x", true },
	// '\*' is a literal star.
	{ "\\*.txt", "*.txt", true },
	// ...so it does not match other names.
	{ "\\*.txt", "a.txt", false },
	// '\!' matches a name starting with '!' (a leading '!' would re-include).
	{ "\\!important", "!important", true },
	// '\#' matches a name starting with '#' (a leading '#' is a comment).
	{ "\\#notcomment", "#notcomment", true },
	// Regexp characters are literal: '.' is a dot, not "any character".
	{ "f.o*", "fxo1", false },
	// ...and it does match the dot.
	{ "f.o*", "f.o1", true },
	// Other regexp characters are literal too.
	{ "a+b(c){1}|$.txt", "a+b(c){1}|$.txt", true },
	// Docker leaves '^' unescaped: next to a wildcard it is an anchor and never matches.
	{ "a^b*", "a^bc", false },
	// Without a wildcard the pattern is compared as a string, '^' included.
	{ "a^b", "a^b", true },
	// '!' re-includes a file that an earlier pattern excluded.
	{ "*.md\n!README.md", "README.md", false },
	// Other files stay excluded.
	{ "*.md\n!README.md", "CHANGES.md", true },
	// The last matching pattern wins.
	{ "!README.md\n*.md", "README.md", true },
	// An exclusion with nothing excluded before it changes nothing.
	{ "!foo", "foo", false },
	// A file can be re-included inside an excluded directory.
	{ "docs\n!docs/keep.md", "docs/keep.md", false },
	// Its siblings stay excluded.
	{ "docs\n!docs/keep.md", "docs/other.md", true },
	// Re-including a directory re-includes its contents.
	{ "*\n!keep", "keep/sub/file", false },
	// Re-including a subdirectory of a '*'-excluded one.
	{ "secrets/*\n!secrets/public", "secrets/public/key", false },
	// BuildKit quirk (MatchesUsingParentResults): the third pattern was skipped
	// for directory "a", so it does not reach "a/x" through its parent.
	{ "a\n!a/*\na", "a/x", false },
	// A leading '/' is removed: patterns are relative to the root anyway.
	{ "/secret.txt", "secret.txt", true },
	// A leading './' is cleaned away.
	{ "./secret.txt", "secret.txt", true },
	// 'x/../' is cleaned away.
	{ "a/../b", "b", true },
	// A trailing '/' marks a directory...
	{ "build/", "build/out.o", true },
	// ...but it is cleaned away, so it matches a file of that name too.
	{ "notes.txt/", "notes.txt", true },
	// Cleaning happens before '!' is read: "./!x" becomes the exclusion "!x".
	{ "*\n./!x", "x", false },
	// '#' in column 1 starts a comment.
	{ "# secret.txt", "secret.txt", false },
	// '#' after a space is not a comment: the pattern is "# secret.txt".
	{ " # secret.txt", "# secret.txt", true },
	// ...which does not match "secret.txt".
	{ " # secret.txt", "secret.txt", false },
	// Blank lines are ignored and surrounding whitespace is trimmed.
	{ "\n\n   \n  secret.txt  \n", "secret.txt", true },
	// Spaces inside a pattern are kept.
	{ "my file.txt", "my file.txt", true },
	// CRLF line ends are accepted.
	{ "a.txt\r\nb.txt\r\n", "a.txt", true },
	// A UTF-8 BOM at the start of the file is ignored.
	{ "\xEF\xBB\xBF" "a.txt", "a.txt", true },
	// The Dockerfile can be excluded: it is still used for the build, but cannot be COPYed.
	{ "Dockerfile", "Dockerfile", true },
	// So can the .dockerignore itself.
	{ ".dockerignore", ".dockerignore", true },
	// The documented example: '*/temp*' looks one level down...
	{ "*/temp*", "somedir/temporary.txt", true },
	// ...and not two levels down.
	{ "*/temp*", "somedir/sub/temp.txt", false },
	// '*/*/temp*' looks exactly two levels down.
	{ "*/*/temp*", "a/b/temp.c", true },
	// A common idiom: '**/node_modules' anywhere.
	{ "**/node_modules", "web/app/node_modules/pkg/index.js", true },
	// An element-wise pattern does not match a longer element.
	{ "a/b", "a/bc", false },
	// A lone '!' is invalid and skipped; the other patterns still apply.
	{ "!\nfoo", "foo", true },
	// An unterminated class is invalid and skipped; the other patterns still apply.
	{ "[abc\nfoo", "foo", true },
	// An empty file excludes nothing.
	{ "", "x", false },
};

Test(ignore, table_of_docker_behaviour)
{
	cr_assert_geq(BH_ARRAY_LEN(cases), 40);
	for (size_t i = 0; i < BH_ARRAY_LEN(cases); i++) {
		bh_arena *arena = bh_arena_new();
		const ignore_case *c = &cases[i];
		bh_ignore *ig = bh_ignore_parse(arena, ".dockerignore", c->ignore,
						strlen(c->ignore), NULL);
		cr_expect_eq(bh_ignore_excludes(ig, c->path), c->excluded,
			     "case %zu: patterns \"%s\", path \"%s\": expected %s", i,
			     c->ignore, c->path, c->excluded ? "excluded" : "sent");
		bh_arena_free(arena);
	}
}

// Parse `text` and collect its diagnostics.
static bh_ignore *parse_with_diags(bh_arena *arena, bh_diags *d, const char *text)
{
	bh_diags_init(d, arena);
	return bh_ignore_parse(arena, ".dockerignore", text, strlen(text), d);
}

Test(ignore, invalid_patterns_warn_with_line_and_are_skipped)
{
	bh_arena *arena = bh_arena_new();
	bh_diags d;
	bh_ignore *ig = parse_with_diags(arena, &d, "good\n[abc\n!\nbad\\\n[z-a]\nalso-good\n");
	cr_assert_eq(bh_ignore_pattern_count(ig), 2);
	cr_assert_eq(d.items.len, 4);
	uint32_t lines[] = { 2, 3, 4, 5 };
	for (size_t i = 0; i < 4; i++) {
		cr_expect_str_eq(d.items.items[i].code, "ignore.invalid-pattern");
		cr_expect_eq(d.items.items[i].level, BH_LEVEL_WARNING);
		cr_expect_str_eq(d.items.items[i].loc.path, ".dockerignore");
		cr_expect_eq(d.items.items[i].loc.line, lines[i]);
	}
	cr_expect(bh_ignore_excludes(ig, "good"));
	cr_expect(bh_ignore_excludes(ig, "also-good"));
	bh_diags_dispose(&d);
	bh_arena_free(arena);
}

Test(ignore, unsupported_translations_are_reported_not_guessed)
{
	bh_arena *arena = bh_arena_new();
	bh_diags d;
	// "\d" is a digit class in Docker's regexp; "[*]" and "[[:alpha:]]" are
	// translated into something else than they look like.
	bh_ignore *ig = parse_with_diags(arena, &d, "a\\d*\n[*]\n[[:alpha:]]x\n");
	cr_expect_eq(bh_ignore_pattern_count(ig), 0);
	cr_expect_eq(d.items.len, 3);
	bh_diags_dispose(&d);
	bh_arena_free(arena);
}

Test(ignore, comments_and_blank_lines_are_not_patterns)
{
	bh_arena *arena = bh_arena_new();
	bh_diags d;
	bh_ignore *ig = parse_with_diags(arena, &d, "# comment\n\n   \n#\nx\n");
	cr_expect_eq(bh_ignore_pattern_count(ig), 1);
	cr_expect_eq(d.items.len, 0);
	bh_diags_dispose(&d);
	bh_arena_free(arena);
}

Test(ignore, null_ignore_excludes_nothing)
{
	cr_expect_not(bh_ignore_excludes(NULL, "anything"));
	cr_expect_eq(bh_ignore_pattern_count(NULL), 0);
}

Test(ignore, hostile_text_does_not_crash)
{
	bh_arena *arena = bh_arena_new();
	bh_diags d;
	// NUL bytes, invalid UTF-8, a very long line, lots of '*'.
	static const char text[] = "a\0b\n\xff\xfe*\n[\xff]\n";
	bh_diags_init(&d, arena);
	bh_ignore *ig = bh_ignore_parse(arena, ".dockerignore", text, sizeof(text) - 1, &d);
	cr_expect_eq(bh_ignore_pattern_count(ig), 0);
	cr_expect_eq(d.items.len, 3);

	size_t n = 70000;
	char *big = bh_xmalloc(n + 1);
	memset(big, '*', n);
	big[n] = '\0';
	bh_ignore *ig2 = bh_ignore_parse(arena, ".dockerignore", big, n, &d);
	cr_expect_eq(bh_ignore_pattern_count(ig2), 0); // over Docker's line limit
	memset(big, 'a', n);
	memcpy(big + 60000 - 3, "*/*", 3);
	bh_ignore *ig3 = bh_ignore_parse(arena, ".dockerignore", big, 60000, &d);
	cr_expect_eq(bh_ignore_pattern_count(ig3), 1);
	cr_expect_not(bh_ignore_excludes(ig3, "a/b"));
	free(big);
	bh_diags_dispose(&d);
	bh_arena_free(arena);
}

Test(ignore, many_stars_match_in_linear_time)
{
	bh_arena *arena = bh_arena_new();
	const char *text = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n**/**/**/**/**/**/**/x\n";
	bh_ignore *ig = bh_ignore_parse(arena, ".dockerignore", text, strlen(text), NULL);
	char path[4001];
	memset(path, 'a', 4000);
	path[4000] = '\0';
	for (size_t i = 100; i < 4000; i += 100)
		path[i] = '/';
	clock_t start = clock();
	for (int i = 0; i < 3; i++)
		cr_expect_not(bh_ignore_excludes(ig, path));
	cr_expect_lt((double)(clock() - start) / CLOCKS_PER_SEC, 5.0);
	bh_arena_free(arena);
}

Test(ignore, glob_matches_path_or_parent)
{
	cr_expect(bh_glob_match_path("third_party/**", "third_party/zlib/inflate.c"));
	cr_expect(bh_glob_match_path("third_party", "third_party/zlib/inflate.c"));
	cr_expect(bh_glob_match_path("./tests/", "tests/unit/a_test.c"));
	cr_expect(bh_glob_match_path("**/*.pb.c", "gen/api/x.pb.c"));
	cr_expect(bh_glob_match_path("*.tmp", "x.tmp"));
	cr_expect_not(bh_glob_match_path("*.tmp", "dir/x.tmp"));
	cr_expect_not(bh_glob_match_path("tests", "src/tests.c"));
	cr_expect_not(bh_glob_match_path("[", "["));
	cr_expect_not(bh_glob_match_path("", "x"));
	cr_expect_not(bh_glob_match_path("x", ""));
}

Test(ignore, compiled_globs_match_as_single_globs_do)
{
	bh_arena *arena = bh_arena_new();
	const char *globs[] = { "[", "./tests/", "**/*.pb.c", "!keep.c", "", "deps/*/src" };
	bh_ignore *set = bh_globs_compile(arena, globs, BH_ARRAY_LEN(globs));
	cr_expect_eq(bh_globs_match(set, "tests/unit/a_test.c"), 1);
	cr_expect_eq(bh_globs_match(set, "gen/api/x.pb.c"), 2);
	cr_expect_eq(bh_globs_match(set, "!keep.c"), 3); // '!' is literal in a glob
	cr_expect_eq(bh_globs_match(set, "keep.c"), -1);
	cr_expect_eq(bh_globs_match(set, "deps/lua/src/lvm.c"), 5);
	cr_expect_eq(bh_globs_match(set, "["), -1); // invalid: matches nothing
	cr_expect_eq(bh_globs_match(set, "src/tests.c"), -1);
	cr_expect_eq(bh_globs_match(set, ""), -1);
	// The same answers one glob at a time.
	const char *paths[] = { "tests/unit/a_test.c", "gen/api/x.pb.c", "!keep.c", "keep.c",
				"deps/lua/src/lvm.c", "[", "src/tests.c" };
	for (size_t p = 0; p < BH_ARRAY_LEN(paths); p++) {
		long first = -1;
		for (size_t g = 0; g < BH_ARRAY_LEN(globs) && first < 0; g++)
			if (bh_glob_match_path(globs[g], paths[p]))
				first = (long)g;
		cr_expect_eq(bh_globs_match(set, paths[p]), first, "%s", paths[p]);
	}
	bh_arena_free(arena);
}
