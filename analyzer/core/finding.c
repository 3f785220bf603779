// SPDX-License-Identifier: MIT
// The finding model shared by every rule family: creation, deep copy,
// deterministic ordering and line-independent fingerprints.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/finding.h"
#include "bulkhead/hash.h"

void bh_findings_init(bh_findings *f, bh_arena *arena)
{
	memset(f, 0, sizeof(*f));
	f->arena = arena;
}

void bh_findings_dispose(bh_findings *f)
{
	bh_vec_dispose(&f->items);
}

static bh_loc copy_loc(bh_arena *arena, bh_loc loc)
{
	loc.path = bh_arena_strdup(arena, loc.path);
	return loc;
}

bh_finding *bh_finding_add(bh_findings *f, const bh_rule *rule, bh_loc loc,
			   const char *fmt, ...)
{
	bh_finding *fd = bh_vec_grow_one(&f->items);
	fd->rule = rule;
	fd->level = rule->level;
	fd->loc = copy_loc(f->arena, loc);
	va_list ap;
	va_start(ap, fmt);
	fd->message = bh_arena_vsprintf(f->arena, fmt, ap);
	va_end(ap);
	return fd;
}

// Steps are stored in arena arrays; growing copies them, which is cheap
// because flows are short.
static void add_step(bh_arena *arena, bh_finding_step **arr, size_t *n,
		     bh_loc loc, const char *message)
{
	bh_finding_step *grown = bh_arena_alloc(arena, (*n + 1) * sizeof(**arr));
	if (*n)
		memcpy(grown, *arr, *n * sizeof(**arr));
	grown[*n].loc = copy_loc(arena, loc);
	grown[*n].message = bh_arena_strdup(arena, message);
	*arr = grown;
	(*n)++;
}

void bh_finding_add_flow(bh_findings *f, bh_finding *fd, bh_loc loc, const char *message)
{
	add_step(f->arena, &fd->flow, &fd->nflow, loc, message);
}

void bh_finding_add_related(bh_findings *f, bh_finding *fd, bh_loc loc, const char *message)
{
	add_step(f->arena, &fd->related, &fd->nrelated, loc, message);
}

static const bh_finding_fix *copy_fix(bh_arena *arena, const bh_finding_fix *fix)
{
	if (!fix)
		return NULL;
	bh_finding_fix *out = bh_arena_alloc(arena, sizeof(*out));
	out->title = bh_arena_strdup(arena, fix->title);
	out->loc = copy_loc(arena, fix->loc);
	out->text = bh_arena_strdup(arena, fix->text);
	return out;
}

void bh_finding_set_fix(bh_findings *f, bh_finding *fd, const char *title, bh_loc loc,
			const char *text)
{
	fd->fix = copy_fix(f->arena, &(bh_finding_fix){ title, loc, text });
}

static bh_finding_step *copy_steps(bh_arena *arena, const bh_finding_step *s, size_t n)
{
	if (!n)
		return NULL;
	bh_finding_step *out = bh_arena_alloc(arena, n * sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		out[i].loc = copy_loc(arena, s[i].loc);
		out[i].message = bh_arena_strdup(arena, s[i].message);
	}
	return out;
}

const bh_finding *bh_findings_find(const bh_findings *f, const bh_rule *rule, const bh_loc *loc,
				   const char *snippet)
{
	for (size_t i = 0; i < f->items.len; i++) {
		const bh_finding *x = &f->items.items[i];
		if (x->rule == rule && x->loc.line == loc->line && x->loc.col == loc->col && x->loc.path &&
		    loc->path && strcmp(x->loc.path, loc->path) == 0 &&
		    (!snippet || !x->snippet || strcmp(x->snippet, snippet) == 0))
			return x;
	}
	return NULL;
}

static void append_one(bh_findings *dst, const bh_finding *s)
{
	bh_finding *d = bh_vec_grow_one(&dst->items);
	*d = *s;
	d->message = bh_arena_strdup(dst->arena, s->message);
	d->loc = copy_loc(dst->arena, s->loc);
	d->function = bh_arena_strdup(dst->arena, s->function);
	d->snippet = bh_arena_strdup(dst->arena, s->snippet);
	d->note = bh_arena_strdup(dst->arena, s->note);
	d->suppress_reason = bh_arena_strdup(dst->arena, s->suppress_reason);
	d->related = copy_steps(dst->arena, s->related, s->nrelated);
	d->flow = copy_steps(dst->arena, s->flow, s->nflow);
	d->fix = copy_fix(dst->arena, s->fix);
}

void bh_findings_append(bh_findings *dst, const bh_findings *src)
{
	bh_vec_reserve(&dst->items, src->items.len);
	for (size_t i = 0; i < src->items.len; i++)
		append_one(dst, &src->items.items[i]);
}

void bh_findings_append_new(bh_findings *dst, const bh_findings *src)
{
	for (size_t i = 0; i < src->items.len; i++) {
		const bh_finding *s = &src->items.items[i];
		if (!bh_findings_find(dst, s->rule, &s->loc, NULL))
			append_one(dst, s);
	}
}

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int compare_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

static int compare_finding(const void *pa, const void *pb)
{
	const bh_finding *a = pa, *b = pb;
	int c;
	if ((c = strcmp_null(a->loc.path, b->loc.path)))
		return c;
	if ((c = compare_u32(a->loc.line, b->loc.line)))
		return c;
	if ((c = compare_u32(a->loc.col, b->loc.col)))
		return c;
	if ((c = strcmp(a->rule->id, b->rule->id)))
		return c;
	if ((c = strcmp(a->message, b->message)))
		return c;
	if ((c = compare_u32(a->loc.end_line, b->loc.end_line)))
		return c;
	return compare_u32(a->loc.end_col, b->loc.end_col);
}

void bh_findings_sort_unique(bh_findings *f)
{
	if (f->items.len < 2)
		return;
	qsort(f->items.items, f->items.len, sizeof(bh_finding), compare_finding);
	size_t out = 1;
	for (size_t i = 1; i < f->items.len; i++) {
		if (compare_finding(&f->items.items[out - 1], &f->items.items[i]) != 0)
			f->items.items[out++] = f->items.items[i];
	}
	f->items.len = out;
}

// A 128-bit fingerprint (bh_hash128): collisions between findings of one
// project are not a practical concern, and no cryptographic strength is
// needed.
typedef bh_hash128 hash128;

static void hash_field(hash128 *h, const char *s)
{
	// The separator keeps ("ab","c") apart from ("a","bc").
	if (s)
		bh_hash128_bytes(h, s, strlen(s));
	bh_hash128_bytes(h, "\x1f", 1);
}

static hash128 key_hash(const bh_finding *fd)
{
	hash128 h = BH_HASH128_INIT;
	hash_field(&h, fd->rule->id);
	hash_field(&h, fd->loc.path);
	hash_field(&h, fd->function);
	// Without a snippet the message stands in: still line-independent.
	hash_field(&h, fd->snippet ? fd->snippet : fd->message);
	return h;
}

typedef struct {
	hash128 key;
	size_t index;
} keyed;

static int compare_keyed(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	if (a->key.a != b->key.a)
		return a->key.a < b->key.a ? -1 : 1;
	if (a->key.b != b->key.b)
		return a->key.b < b->key.b ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

void bh_findings_fingerprint(bh_findings *f)
{
	// Findings with the same key are numbered in document order, so two
	// identical calls in one function get distinct, stable fingerprints.
	size_t n = f->items.len;
	keyed *keys = bh_xmalloc((n ? n : 1) * sizeof(*keys));
	for (size_t i = 0; i < n; i++) {
		keys[i].key = key_hash(&f->items.items[i]);
		keys[i].index = i;
	}
	qsort(keys, n, sizeof(*keys), compare_keyed);
	unsigned ordinal = 0;
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && keys[i].key.a == keys[i - 1].key.a &&
			    keys[i].key.b == keys[i - 1].key.b;
		ordinal = same ? ordinal + 1 : 0;
		hash128 h = keys[i].key;
		char num[16];
		snprintf(num, sizeof(num), "%u", ordinal);
		hash_field(&h, num);
		bh_finding *fd = &f->items.items[keys[i].index];
		bh_hash128_hex(&h, fd->fingerprint);
	}
	free(keys);
}

const char *bh_finding_normalize_snippet(bh_arena *arena, const char *text, size_t len)
{
	char *out = bh_arena_alloc(arena, len + 1);
	size_t n = 0;
	bool space = false;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

const char *bh_finding_redact(bh_arena *arena, const char *secret, size_t len)
{
	size_t shown = len / 4;
	if (shown > 4)
		shown = 4;
	// Never cut a UTF-8 sequence in half: back off to a character start.
	while (shown > 0 && ((unsigned char)secret[shown] & 0xC0) == 0x80)
		shown--;
	return bh_arena_sprintf(arena, "%.*s\u2026 (%zu chars)", (int)shown, secret, len);
}
