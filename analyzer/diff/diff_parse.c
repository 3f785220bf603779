// SPDX-License-Identifier: MIT
// Unified diff output of `git diff -U0 --no-renames --src-prefix=a/
// --dst-prefix=b/` to changed-line sets (include/bulkhead/diff.h). Pure:
// text in, line ranges out, so that it can be unit-tested and fuzzed.
//
// With -U0 a hunk holds no context lines: its header gives how many old
// and new lines follow, and they are counted off one by one. Counting,
// rather than recognising lines by their first characters, is what keeps
// an added line that reads "+++ b/other" or "@@ -1 +1 @@" from being taken
// for a header.
//
//   diff   = { file } ;
//   file   = "diff --git " pair NL { header NL } { hunk } ;
//   header = "new file mode" ... | "deleted file mode" ... | "--- " path
//          | "+++ " path | "Binary files " pair " differ" | other ;
//   hunk   = "@@ -" N [ "," N ] " +" N [ "," N ] " @@" ... NL
//            { ( "-" | "+" | "\" ) ... NL } ;
//   path   = "/dev/null" | prefix raw | '"' prefix c-escaped '"' ;
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diff.h"

typedef struct {
	bh_diff *d;
	bh_diags *diags;
	uint32_t lineno;            // of the current output line, for the diagnostic
	bool diagnosed;             // only the first problem is reported
	const char *path;           // new path of the current file (arena); NULL: none or deleted
	bool is_new;                // the current file is added
	bool in_hunk;
	uint64_t old_left, new_left; // lines of the current hunk still to come
} parser;

static void malformed(parser *p, const char *fmt, ...) BH_PRINTF(2, 3);

static void malformed(parser *p, const char *fmt, ...)
{
	if (p->diagnosed)
		return;
	p->diagnosed = true;
	char what[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	bh_diag_add(p->diags, BH_LEVEL_WARNING, "diff.malformed", NULL, 0, 0,
		    "git diff output, line %u: %s; changes after it may be missed", p->lineno, what);
}

static bool has_prefix(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && memcmp(s, prefix, k) == 0;
}

static int octal_digit(char c)
{
	return c >= '0' && c <= '7' ? c - '0' : -1;
}

// A C-style quoted name as git writes it (quote_c_style): `s` starts with
// '"'. The unquoted bytes go to `*out` (arena); returns the bytes consumed
// including both quotes, or 0 if it is not well formed or decodes to a NUL.
static size_t unquote(char **out, bh_arena *arena, const char *s, size_t n)
{
	char *buf = bh_arena_alloc(arena, n);
	size_t len = 0;
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		if (c == '"') {
			buf[len] = '\0';
			*out = buf;
			return i + 1;
		}
		if (c != '\\') {
			if (c == '\0')
				return 0;
			buf[len++] = c;
			continue;
		}
		if (++i >= n)
			return 0;
		static const char escapes[] = "a\ab\bt\tn\nv\vf\fr\r\"\"\\\\";
		const char *e = s[i] ? strchr(escapes, s[i]) : NULL;
		if (e && (e - escapes) % 2 == 0) {
			buf[len++] = e[1];
		} else if (i + 2 < n && octal_digit(s[i]) >= 0 && octal_digit(s[i + 1]) >= 0 &&
			   octal_digit(s[i + 2]) >= 0) {
			int v = octal_digit(s[i]) * 64 + octal_digit(s[i + 1]) * 8 + octal_digit(s[i + 2]);
			if (v == 0 || v > 255)
				return 0;
			buf[len++] = (char)v;
			i += 2;
		} else {
			return 0;
		}
	}
	return 0;
}

// A whole path token `s` (quoted or raw) without its b/ prefix, or NULL
// (diagnosed); "/dev/null" sets *dev_null.
static const char *new_path(parser *p, const char *s, size_t n, bool *dev_null)
{
	*dev_null = n == 9 && memcmp(s, "/dev/null", 9) == 0;
	if (*dev_null)
		return NULL;
	char *name;
	if (n && s[0] == '"') {
		if (unquote(&name, p->d->arena, s, n) != n) {
			malformed(p, "bad quoted path");
			return NULL;
		}
	} else {
		if (memchr(s, '\0', n)) {
			malformed(p, "NUL byte in a path");
			return NULL;
		}
		name = bh_arena_strndup(p->d->arena, s, n);
	}
	if (strncmp(name, "b/", 2) != 0 || !name[2]) {
		malformed(p, "path without the b/ prefix");
		return NULL;
	}
	return name + 2;
}

// The second path of "OLD<sep>NEW" (the header of "diff --git" and of
// "Binary files"), or NULL (*dev_null when it is "/dev/null").
// Unquoted paths may hold the separator, but renames are off, so both
// names are the same path and the split is where the halves match.
static const char *pair_new_path(parser *p, const char *s, size_t n, const char *sep, bool *dev_null)
{
	size_t seplen = strlen(sep);
	*dev_null = false;
	if (n && s[0] == '"') {
		char *old;
		size_t k = unquote(&old, p->d->arena, s, n);
		if (!k || !has_prefix(s + k, n - k, sep)) {
			malformed(p, "bad quoted path");
			return NULL;
		}
		return new_path(p, s + k + seplen, n - k - seplen, dev_null);
	}
	if (has_prefix(s, n, "/dev/null") && has_prefix(s + 9, n - 9, sep))
		return new_path(p, s + 9 + seplen, n - 9 - seplen, dev_null);
	if (n > seplen + 9 && memcmp(s + n - 9, "/dev/null", 9) == 0 &&
	    memcmp(s + n - 9 - seplen, sep, seplen) == 0) {
		*dev_null = true; // deleted
		return NULL;
	}
	size_t half = n >= seplen ? (n - seplen) / 2 : 0;
	if (half < 3 || half * 2 + seplen != n || memcmp(s + half, sep, seplen) != 0 ||
	    !has_prefix(s, n, "a/") || memcmp(s + 2, s + half + seplen + 2, half - 2) != 0) {
		malformed(p, "cannot split the two paths");
		return NULL;
	}
	return new_path(p, s + half + seplen, half, dev_null);
}

// N = digits, at most UINT32_MAX. Advances *pos.
static bool parse_number(uint64_t *out, const char *s, size_t n, size_t *pos)
{
	size_t i = *pos;
	uint64_t v = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v > UINT32_MAX)
			return false;
		i++;
	}
	if (i == *pos)
		return false;
	*out = v;
	*pos = i;
	return true;
}

// N [ "," N ]: a start and a count (1 when left out).
static bool parse_side(uint64_t *start, uint64_t *count, const char *s, size_t n, size_t *pos)
{
	if (!parse_number(start, s, n, pos))
		return false;
	*count = 1;
	if (*pos < n && s[*pos] == ',') {
		(*pos)++;
		return parse_number(count, s, n, pos);
	}
	return true;
}

// "@@ -" N [ "," N ] " +" N [ "," N ] " @@" ...
static void parse_hunk_header(parser *p, const char *s, size_t n)
{
	uint64_t a, b, c, d;
	size_t pos = 4;
	if (!parse_side(&a, &b, s, n, &pos) || !has_prefix(s + pos, n - pos, " +") ||
	    (pos += 2, !parse_side(&c, &d, s, n, &pos)) || !has_prefix(s + pos, n - pos, " @@") ||
	    (d && !c)) {
		malformed(p, "bad hunk header");
		return;
	}
	(void)a;
	if (d && p->path) {
		uint64_t last = c + d - 1;
		if (last > UINT32_MAX)
			last = UINT32_MAX;
		bh_diff_add_range(p->d, p->path, (uint32_t)c, (uint32_t)last);
	}
	p->old_left = b;
	p->new_left = d;
	p->in_hunk = b || d;
}

// A line outside a hunk.
static void parse_header(parser *p, const char *s, size_t n)
{
	bool dev_null;
	if (n && s[n - 1] == '\r') // git writes none; a CRLF copy of its output still parses
		n--;
	if (has_prefix(s, n, "diff --git ")) {
		p->is_new = false;
		p->path = pair_new_path(p, s + 11, n - 11, " ", &dev_null);
	} else if (has_prefix(s, n, "new file mode")) {
		p->is_new = true;
		if (p->path)
			bh_diff_add_whole(p->d, p->path);
	} else if (has_prefix(s, n, "deleted file mode")) {
		p->path = NULL;
	} else if (has_prefix(s, n, "--- ")) {
		p->is_new |= n == 13 && memcmp(s + 4, "/dev/null", 9) == 0;
	} else if (has_prefix(s, n, "+++ ")) {
		// git ends a name holding a space with a tab, for patch(1).
		size_t k = n - 4;
		if (k && s[4 + k - 1] == '\t')
			k--;
		p->path = new_path(p, s + 4, k, &dev_null);
		if (p->path && p->is_new)
			bh_diff_add_whole(p->d, p->path);
	} else if (has_prefix(s, n, "Binary files ") && n >= 20 && memcmp(s + n - 7, " differ", 7) == 0) {
		// No lines to go by: a binary file that differs counts whole.
		const char *path = pair_new_path(p, s + 13, n - 20, " and ", &dev_null);
		if (path)
			bh_diff_add_whole(p->d, path);
	} else if (has_prefix(s, n, "@@ -")) {
		parse_hunk_header(p, s, n);
	} else if (n && (s[0] == '+' || s[0] == '-')) {
		malformed(p, "changed line outside a hunk");
	}
	// Anything else (index, mode, similarity lines, "\ No newline at end
	// of file", git's notes on unmerged paths) says nothing about lines.
}

// A line inside a hunk; false if it does not belong there.
static bool parse_hunk_line(parser *p, const char *s, size_t n)
{
	uint64_t *left = n && s[0] == '-' ? &p->old_left : n && s[0] == '+' ? &p->new_left : NULL;
	if (n && s[0] == '\\')
		return true;
	if (!left || !*left) {
		malformed(p, "hunk shorter than its header says");
		p->in_hunk = false;
		return false;
	}
	(*left)--;
	p->in_hunk = p->old_left || p->new_left;
	return true;
}

void bh_diff_parse(bh_diff *d, const char *text, size_t len, bh_diags *diags)
{
	parser p = { .d = d, .diags = diags };
	size_t start = 0;
	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		p.lineno++;
		if (!p.in_hunk || !parse_hunk_line(&p, text + start, end - start))
			parse_header(&p, text + start, end - start);
		start = end + 1;
	}
	if (p.in_hunk) {
		p.lineno++;
		malformed(&p, "hunk cut short at the end");
	}
	d->finished = false;
}
