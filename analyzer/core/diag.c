// SPDX-License-Identifier: MIT
// Diagnostics about Bulkhead's own run. Each file's diagnostics are capped
// so that one hostile file cannot drown the report (sparse's lib.c does the
// same): past the cap, one "diag.too-many" note stands for the rest.
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"

void bh_diags_init(bh_diags *d, bh_arena *arena)
{
	memset(d, 0, sizeof(*d));
	d->arena = arena;
}

void bh_diags_dispose(bh_diags *d)
{
	bh_vec_dispose(&d->items);
}

// How many diagnostics `path` has, or SIZE_MAX when one of them says
// exactly this already (an analysis that runs twice over a function must
// not say twice that it stopped).
static size_t count_for_path(const bh_diags *d, bh_level level, const char *code, const char *path,
			     uint32_t line, uint32_t col, const char *message)
{
	size_t n = 0;
	for (size_t i = 0; i < d->items.len; i++) {
		const bh_diag *g = &d->items.items[i];
		if (!bh_str_equal(g->loc.path, path))
			continue;
		if (g->loc.line == line && g->loc.col == col && g->level == level &&
		    strcmp(g->code, code) == 0 && bh_str_equal(g->message, message))
			return SIZE_MAX;
		n++;
	}
	return n;
}

static void push(bh_diags *d, bh_level level, const char *code, const char *path,
		 uint32_t line, uint32_t col, const char *message)
{
	bh_diag *g = bh_vec_grow_one(&d->items);
	g->level = level;
	g->code = bh_arena_strdup(d->arena, code);
	g->loc.path = bh_arena_strdup(d->arena, path);
	g->loc.line = line;
	g->loc.col = col;
	g->message = message;
}

void bh_diag_add(bh_diags *d, bh_level level, const char *code, const char *path,
		 uint32_t line, uint32_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = bh_arena_vsprintf(d->arena, fmt, ap);
	va_end(ap);
	// The cap applies per file; run-wide diagnostics (path NULL) are few.
	size_t n = count_for_path(d, level, code, path, line, col, msg);
	if (n == SIZE_MAX || (path && n > BH_DIAG_MAX_PER_FILE))
		return;
	if (path && n == BH_DIAG_MAX_PER_FILE) {
		push(d, BH_LEVEL_NOTE, "diag.too-many", path, 0, 0,
		     "too many diagnostics for this file; the rest are not shown");
		return;
	}
	push(d, level, code, path, line, col, msg);
}

void bh_diags_append(bh_diags *dst, const bh_diags *src)
{
	for (size_t i = 0; i < src->items.len; i++) {
		const bh_diag *s = &src->items.items[i];
		push(dst, s->level, s->code, s->loc.path, s->loc.line, s->loc.col,
		     bh_arena_strdup(dst->arena, s->message));
	}
}

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int compare_diag(const void *pa, const void *pb)
{
	const bh_diag *a = pa, *b = pb;
	int c = strcmp_null(a->loc.path, b->loc.path);
	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	if ((c = strcmp(a->code, b->code)))
		return c;
	return strcmp(a->message, b->message);
}

void bh_diags_sort(bh_diags *d)
{
	if (d->items.len > 1)
		qsort(d->items.items, d->items.len, sizeof(bh_diag), compare_diag);
}

bool bh_diags_has_error(const bh_diags *d)
{
	for (size_t i = 0; i < d->items.len; i++)
		if (d->items.items[i].level == BH_LEVEL_ERROR)
			return true;
	return false;
}
