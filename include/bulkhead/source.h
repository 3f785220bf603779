/* SPDX-License-Identifier: MIT */
/*
 * Source text of one file, loaded once, with a line index. Everything else
 * refers to it by offset or line.
 */
#ifndef BULKHEAD_SOURCE_H
#define BULKHEAD_SOURCE_H

#include "common.h"

typedef struct bh_arena bh_arena;

typedef struct {
	const char *path;        /* relative to the context root */
	const char *data;        /* NUL-terminated copy; may contain other NULs */
	size_t len;
	const uint32_t *lines;   /* byte offset of the start of each line */
	uint32_t nlines;
} bh_source;

/**
 * Make a source from `len` bytes. Ownership: the source, its copy of the
 * bytes and the line index live in `arena`.
 */
bh_source *bh_source_from_bytes(bh_arena *arena, const char *path,
				const char *data, size_t len);

/**
 * Make a source that takes over `data`, a heap buffer of `len` bytes
 * followed by a NUL (as bh_file_read_fd returns): no copy is made, and the
 * buffer is freed with the arena.
 */
bh_source *bh_source_adopt(bh_arena *arena, const char *path, char *data, size_t len);

/**
 * Text of line `line` (1-based) without its newline (and without a CR
 * before it); `*len_out` gets its length. NULL if out of range.
 */
const char *bh_source_line(const bh_source *src, uint32_t line, size_t *len_out);

/** 1-based line and byte column of `offset`. */
void bh_source_position(const bh_source *src, size_t offset, uint32_t *line, uint32_t *col);

/** True if the bytes look binary (a NUL in the first 8 KiB, like git). */
bool bh_source_is_binary(const char *data, size_t len);

#endif
