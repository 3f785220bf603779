// SPDX-License-Identifier: MIT
// Source text with a line index: loaded once, referred to by offset and line.
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/source.h"

bh_source *bh_source_from_bytes(bh_arena *arena, const char *path,
				const char *data, size_t len)
{
	bh_source *src = bh_arena_alloc(arena, sizeof(*src));
	char *copy = bh_arena_alloc(arena, len + 1);
	if (len)
		memcpy(copy, data, len);
	src->path = bh_arena_strdup(arena, path);
	src->data = copy;
	src->len = len;

	uint32_t nlines = 1;
	for (size_t i = 0; i < len; i++)
		if (copy[i] == '\n' && i + 1 < len)
			nlines++;
	uint32_t *lines = bh_arena_alloc(arena, nlines * sizeof(uint32_t));
	uint32_t k = 0;
	lines[k++] = 0;
	for (size_t i = 0; i < len; i++)
		if (copy[i] == '\n' && i + 1 < len)
			lines[k++] = (uint32_t)(i + 1);
	src->lines = lines;
	src->nlines = nlines;
	return src;
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
