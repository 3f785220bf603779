// SPDX-License-Identifier: MIT
// Inline suppression comments. A finding is suppressed when its line, or
// the line immediately above, carries
//
//   bulkhead: ignore[RULE-ID, RULE-ID...] reason
//
// in a comment. An id is a rule id (`c.gets`), `*` for every rule, or a
// domain wildcard (`c.*`). The reason is the rest of the comment, trimmed,
// without a closing `*/`; a missing reason still suppresses.
//
// Comments are found with a cheap line scan, not a parser, because one
// scan serves C, Dockerfiles and shell:
// - the marker counts only after a comment opener on the same line: `//`,
//   `/*`, `#` at the start of the line or after a blank (so `a#b` in
//   shell and `foo#bar` in URLs are not comments), or `-- ` there (SQL,
//   Lua: `x--` and `--x` in C are no comment);
// - openers and markers inside "..." or '...' literals do not count, so
//   `puts("// bulkhead: ignore[*]")` suppresses nothing;
// - the line above applies only if it is a comment-only line. Otherwise
//   `x = f(); // bulkhead: ignore[c.gets]` would also silence the next
//   statement, which the author never looked at.
// The scan can miss a marker (an unbalanced apostrophe before it on the
// line, a marker inside a block comment's continuation line); it is built
// to fail that way rather than suppress something unintended.
//
// Runs after the rules, before reporting; findings already suppressed
// inline are left alone, weaker suppressions are overridden.
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/config.h"
#include "bulkhead/ctx.h"
#include "bulkhead/text.h"
#include "config_internal.h"

#define MARKER "bulkhead:"
#define MARKER_LEN (sizeof(MARKER) - 1)

// A byte range of the line being scanned.
typedef struct {
	const char *p;
	size_t len;
} span;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static span trim(span s)
{
	while (s.len && is_blank(s.p[0]))
		s.p++, s.len--;
	while (s.len && (is_blank(s.p[s.len - 1]) || s.p[s.len - 1] == '\r' ||
			 s.p[s.len - 1] == '\n'))
		s.len--;
	return s;
}

static bool starts_with(span s, const char *prefix)
{
	size_t n = strlen(prefix);
	return s.len >= n && memcmp(s.p, prefix, n) == 0;
}

// Offset of `needle` in `s` at or after `from`, or s.len. Lines may hold NUL
// bytes, so this works on lengths, not C strings.
static size_t find(span s, size_t from, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = from; i + n <= s.len; i++)
		if (memcmp(s.p + i, needle, n) == 0)
			return i;
	return s.len;
}

// One entry of the id list: `*`, `<domain>.*` or an exact rule id.
static bool id_matches(span pattern, const char *rule_id)
{
	size_t n = strlen(rule_id);

	if (pattern.len == 1 && pattern.p[0] == '*')
		return true;
	if (pattern.len >= 2 && pattern.p[pattern.len - 2] == '.' && pattern.p[pattern.len - 1] == '*')
		return n > pattern.len - 1 && memcmp(rule_id, pattern.p, pattern.len - 1) == 0;
	return pattern.len == n && memcmp(pattern.p, rule_id, n) == 0;
}

// id-list = id { "," id }   (blanks around ids are allowed)
static bool list_matches(span list, const char *rule_id)
{
	size_t start = 0;
	for (size_t i = 0; i <= list.len; i++) {
		if (i < list.len && list.p[i] != ',')
			continue;
		span item = trim((span){ list.p + start, i - start });
		if (item.len && id_matches(item, rule_id))
			return true;
		start = i + 1;
	}
	return false;
}

// suppression = "bulkhead:" { blank } "ignore[" id-list "]" reason
// searched for inside one comment's text. `quoted` tells whether a '"'
// opens a string here: true for `#` comments, which on a C line are
// preprocessor directives (`#define MSG "bulkhead: ignore[*]"`).
static bool match_comment(span comment, bool quoted, const char *rule_id, span *reason)
{
	char quote = 0;

	for (size_t i = 0; i < comment.len; i++) {
		char c = comment.p[i];
		if (quote) {
			if (c == '\\')
				i++;
			else if (c == quote)
				quote = 0;
			continue;
		}
		if (quoted && c == '"') {
			quote = c;
			continue;
		}
		if (c != 'b' || comment.len - i < MARKER_LEN ||
		    memcmp(comment.p + i, MARKER, MARKER_LEN) != 0)
			continue;
		span rest = { comment.p + i + MARKER_LEN, comment.len - i - MARKER_LEN };
		rest = trim(rest);
		if (!starts_with(rest, "ignore["))
			continue;
		rest.p += 7, rest.len -= 7;
		size_t close = find(rest, 0, "]");
		if (close == rest.len)
			continue;
		if (!list_matches((span){ rest.p, close }, rule_id))
			continue;
		span r = trim((span){ rest.p + close + 1, rest.len - close - 1 });
		if (r.len >= 2 && r.p[r.len - 2] == '*' && r.p[r.len - 1] == '/')
			r = trim((span){ r.p, r.len - 2 });
		*reason = r;
		return true;
	}
	return false;
}

// Look for a suppression of `rule_id` in the comments of `line`. With
// `comment_only`, the line must hold nothing but a comment.
static bool match_line(span line, bool comment_only, const char *rule_id, span *reason)
{
	char quote = 0;

	line = trim(line);
	if (comment_only && !starts_with(line, "//") && !starts_with(line, "/*") &&
	    !starts_with(line, "#") && !starts_with(line, "-- "))
		return false;

	for (size_t i = 0; i < line.len; i++) {
		char c = line.p[i];
		char next = i + 1 < line.len ? line.p[i + 1] : '\0';
		if (quote) {
			if (c == '\\')
				i++;
			else if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '"' || c == '\'') {
			if (comment_only)
				return false; // code after `/* ... */`
			quote = c;
		} else if (c == '/' && next == '/') {
			// A line comment runs to the end of the line.
			span comment = { line.p + i + 2, line.len - i - 2 };
			return match_comment(comment, false, rule_id, reason);
		} else if (c == '/' && next == '*') {
			// A block comment ends at "*/" or, unterminated, at the end
			// of the line; code may follow it.
			size_t end = find(line, i + 2, "*/");
			span comment = { line.p + i + 2, end - i - 2 };
			if (match_comment(comment, false, rule_id, reason))
				return true;
			i = end < line.len ? end + 1 : line.len;
		} else if (c == '#' && (i == 0 || is_blank(line.p[i - 1]))) {
			span comment = { line.p + i + 1, line.len - i - 1 };
			return match_comment(comment, true, rule_id, reason);
		} else if (c == '-' && next == '-' && (i == 0 || is_blank(line.p[i - 1])) &&
			   i + 2 < line.len && is_blank(line.p[i + 2])) {
			span comment = { line.p + i + 2, line.len - i - 2 };
			return match_comment(comment, true, rule_id, reason);
		} else if (comment_only && !is_blank(c)) {
			return false; // code after `/* ... */`
		}
	}
	return false;
}

static bool lookup(bh_line_fn line_fn, void *payload, const char *path, uint32_t lineno,
		   bool comment_only, const char *rule_id, span *reason)
{
	size_t len = 0;
	const char *text = line_fn(payload, path, lineno, &len);
	if (!text)
		return false;
	return match_line((span){ text, len }, comment_only, rule_id, reason);
}

void bh_suppress_inline(bh_findings *findings, bh_line_fn line_fn, void *payload)
{
	int rank = bh_config__suppress_rank(BH_SUPPRESS_INLINE);

	if (!line_fn)
		return;
	for (size_t i = 0; i < findings->items.len; i++) {
		bh_finding *fd = &findings->items.items[i];
		const char *path = fd->loc.path;
		uint32_t line = fd->loc.line;
		span reason;

		if (bh_config__suppress_rank(fd->suppressed) >= rank || !path || line == 0)
			continue;
		// The finding's own line first: it is the more specific comment.
		if (!lookup(line_fn, payload, path, line, false, fd->rule->id, &reason) &&
		    (line == 1 ||
		     !lookup(line_fn, payload, path, line - 1, true, fd->rule->id, &reason)))
			continue;
		fd->suppressed = BH_SUPPRESS_INLINE;
		fd->suppress_reason = reason.len
			? bh_arena_strndup(findings->arena, reason.p, reason.len)
			: NULL;
	}
}

// The line comment the scanner above reads in a file of this name.
const char *bh_suppress_comment_for(const char *path)
{
	switch (bh_file_kind_of_name(path)) {
	case BH_FILE_C_SOURCE:
	case BH_FILE_C_HEADER:
		return "//";
	case BH_FILE_DOCKERFILE:
	case BH_FILE_DOCKERIGNORE:
	case BH_FILE_MAKEFILE:
		return "#";
	default:
		break;
	}
	static const char *const hash[] = { ".yaml", ".yml", ".toml", ".ini", ".conf", ".cfg",
					    ".properties", ".sh", ".env", ".py", ".rb" };
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (strncmp(base, ".env", 4) == 0)
		return "#";
	for (size_t i = 0; i < BH_ARRAY_LEN(hash); i++)
		if (bh_str_ends_with(path, hash[i]))
			return "#";
	return NULL;
}
