// SPDX-License-Identifier: MIT
// Region allocator: memory is carved from large chunks and released all at
// once. Deferred disposers release foreign handles (libclang, pcre2) that
// live as long as the arena.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"

#define CHUNK_SIZE (64u * 1024u)
#define ALIGN 16u

typedef struct chunk {
	struct chunk *next;
	size_t size, used;
	// Data follows, aligned: the header is padded to ALIGN bytes.
} chunk;

typedef struct deferred {
	struct deferred *next;
	void (*dispose)(void *);
	void *handle;
} deferred;

struct bh_arena {
	chunk *head;
	deferred *defers;
	size_t total;
	size_t chunk_size;
};

#define HEADER_SIZE ((sizeof(chunk) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

bh_arena *bh_arena_new(void)
{
	return bh_arena_new_chunked(CHUNK_SIZE);
}

bh_arena *bh_arena_new_chunked(size_t chunk_size)
{
	bh_arena *a = bh_xcalloc(1, sizeof(bh_arena));
	a->chunk_size = chunk_size >= 256 ? chunk_size : 256;
	return a;
}

void bh_arena_free(bh_arena *arena)
{
	if (!arena)
		return;
	for (deferred *d = arena->defers; d;) {
		deferred *next = d->next;
		d->dispose(d->handle);
		d = next;
	}
	for (chunk *c = arena->head; c;) {
		chunk *next = c->next;
		free(c);
		c = next;
	}
	free(arena);
}

void *bh_arena_alloc(bh_arena *arena, size_t size)
{
	void *p = bh_arena_alloc_raw(arena, size);
	memset(p, 0, size);
	return p;
}

// `align` bytes apart (a power of two up to ALIGN): objects ALIGN, strings
// 1, so that a name of a few bytes takes its length, not a 16-byte slot.
static void *carve(bh_arena *arena, size_t size, size_t align)
{
	if (size == 0)
		size = 1;
	chunk *c = arena->head;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (!c || at > c->size || c->size - at < size) {
		// Big requests get a chunk of their own, kept behind the current
		// one so the current chunk's free space is not wasted.
		size_t csize = size > arena->chunk_size / 4 ? size : arena->chunk_size;
		chunk *n = bh_xmalloc(HEADER_SIZE + csize);
		n->size = csize;
		n->used = 0;
		if (c && csize != arena->chunk_size) {
			n->next = c->next;
			c->next = n;
		} else {
			n->next = c;
			arena->head = n;
		}
		c = n;
		at = 0;
	}
	void *p = (char *)c + HEADER_SIZE + at;
	c->used = at + size;
	arena->total += size;
	return p;
}

void *bh_arena_alloc_raw(bh_arena *arena, size_t size)
{
	return carve(arena, size, ALIGN);
}

char *bh_arena_strdup(bh_arena *arena, const char *s)
{
	return s ? bh_arena_strndup(arena, s, strlen(s)) : NULL;
}

char *bh_arena_strndup(bh_arena *arena, const char *s, size_t n)
{
	char *p = carve(arena, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *bh_arena_memdup(bh_arena *arena, const void *p, size_t n)
{
	void *q = bh_arena_alloc_raw(arena, n);
	if (n)
		memcpy(q, p, n);
	return q;
}

char *bh_arena_vsprintf(bh_arena *arena, const char *fmt, va_list ap)
{
	// Most messages fit the stack buffer: one formatting pass. (Measuring
	// with vsnprintf(NULL, 0) also trips gcc's -Wformat-truncation under
	// the sanitizers.)
	char small[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(small, sizeof(small), fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return bh_arena_strdup(arena, "");
	if ((size_t)n < sizeof(small))
		return bh_arena_strndup(arena, small, (size_t)n);
	char *p = bh_arena_alloc(arena, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *bh_arena_sprintf(bh_arena *arena, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = bh_arena_vsprintf(arena, fmt, ap);
	va_end(ap);
	return p;
}

void bh_arena_defer(bh_arena *arena, void (*dispose)(void *), void *handle)
{
	deferred *d = bh_arena_alloc(arena, sizeof(*d));
	// The node itself lives in the arena; chunks are freed after disposers run.
	d->dispose = dispose;
	d->handle = handle;
	d->next = arena->defers;
	arena->defers = d;
}

size_t bh_arena_used(const bh_arena *arena)
{
	return arena->total;
}
