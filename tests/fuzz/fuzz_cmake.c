// SPDX-License-Identifier: MIT
// libFuzzer entry point for the CMake project reader (bh_cmake_recipes): its tokenizer,
// variables, target and install commands, subdirectories (every one reads
// the same input again, so cycles and depth are exercised) and the
// gathering of sources through libraries. Project files come with the
// scanned tree, and image correlation reads the one a configure step in a
// Dockerfile names.
#include <stdint.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	const char *text;
	size_t len;
} input;

// Any other file of the context (a subdirectory's CMakeLists.txt, an
// included file) is this input again.
static bool read_same(const char *ctx_path, const char **text, size_t *len, void *payload)
{
	(void)ctx_path;
	const input *in = payload;
	*text = in->text;
	*len = in->len;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_diags_init(&diags, arena);

	static const char *const options[] = { "CMAKE_INSTALL_PREFIX=/opt", "CMAKE_BUILD_TYPE=Release" };
	static const char *const files[] = { "a.c", "src/main.c", "sub/b.c", "lib/x.c" };
	input in = { (const char *)data, size };
	bh_build_recipes rec;
	bh_cmake_recipes(&rec, arena, "CMakeLists.txt", (const char *)data, size, options, 2, files, 4, read_same,
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
	return 0;
}
