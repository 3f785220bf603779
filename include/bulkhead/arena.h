/* SPDX-License-Identifier: MIT */
/*
 * Region allocator. Everything with the lifetime of a unit of work (a run,
 * a translation unit, an LSP document version) is allocated from one arena
 * and freed at once. Nothing in an arena is freed on its own.
 *
 * An arena is not thread-safe: each worker thread uses its own.
 */
#ifndef BULKHEAD_ARENA_H
#define BULKHEAD_ARENA_H

#include <stdarg.h>
#include "common.h"

typedef struct bh_arena bh_arena;

/** A new empty arena. Ownership: caller frees with bh_arena_free. */
bh_arena *bh_arena_new(void);

/**
 * An arena that carves chunks of `chunk_size` bytes rather than 64 KiB:
 * for many small arenas kept for a whole run (one per packed unit), where
 * the unused end of each chunk would add up.
 */
bh_arena *bh_arena_new_chunked(size_t chunk_size);

/** Run the deferred disposers (last registered first), then free all memory. NULL is a no-op. */
void bh_arena_free(bh_arena *arena);

/** `size` bytes aligned for any type, zero-filled. Never NULL. */
void *bh_arena_alloc(bh_arena *arena, size_t size);

/**
 * Like bh_arena_alloc but the memory is not zeroed: for buffers the caller
 * fills at once (copies of file contents), where zeroing costs a pass.
 */
void *bh_arena_alloc_raw(bh_arena *arena, size_t size);

/** Copy of `s` (NULL gives NULL). Strings are packed, not aligned. */
char *bh_arena_strdup(bh_arena *arena, const char *s);

/** Copy of the first `n` bytes of `s`, NUL-terminated. */
char *bh_arena_strndup(bh_arena *arena, const char *s, size_t n);

/** Copy of `n` bytes, aligned for any type. */
void *bh_arena_memdup(bh_arena *arena, const void *p, size_t n);

/** printf into the arena. */
char *bh_arena_sprintf(bh_arena *arena, const char *fmt, ...) BH_PRINTF(2, 3);
char *bh_arena_vsprintf(bh_arena *arena, const char *fmt, va_list ap);

/**
 * Register `dispose(handle)` to run when the arena is freed: how a foreign
 * handle (a CXTranslationUnit, a pcre2_code) kept in arena memory is released.
 */
void bh_arena_defer(bh_arena *arena, void (*dispose)(void *), void *handle);

/** Bytes handed out so far (for budgets and tests). */
size_t bh_arena_used(const bh_arena *arena);

#endif
