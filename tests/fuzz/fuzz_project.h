/* SPDX-License-Identifier: MIT */
/*
 * For the fuzzers of the project readers (CMake, meson), which share one
 * signature: read the input as the top project file, with every other file
 * of the context (a subdirectory's, an included one) the same input again,
 * so that cycles and depth are exercised, and check that every artifact is
 * complete enough to use.
 */
#ifndef BULKHEAD_FUZZ_PROJECT_H
#define BULKHEAD_FUZZ_PROJECT_H

#include <stdint.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"

typedef void (*bh_fuzz_reader)(bh_build_recipes *out, bh_arena *arena, const char *path,
			       const char *text, size_t len, const char *const *options,
			       size_t noptions, const char *const *files, size_t nfiles,
			       bool (*read)(const char *ctx_path, const char **text, size_t *len,
					    void *payload),
			       void *payload, bh_diags *diags);

typedef struct {
	const char *text;
	size_t len;
} bh_fuzz_input;

static bool bh_fuzz_read_same(const char *ctx_path, const char **text, size_t *len, void *payload)
{
	(void)ctx_path;
	const bh_fuzz_input *in = payload;
	*text = in->text;
	*len = in->len;
	return true;
}

static void bh_fuzz_project(const uint8_t *data, size_t size, bh_fuzz_reader reader,
			    const char *file, const char *const options[2])
{
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_diags_init(&diags, arena);

	static const char *const files[] = { "a.c", "src/main.c", "sub/b.c", "lib/x.c" };
	bh_fuzz_input in = { (const char *)data, size };
	bh_build_recipes rec;
	reader(&rec, arena, file, (const char *)data, size, options, 2, files, 4, bh_fuzz_read_same,
	       &in, &diags);
	for (size_t i = 0; i < rec.n; i++) {
		const bh_build_artifact *a = &rec.items[i];
		if (!a->path || !a->name || (a->nsources && !a->sources))
			__builtin_trap(); // every artifact is complete enough to use
		for (size_t k = 0; k < a->nsources; k++)
			if (!a->sources[k] || !memchr(a->sources[k], '.', strlen(a->sources[k]) + 1))
				__builtin_trap(); // a source is a file name
	}

	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

#endif
