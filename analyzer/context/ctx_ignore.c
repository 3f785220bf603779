// SPDX-License-Identifier: MIT
// .dockerignore parsing and matching with Docker's exact semantics, and the
// glob matcher behind --exclude. Part of the build-context stage (bh_ctx):
// it decides which context files BuildKit would send to the builder.
//
// Reading a file follows moby/patternmatcher's ignorefile.ReadAll: a UTF-8
// BOM is dropped from the first line, a line whose first byte is '#' is a
// comment (" #x" is a pattern), whitespace is trimmed, empty lines are
// skipped, a leading '!' re-includes, and each pattern is cleaned like Go's
// filepath.Clean with one leading '/' removed ("/a/./b/" is "a/b").
//
// Each pattern then matches the way patternmatcher.Pattern.compile makes it:
//   exact   no wildcard:                     path == pattern
//   prefix  "x**" with no earlier wildcard:  path starts with "x"
//   suffix  "**" first, then literals only:  path ends with the rest
//           ("**/a" also matches "a" itself)
//   regexp  anything else, where '*' is [^/]*, '?' is [^/], '**/' is
//           (.*/)?, a final '**' is .*, '[...]' is a regexp class (which
//           can match '/'), '\x' escapes x, and '^' is an anchor.
// The regexp form is run by a small NFA over the pattern's tokens (one
// pass over the path, no backtracking, so no pattern can take exponential
// time). Quirks of the regexp translation are kept on purpose: "a**b"
// needs a '/' between a and b, '.' in ".*" does not cross a newline, and
// "a^*" can never match.
//
// Whether a path is excluded follows BuildKit's walker (tonistiigi/fsutil
// filter.go with MatchesUsingParentResults): each directory on the path is
// matched in turn, a pattern that matched a parent directory matches its
// children, and the last matching pattern wins ('!' clears the exclusion).
//
// Docker rejects the whole build for a syntactically invalid pattern; here
// it becomes a warning and the pattern is skipped. Escapes of letters and
// digits ("\d" is a regexp class in Docker, a literal in filepath.Match),
// '*' or '?' or "[:" inside a class, and invalid UTF-8 in a wildcard
// pattern are translated inconsistently by Docker; they are reported as
// unsupported and skipped rather than guessed.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/ignore.h"
#include "bulkhead/vec.h"
#include "bulkhead/fileio.h"

// bufio.Scanner's default token limit: Docker fails on longer lines.
#define MAX_LINE 65536

typedef enum {
	KIND_EXACT,  // path == text
	KIND_PREFIX, // path starts with text minus its final "**"
	KIND_SUFFIX, // path ends with text minus its leading "**"
	KIND_REGEXP, // the token NFA
	KIND_NONE,   // an --exclude glob that could not be compiled: matches nothing
} match_kind;

typedef enum {
	TOK_LIT,   // one byte
	TOK_STAR,  // [^/]*
	TOK_ONE,   // [^/], one rune
	TOK_DIRS,  // (.*/)?
	TOK_ALL,   // .*
	TOK_CLASS, // [...] or [^...], one rune
	TOK_BOL,   // '^': matches the empty string at offset 0 only
} tok_kind;

typedef struct {
	uint32_t lo, hi; // inclusive rune range
} rune_range;

typedef struct {
	tok_kind kind;
	unsigned char byte;  // TOK_LIT
	bool negated;        // TOK_CLASS
	size_t first, count; // TOK_CLASS: slice of the pattern's ranges
} tok;

typedef struct {
	const char *text; // cleaned, without the '!'; arena
	size_t len;
	bool exclusion; // a '!' pattern: re-includes
	match_kind kind;
	const tok *toks; // KIND_REGEXP only; arena
	size_t ntoks;
	const rune_range *ranges; // arena
} pattern;

struct bh_ignore {
	const pattern *pats; // in file order; arena
	size_t npats;
};

typedef BH_VEC(tok) tok_vec;
typedef BH_VEC(rune_range) range_vec;

// A pattern being compiled. `why` is set when it cannot be used.
typedef struct {
	tok_vec toks;
	range_vec ranges;
	match_kind kind;
	const char *why;     // NULL, or why the pattern is unsupported
	bool invalid;        // filepath.Match would reject it
} compiled;

/* ------------------------------------------------------------- UTF-8 */

// Decode one rune like Go's utf8.DecodeRune: an invalid or truncated
// sequence, an overlong form or a surrogate gives U+FFFD with width 1.
static size_t decode_rune(const char *s, size_t n, uint32_t *out)
{
	const unsigned char *u = (const unsigned char *)s;
	*out = 0xFFFD;
	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*out = u[0];
		return 1;
	}
	size_t w;
	uint32_t r, min;
	if ((u[0] & 0xE0) == 0xC0) {
		w = 2, r = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		w = 3, r = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		w = 4, r = u[0] & 0x07, min = 0x10000;
	} else {
		return 1;
	}
	if (n < w)
		return 1;
	for (size_t i = 1; i < w; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 1;
		r = (r << 6) | (u[i] & 0x3F);
	}
	if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		return 1;
	*out = r;
	return w;
}

static bool is_valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t r;
		size_t w = decode_rune(s + i, n - i, &r);
		if (r == 0xFFFD && w == 1)
			return false;
		i += w;
	}
	return true;
}

// Go's unicode.IsSpace for the rune at the start of s; returns its width
// or 0 when it is not a space.
static size_t space_width(const char *s, size_t n)
{
	uint32_t r;
	size_t w = decode_rune(s, n, &r);
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return w;
	default:
		return (r >= 0x2000 && r <= 0x200A) ? w : 0;
	}
}

// strings.TrimSpace on [*s, *s + *n).
static void trim_space(const char **s, size_t *n)
{
	size_t w;
	while (*n && (w = space_width(*s, *n))) {
		*s += w;
		*n -= w;
	}
	while (*n) {
		// Step back over at most one rune (up to 4 bytes) and test it.
		size_t k = 1;
		while (k < 4 && k < *n && ((unsigned char)(*s)[*n - k] & 0xC0) == 0x80)
			k++;
		w = space_width(*s + *n - k, k);
		if (w != k)
			break;
		*n -= k;
	}
}

/* ------------------------------------------------ filepath.Match syntax */

// getEsc from Go's filepath.Match: one (possibly escaped) class character.
static bool check_class_char(const char *p, size_t n, size_t *i)
{
	if (*i >= n || p[*i] == '-' || p[*i] == ']')
		return false;
	if (p[*i] == '\\') {
		(*i)++;
		if (*i >= n)
			return false;
	}
	uint32_t r;
	size_t w = decode_rune(p + *i, n - *i, &r);
	if (r == 0xFFFD && w == 1)
		return false;
	*i += w;
	return *i < n; // a class must still be closed
}

// True if filepath.Match accepts the pattern (Docker checks each pattern
// with filepath.Match(p, ".") and fails the build otherwise).
static bool is_valid_match_syntax(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (p[i] == '\\') {
			if (i + 1 >= n)
				return false;
			i += 2;
		} else if (p[i] == '[') {
			i++;
			if (i < n && p[i] == '^')
				i++;
			for (size_t nrange = 0;; nrange++) {
				if (i < n && p[i] == ']' && nrange > 0) {
					i++;
					break;
				}
				if (!check_class_char(p, n, &i))
					return false;
				if (p[i] == '-') {
					i++;
					if (!check_class_char(p, n, &i))
						return false;
				}
			}
		} else {
			i++;
		}
	}
	return true;
}

/* ------------------------------------------------------------ compile */

// Characters Docker escapes when it builds the regexp: literal everywhere.
static bool is_quoted_meta(char c)
{
	return c && strchr(".+()|{}$", c) != NULL;
}

static void push_tok(compiled *c, tok_kind kind, unsigned char byte)
{
	tok *t = bh_vec_grow_one(&c->toks);
	t->kind = kind;
	t->byte = byte;
}

// One character of a class as the regexp sees it; sets c->why when the
// regexp would read it differently from filepath.Match.
static uint32_t class_char(compiled *c, const char *p, size_t n, size_t *i)
{
	if (p[*i] == '\\') {
		unsigned char e = (unsigned char)p[*i + 1];
		if (e >= 0x80 || isalnum(e))
			c->why = "an escaped letter, digit or non-ASCII character";
		*i += 2;
		return e;
	}
	if (p[*i] == '*' || p[*i] == '?')
		c->why = "'*' or '?' inside [...]";
	if (p[*i] == '[' && *i + 1 < n && p[*i + 1] == ':')
		c->why = "a [:class:] inside [...]";
	uint32_t r;
	*i += decode_rune(p + *i, n - *i, &r);
	return r;
}

// class = "[" ["^"] item { item } "]" ; item = char [ "-" char ]
// The syntax was checked by is_valid_match_syntax.
static void compile_class(compiled *c, const char *p, size_t n, size_t *i)
{
	tok *t = bh_vec_grow_one(&c->toks);
	t->kind = TOK_CLASS;
	t->first = c->ranges.len;
	(*i)++;
	if (p[*i] == '^') {
		t->negated = true;
		(*i)++;
	}
	for (size_t nrange = 0;; nrange++) {
		if (p[*i] == ']' && nrange > 0) {
			(*i)++;
			break;
		}
		rune_range rr;
		rr.lo = rr.hi = class_char(c, p, n, i);
		if (p[*i] == '-') {
			(*i)++;
			rr.hi = class_char(c, p, n, i);
		}
		if (rr.lo > rr.hi)
			c->invalid = true; // Go's regexp rejects an inverted range
		bh_vec_push(&c->ranges, rr);
	}
	// Only `ranges` grew in the loop, so `t` still points into `toks`.
	t->count = c->ranges.len - t->first;
}

// Mirror of patternmatcher's Pattern.compile: the same scan, the same
// choice of match kind. `iter` counts loop iterations exactly as Go's `i`
// does, because only a "**" in the very first iteration makes a suffix match.
static void compile_pattern(compiled *c, const char *p, size_t n)
{
	c->kind = KIND_EXACT;
	size_t i = 0;
	for (size_t iter = 0; i < n; iter++) {
		char ch = p[i];
		if (ch == '*' && i + 1 < n && p[i + 1] == '*') {
			i += 2;
			if (i < n && p[i] == '/')
				i++;
			if (i >= n) {
				if (c->kind == KIND_EXACT) {
					c->kind = KIND_PREFIX;
				} else {
					push_tok(c, TOK_ALL, 0);
					c->kind = KIND_REGEXP;
				}
			} else {
				push_tok(c, TOK_DIRS, 0);
				c->kind = KIND_REGEXP;
			}
			if (iter == 0)
				c->kind = KIND_SUFFIX;
		} else if (ch == '*') {
			push_tok(c, TOK_STAR, 0);
			c->kind = KIND_REGEXP;
			i++;
		} else if (ch == '?') {
			push_tok(c, TOK_ONE, 0);
			c->kind = KIND_REGEXP;
			i++;
		} else if (is_quoted_meta(ch)) {
			push_tok(c, TOK_LIT, (unsigned char)ch);
			i++;
		} else if (ch == '\\') {
			unsigned char e = (unsigned char)p[i + 1];
			if (e >= 0x80 || isalnum(e))
				c->why = "an escaped letter, digit or non-ASCII character";
			push_tok(c, TOK_LIT, e);
			c->kind = KIND_REGEXP;
			i += 2;
		} else if (ch == '[') {
			compile_class(c, p, n, &i);
			c->kind = KIND_REGEXP;
		} else if (ch == ']') {
			push_tok(c, TOK_LIT, ']');
			c->kind = KIND_REGEXP;
			i++;
		} else if (ch == '^') {
			push_tok(c, TOK_BOL, 0);
			i++;
		} else {
			push_tok(c, TOK_LIT, (unsigned char)ch);
			i++;
		}
	}
	if (c->kind == KIND_REGEXP && !is_valid_utf8(p, n))
		c->why = "invalid UTF-8 next to a wildcard";
}

/* -------------------------------------------------------------- match */

static bool class_matches(const pattern *pat, const tok *t, uint32_t r)
{
	bool in = false;
	for (size_t k = 0; pat->ranges && k < t->count && !in; k++) {
		const rune_range *rr = &pat->ranges[t->first + k];
		in = r >= rr->lo && r <= rr->hi;
	}
	return in != t->negated;
}

// Run the token NFA over the whole of s. State 2k is "before token k",
// state 2k+1 is "inside the .* of the (.*/)? of token k", state 2n accepts.
// Epsilon moves only go to higher states at the same offset, so one pass
// per offset in increasing state order computes the closure. A rune is at
// most 4 bytes, so a ring of 8 rows of states covers every pending offset.
static bool regexp_matches(const pattern *pat, const char *s, size_t len)
{
	size_t nstates = 2 * pat->ntoks + 1;
	unsigned char stack_rows[8 * 64];
	unsigned char *rows = nstates <= 64 ? stack_rows : bh_xmalloc(8 * nstates);
	memset(rows, 0, 8 * nstates);
#define ROW(off) (rows + ((off) & 7) * nstates)
	ROW(0)[0] = 1;
	bool ok = false;
	for (size_t pos = 0; pos <= len; pos++) {
		unsigned char *cur = ROW(pos);
		uint32_t r = 0;
		size_t w = pos < len ? decode_rune(s + pos, len - pos, &r) : 0;
		bool more = pos < len;
		for (size_t st = 0; st + 1 < nstates; st++) {
			if (!cur[st])
				continue;
			const tok *t = &pat->toks[st / 2];
			size_t next = st / 2 * 2 + 2;
			if (st & 1) {
				if (more && r != '\n') {
					ROW(pos + w)[st] = 1;
					if (r == '/')
						ROW(pos + 1)[next] = 1;
				}
				continue;
			}
			switch (t->kind) {
			case TOK_LIT:
				if (more && (unsigned char)s[pos] == t->byte)
					ROW(pos + 1)[next] = 1;
				break;
			case TOK_STAR:
				cur[next] = 1;
				if (more && r != '/')
					ROW(pos + w)[st] = 1;
				break;
			case TOK_ALL:
				cur[next] = 1;
				if (more && r != '\n')
					ROW(pos + w)[st] = 1;
				break;
			case TOK_DIRS:
				cur[next] = 1;
				cur[st + 1] = 1;
				break;
			case TOK_ONE:
				if (more && r != '/')
					ROW(pos + w)[next] = 1;
				break;
			case TOK_CLASS:
				if (more && class_matches(pat, t, r))
					ROW(pos + w)[next] = 1;
				break;
			case TOK_BOL:
				if (pos == 0)
					cur[next] = 1;
				break;
			}
		}
		if (pos == len)
			ok = cur[nstates - 1];
		memset(cur, 0, nstates);
	}
#undef ROW
	if (rows != stack_rows)
		free(rows);
	return ok;
}

// Pattern.match: does the pattern match this exact path?
static bool pattern_matches(const pattern *pat, const char *s, size_t len)
{
	switch (pat->kind) {
	case KIND_EXACT:
		return len == pat->len && memcmp(s, pat->text, len) == 0;
	case KIND_PREFIX:
		return len >= pat->len - 2 && memcmp(s, pat->text, pat->len - 2) == 0;
	case KIND_SUFFIX: {
		const char *suf = pat->text + 2;
		size_t n = pat->len - 2;
		if (len >= n && memcmp(s + len - n, suf, n) == 0)
			return true;
		// "**/foo" also matches "foo" at the top.
		return n > 0 && suf[0] == '/' && len == n - 1 && memcmp(s, suf + 1, len) == 0;
	}
	case KIND_REGEXP:
		return regexp_matches(pat, s, len);
	case KIND_NONE:
		return false;
	}
	return false;
}

/* -------------------------------------------------------------- build */

static bool compile_literal(pattern *out, bh_arena *arena, const char *p, size_t n,
			    const char **why);

// Turn one cleaned pattern (after patternmatcher.New's own trim and clean)
// into `out`; false with `*why` set when it cannot be used.
static bool make_pattern(pattern *out, bh_arena *arena, const char *p, size_t n,
			 const char **why)
{
	memset(out, 0, sizeof(*out));
	if (p[0] == '!') {
		if (n == 1) {
			*why = "a lone '!' (docker fails the build)";
			return false;
		}
		p++, n--;
		bool ok = compile_literal(out, arena, p, n, why);
		out->exclusion = true;
		return ok;
	}
	return compile_literal(out, arena, p, n, why);
}

// make_pattern for a pattern whose '!' (if any) is already taken off.
static bool compile_literal(pattern *out, bh_arena *arena, const char *p, size_t n,
			    const char **why)
{
	memset(out, 0, sizeof(*out));
	if (memchr(p, '\0', n)) {
		*why = "a NUL byte";
		return false;
	}
	if (!is_valid_match_syntax(p, n)) {
		*why = "invalid syntax (docker fails the build)";
		return false;
	}
	compiled c = { 0 };
	compile_pattern(&c, p, n);
	bool ok = true;
	if (c.invalid) {
		*why = "an inverted range in [...] (docker fails the build)";
		ok = false;
	} else if (c.why) {
		*why = c.why;
		ok = false;
	}
	if (ok) {
		out->text = bh_arena_strndup(arena, p, n);
		out->len = n;
		out->kind = c.kind;
		if (c.kind == KIND_REGEXP) {
			out->toks = bh_arena_memdup(arena, c.toks.items, c.toks.len * sizeof(tok));
			out->ntoks = c.toks.len;
			if (c.ranges.len)
				out->ranges = bh_arena_memdup(arena, c.ranges.items,
							      c.ranges.len * sizeof(rune_range));
		}
	}
	bh_vec_dispose(&c.toks);
	bh_vec_dispose(&c.ranges);
	return ok;
}

// ReadAll then New for one line; `buf` has room for len + 4 bytes. Returns
// the pattern length in buf, or 0 when the line holds no pattern.
static size_t normalize_line(char *buf, const char *s, size_t n)
{
	if (n && s[0] == '#')
		return 0;
	trim_space(&s, &n);
	if (n == 0)
		return 0;
	bool invert = s[0] == '!';
	size_t w = 0;
	if (invert) {
		s++, n--;
		trim_space(&s, &n);
		buf[w++] = '!';
	}
	if (n) {
		size_t k = bh_path_clean(buf + w, s, n);
		if (k > 1 && buf[w] == '/') {
			memmove(buf + w, buf + w + 1, k); // also moves the NUL
			k--;
		}
		w += k;
	}
	buf[w] = '\0';
	// patternmatcher.New trims and cleans the whole string once more,
	// '!' included ("./!a" thus becomes the exclusion "!a").
	const char *q = buf;
	size_t m = w;
	trim_space(&q, &m);
	if (m == 0)
		return 0;
	char *tmp = bh_xmalloc(m + 2);
	size_t k = bh_path_clean(tmp, q, m);
	memcpy(buf, tmp, k + 1);
	free(tmp);
	return k;
}

bh_ignore *bh_ignore_parse(bh_arena *arena, const char *path, const char *text,
			   size_t len, bh_diags *diags)
{
	BH_VEC(pattern) pats = { 0 };
	uint32_t line_no = 0;
	for (size_t pos = 0; pos < len;) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		const char *s = text + pos;
		size_t n = end - pos;
		pos = nl ? end + 1 : len;
		line_no++;
		// bufio.ScanLines drops one CR before the newline.
		if (n && s[n - 1] == '\r')
			n--;
		if (line_no == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3, n -= 3;
		if (n > MAX_LINE) {
			if (diags)
				bh_diag_add(diags, BH_LEVEL_WARNING, "ignore.invalid-pattern",
					    path, line_no, 1, "line longer than %d bytes (docker "
					    "fails the build); ignored", MAX_LINE);
			continue;
		}
		char *buf = bh_xmalloc(n + 4);
		size_t k = normalize_line(buf, s, n);
		if (k) {
			const char *why = NULL;
			pattern pat;
			if (make_pattern(&pat, arena, buf, k, &why)) {
				bh_vec_push(&pats, pat);
			} else if (diags) {
				bh_diag_add(diags, BH_LEVEL_WARNING, "ignore.invalid-pattern", path,
					    line_no, 1, "pattern '%.*s' has %s; ignored",
					    (int)(k > 200 ? 200 : k), buf, why);
			}
		}
		free(buf);
	}
	bh_ignore *ig = bh_arena_alloc(arena, sizeof(*ig));
	if (pats.len)
		ig->pats = bh_arena_memdup(arena, pats.items, pats.len * sizeof(pattern));
	ig->npats = pats.len;
	bh_vec_dispose(&pats);
	return ig;
}

size_t bh_ignore_pattern_count(const bh_ignore *ig)
{
	return ig ? ig->npats : 0;
}

// MatchesUsingParentResults, applied to each directory of `relpath` and
// then to relpath itself, as BuildKit's walker does while descending.
// `parent` holds, per pattern, whether it matched the parent directory
// (NULL at the top); `cur` receives the same for this path.
static bool match_level(const bh_ignore *ig, const char *path, size_t len,
			const bool *parent, bool *cur)
{
	bool matched = false;
	for (size_t i = 0; i < ig->npats; i++) {
		const pattern *pat = &ig->pats[i];
		bool m = parent ? parent[i] : false;
		if (!m) {
			// An inclusion cannot change an excluded path and an
			// exclusion cannot change an included one: skip them
			// (and, as in BuildKit, do not record a match).
			if (pat->exclusion != matched) {
				cur[i] = false;
				continue;
			}
			m = pattern_matches(pat, path, len);
		}
		cur[i] = m;
		if (m)
			matched = !pat->exclusion;
	}
	return matched;
}

bool bh_ignore_excludes(const bh_ignore *ig, const char *relpath)
{
	if (!ig || !ig->npats || !relpath || !*relpath)
		return false;
	bool stack_buf[2 * 32];
	bool *buf = ig->npats <= 32 ? stack_buf : bh_xmalloc(2 * ig->npats * sizeof(bool));
	bool *parent = NULL, *cur = buf, *spare = buf + ig->npats;
	bool matched = false;
	size_t len = strlen(relpath);
	for (size_t end = 0; end <= len; end++) {
		if (end < len && relpath[end] != '/')
			continue;
		if (end == 0 || relpath[end - 1] == '/')
			continue; // a leading or doubled '/' makes no level
		matched = match_level(ig, relpath, end, parent, cur);
		parent = cur;
		cur = spare;
		spare = parent;
	}
	if (buf != stack_buf)
		free(buf);
	return matched;
}

// A glob of --exclude or the config cleaned like a .dockerignore line, but
// '!' has no meaning for a single glob and stays literal. False when it
// cannot be used (it then matches nothing).
static bool make_glob(pattern *out, bh_arena *arena, const char *glob)
{
	memset(out, 0, sizeof(*out));
	if (!glob)
		return false;
	size_t n = strlen(glob);
	const char *s = glob;
	trim_space(&s, &n);
	if (n == 0)
		return false;
	char *buf = bh_arena_alloc(arena, n + 4);
	size_t k = bh_path_clean(buf, s, n);
	if (k > 1 && buf[0] == '/') {
		memmove(buf, buf + 1, k);
		k--;
	}
	const char *why = NULL;
	return compile_literal(out, arena, buf, k, &why);
}

// The path, then each parent directory (MatchesOrParentMatches).
static bool glob_matches(const pattern *pat, const char *relpath)
{
	size_t len = strlen(relpath);
	for (size_t end = 1; end <= len; end++)
		if ((end == len || relpath[end] == '/') && pattern_matches(pat, relpath, end))
			return true;
	return false;
}

bh_ignore *bh_globs_compile(bh_arena *arena, const char *const *globs, size_t n)
{
	bh_ignore *ig = bh_arena_alloc(arena, sizeof(*ig));
	pattern *pats = bh_arena_alloc(arena, (n ? n : 1) * sizeof(*pats));
	for (size_t i = 0; i < n; i++)
		if (!make_glob(&pats[i], arena, globs[i]))
			pats[i].kind = KIND_NONE;
	ig->pats = pats;
	ig->npats = n;
	return ig;
}

long bh_globs_match(const bh_ignore *globs, const char *relpath)
{
	if (!globs || !relpath || !*relpath)
		return -1;
	for (size_t i = 0; i < globs->npats; i++)
		if (globs->pats[i].kind != KIND_NONE && glob_matches(&globs->pats[i], relpath))
			return (long)i;
	return -1;
}

bool bh_glob_match_path(const char *glob, const char *relpath)
{
	if (!glob || !relpath || !*relpath)
		return false;
	bh_arena *arena = bh_arena_new();
	pattern pat;
	bool result = make_glob(&pat, arena, glob) && glob_matches(&pat, relpath);
	bh_arena_free(arena);
	return result;
}
