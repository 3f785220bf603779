// SPDX-License-Identifier: MIT
// The cache's binary wire format (include/bulkhead/wire.h).
#include <string.h>

#include "bulkhead/wire.h"

void bh_wire_u(bh_bytes *b, uint64_t v)
{
	do {
		unsigned char c = v & 0x7f;
		v >>= 7;
		bh_vec_push(b, (unsigned char)(c | (v ? 0x80 : 0)));
	} while (v);
}

void bh_wire_s(bh_bytes *b, int64_t v)
{
	bh_wire_u(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void bh_wire_raw(bh_bytes *b, const void *p, size_t n)
{
	if (!n)
		return;
	bh_vec_reserve(b, n);
	memcpy(b->items + b->len, p, n);
	b->len += n;
}

void bh_wire_str(bh_bytes *b, const char *s)
{
	// 0: NULL; else 1 + the length, the bytes and the NUL.
	if (!s) {
		bh_wire_u(b, 0);
		return;
	}
	size_t n = strlen(s);
	bh_wire_u(b, (uint64_t)n + 1);
	bh_wire_raw(b, s, n + 1);
}

void bh_wire_blob(bh_bytes *b, const void *p, size_t n)
{
	bh_wire_u(b, n);
	bh_wire_raw(b, p, n);
}

void bh_wire_loc(bh_bytes *b, const bh_loc *l)
{
	bh_wire_str(b, l->path);
	bh_wire_u(b, l->line);
	bh_wire_u(b, l->col);
	bh_wire_u(b, l->end_line);
	bh_wire_u(b, l->end_col);
}

// ------------------------------------------------------------------ reading

bh_wire_reader bh_wire_reader_of(const void *data, size_t len)
{
	const unsigned char *p = data;
	return (bh_wire_reader){ p, p + len, data != NULL || len == 0 };
}

uint64_t bh_wire_get_u(bh_wire_reader *r)
{
	uint64_t v = 0;
	for (unsigned shift = 0; r->ok; shift += 7) {
		if (r->p >= r->end || shift > 63) {
			r->ok = false;
			break;
		}
		unsigned char c = *r->p++;
		if (shift == 63 && (c & 0x7e)) { // bits beyond 64
			r->ok = false;
			break;
		}
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	return 0;
}

uint64_t bh_wire_get_max(bh_wire_reader *r, uint64_t max)
{
	uint64_t v = bh_wire_get_u(r);
	if (v > max)
		r->ok = false;
	return r->ok ? v : 0;
}

int64_t bh_wire_get_s(bh_wire_reader *r)
{
	uint64_t u = bh_wire_get_u(r);
	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

const void *bh_wire_get_raw(bh_wire_reader *r, size_t n)
{
	if (!r->ok || (size_t)(r->end - r->p) < n) {
		r->ok = false;
		return NULL;
	}
	const void *at = r->p;
	r->p += n;
	return at;
}

const char *bh_wire_get_str(bh_wire_reader *r)
{
	uint64_t n = bh_wire_get_max(r, (uint64_t)(r->end - r->p));
	if (!r->ok || n == 0)
		return NULL;
	const char *s = bh_wire_get_raw(r, (size_t)n);
	// The NUL written at the end, and none before it.
	if (!s || s[n - 1] != '\0' || memchr(s, '\0', (size_t)n - 1)) {
		r->ok = false;
		return NULL;
	}
	return s;
}

const void *bh_wire_get_blob(bh_wire_reader *r, size_t *n)
{
	*n = (size_t)bh_wire_get_max(r, (uint64_t)(r->end - r->p));
	const void *at = r->ok ? bh_wire_get_raw(r, *n) : NULL;
	if (!r->ok)
		*n = 0;
	return at;
}

bh_loc bh_wire_get_loc(bh_wire_reader *r)
{
	bh_loc l = { 0 };
	l.path = bh_wire_get_str(r);
	l.line = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	l.col = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	l.end_line = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	l.end_col = (uint32_t)bh_wire_get_max(r, UINT32_MAX);
	return l;
}

bool bh_wire_done(const bh_wire_reader *r)
{
	return r->ok && r->p == r->end;
}
