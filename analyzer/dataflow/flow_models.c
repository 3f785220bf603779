// SPDX-License-Identifier: MIT
// The model line format and by-name model tables (flow_models.h).
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/diag.h"
#include "bulkhead/vec.h"
#include "dataflow/flow_models.h"

const char *bh_flow__next_word(bh_arena *arena, const char **p)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	const char *start = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	*p = s;
	return s > start ? bh_arena_strndup(arena, start, (size_t)(s - start)) : NULL;
}

const char *bh_flow__trimmed(bh_arena *arena, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n ? bh_arena_strndup(arena, s, n) : NULL;
}

size_t bh_flow__parse_models(const bh_flow__model_format *fmt, void **items, size_t *len, size_t *cap,
			     bh_arena *arena, const char *text, const char *origin_path,
			     unsigned first_line, bh_diags *diags)
{
	size_t bad = 0;
	unsigned lineno = first_line;
	for (const char *s = text; s && *s; lineno++) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		const char *hash = memchr(s, '#', n);
		char *line = bh_arena_strndup(arena, s, hash ? (size_t)(hash - s) : n);
		s = nl ? nl + 1 : NULL;
		if (!bh_flow__trimmed(arena, line))
			continue;
		bh__vec_grow(items, cap, *len + 1, fmt->size);
		unsigned char *model = (unsigned char *)*items + *len * fmt->size;
		memset(model, 0, fmt->size);
		const char *why = fmt->parse(model, arena, line);
		if (why) {
			bh_diag_add(diags, BH_LEVEL_ERROR, fmt->code, origin_path, lineno, 0,
				    "%s skipped: %s", fmt->what, why);
			bad++;
			continue;
		}
		bh_loc origin = { 0 };
		origin.path = origin_path;
		origin.line = lineno;
		memcpy(model + fmt->origin_offset, &origin, sizeof(origin));
		(*len)++;
	}
	return bad;
}

bool bh_flow__parse_index(const char *s, unsigned *index, bool *and_after)
{
	if (!isdigit((unsigned char)*s))
		return false;
	char *end;
	unsigned long n = strtoul(s, &end, 10);
	if (n > 255)
		return false;
	*index = (unsigned)n;
	if (and_after && strcmp(end, "..") == 0) {
		*and_after = true;
		return true;
	}
	return *end == '\0';
}

static const char *name_at(const void *item, size_t name_offset)
{
	const char *name;
	memcpy(&name, (const char *)item + name_offset, sizeof(name));
	return name;
}

// Insertion sort: stable, and model tables are a few hundred entries,
// sorted once per scan.
void bh_flow__sort_models(void *items, size_t n, size_t size, size_t name_offset)
{
	unsigned char *base = items;
	unsigned char *tmp = bh_xmalloc(size ? size : 1);
	for (size_t i = 1; i < n; i++) {
		size_t j = i;
		memcpy(tmp, base + i * size, size);
		const char *key = name_at(tmp, name_offset);
		while (j > 0 && strcmp(name_at(base + (j - 1) * size, name_offset), key) > 0) {
			memcpy(base + j * size, base + (j - 1) * size, size);
			j--;
		}
		memcpy(base + j * size, tmp, size);
	}
	free(tmp);
}

const void *bh_flow__find_models(const void *items, size_t n, size_t size, size_t name_offset,
				 const char *name, size_t *count)
{
	const unsigned char *base = items;
	*count = 0;
	if (!name || !n)
		return NULL;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(name_at(base + mid * size, name_offset), name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < n && strcmp(name_at(base + end * size, name_offset), name) == 0)
		end++;
	*count = end - lo;
	return end > lo ? base + lo * size : NULL;
}
