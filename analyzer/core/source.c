// SPDX-License-Identifier: MIT
// Source text with a line index: loaded once, referred to by offset and line.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/source.h"

// Count the lines of `data` and, when `starts` is given, record where each
// begins. A final newline does not start a line. memchr keeps this at
// memory speed, which matters for the secret scanner's throughput.
static uint32_t index_lines(const char *data, size_t len, uint32_t *starts)
{
	uint32_t n = 1;
	if (starts)
		starts[0] = 0;
	const char *end = data + len;
	for (const char *p = data; (p = memchr(p, '\n', (size_t)(end - p))) && ++p < end;) {
		if (starts)
			starts[n] = (uint32_t)(p - data);
		n++;
	}
	return n;
}

static bh_source *make_source(bh_arena *arena, const char *path, const char *data, size_t len)
{
	bh_source *src = bh_arena_alloc(arena, sizeof(*src));
	src->path = bh_arena_strdup(arena, path);
	src->data = data;
	src->len = len;
	src->nlines = index_lines(data, len, NULL);
	uint32_t *lines = bh_arena_alloc_raw(arena, src->nlines * sizeof(uint32_t));
	index_lines(data, len, lines);
	src->lines = lines;
	return src;
}

bh_source *bh_source_from_bytes(bh_arena *arena, const char *path,
				const char *data, size_t len)
{
	char *copy = bh_arena_alloc_raw(arena, len + 1);
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	return make_source(arena, path, copy, len);
}

bh_source *bh_source_adopt(bh_arena *arena, const char *path, char *data, size_t len)
{
	bh_assert(data[len] == '\0');
	bh_arena_defer(arena, free, data);
	return make_source(arena, path, data, len);
}

const char *bh_source_line(const bh_source *src, uint32_t line, size_t *len_out)
{
	if (line == 0 || line > src->nlines || (src->len == 0 && line > 1))
		return NULL;
	size_t start = src->lines[line - 1];
	size_t end = line < src->nlines ? src->lines[line] : src->len;
	if (end > start && src->data[end - 1] == '\n')
		end--;
	if (end > start && src->data[end - 1] == '\r')
		end--;
	*len_out = end - start;
	return src->data + start;
}

void bh_source_position(const bh_source *src, size_t offset, uint32_t *line, uint32_t *col)
{
	// Binary search for the last line start <= offset.
	uint32_t lo = 0, hi = src->nlines;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	*line = lo + 1;
	*col = (uint32_t)(offset - src->lines[lo]) + 1;
}

bool bh_source_is_binary(const char *data, size_t len)
{
	// git's heuristic: a NUL byte in the first 8000 bytes means binary.
	size_t n = len < 8000 ? len : 8000;
	return memchr(data, '\0', n) != NULL;
}
