// SPDX-License-Identifier: MIT
// Open buffers and LSP positions. A position is (line, character), both
// 0-based; the character counts UTF-16 code units unless the client chose
// UTF-8 at initialize. Bulkhead counts bytes, so every range crosses this
// file. Invalid UTF-8 counts one unit per byte, as editors display it.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/common.h"
#include "bulkhead/vec.h"
#include "lsp/lsp_internal.h"

void bh_lsp__text_set(bh_lsp__text *t, const char *s, size_t n)
{
	bh_lsp__text_replace(t, 0, t->len, s, n);
}

void bh_lsp__text_dispose(bh_lsp__text *t)
{
	free(t->data);
	*t = (bh_lsp__text){ 0 };
}

void bh_lsp__text_replace(bh_lsp__text *t, size_t start, size_t end, const char *s, size_t n)
{
	if (start > t->len)
		start = t->len;
	if (end > t->len)
		end = t->len;
	if (end < start)
		end = start;
	size_t len = t->len - (end - start) + n;
	bh__vec_grow((void **)&t->data, &t->cap, len + 1, 1);
	memmove(t->data + start + n, t->data + end, t->len - end);
	if (n)
		memcpy(t->data + start, s, n);
	t->len = len;
	t->data[len] = '\0';
}

// Length in bytes of the UTF-8 sequence starting at `p` (1 for a byte
// that does not start a valid sequence) and its UTF-16 units.
static size_t utf8_step(const unsigned char *p, size_t left, uint32_t *units)
{
	size_t n = p[0] < 0x80 ? 1 : (p[0] >> 5) == 6 ? 2 : (p[0] >> 4) == 14 ? 3 : (p[0] >> 3) == 30 ? 4 : 1;
	if (n > left)
		n = 1;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			n = 1;
	*units = n == 4 ? 2 : 1;
	return n;
}

size_t bh_lsp__offset(const char *text, size_t len, uint32_t line, uint32_t character, bool utf16)
{
	size_t i = 0;
	for (uint32_t l = 0; l < line; l++) {
		const char *nl = memchr(text + i, '\n', len - i);
		if (!nl)
			return len;
		i = (size_t)(nl - text) + 1;
	}
	uint32_t units = 0;
	while (i < len && text[i] != '\n' && units < character) {
		uint32_t u = 1;
		size_t step = utf16 ? utf8_step((const unsigned char *)text + i, len - i, &u) : 1;
		if (units + u > character)
			break; // inside a surrogate pair: stop before it
		units += u;
		i += step;
	}
	return i;
}

uint32_t bh_lsp__character(const char *line, size_t n, size_t col, bool utf16)
{
	if (col > n)
		col = n;
	if (!utf16)
		return (uint32_t)col;
	uint32_t units = 0;
	for (size_t i = 0; i < col;) {
		uint32_t u;
		i += utf8_step((const unsigned char *)line + i, n - i, &u);
		units += u;
	}
	return units;
}

uint32_t bh_lsp__count_lines(const char *s, size_t n)
{
	uint32_t k = 0;
	for (const char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		k++;
	return k;
}
