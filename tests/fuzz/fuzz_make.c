// SPDX-License-Identifier: MIT
// libFuzzer entry point for the Makefile readers: the flag reader
// (bh_disc_make_flags: logical lines and continuations, directives,
// assignments of every flavour, reference expansion with its recursion
// guard and limits, recipe lines and the flag filter with its path mapping)
// and the recipe reader (bh_make_recipes: rules, pattern and built-in
// rules, functions, automatic variables, compiler/ar/install lines,
// gathering through objects and libraries). Makefiles come with the
// scanned tree, and image correlation reads every one a `make` in a
// Dockerfile names.
#include <stdint.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_diags_init(&diags, arena);

	bh_disc_flags flags;
	bh_disc_make_flags(&flags, arena, "/ctx", "src/Makefile", (const char *)data, size,
			   &diags);
	if (flags.nargs && !flags.origin)
		__builtin_trap(); // flags always say where they came from

	static const char *const overrides[] = { "PREFIX=/opt", "CFLAGS=-O2" };
	static const char *const files[] = { "src/a.c", "src/main.c", "src/lib/x.c" };
	bh_build_recipes rec;
	bh_make_recipes(&rec, arena, "src/Makefile", (const char *)data, size, overrides, 2, files, 3,
			NULL, NULL, &diags);
	for (size_t i = 0; i < rec.n; i++) {
		const bh_build_artifact *a = &rec.items[i];
		if (!a->path || !a->name || (a->nsources && !a->sources) || (a->nlinks && !a->links))
			__builtin_trap(); // every artifact is complete enough to use
		for (size_t k = 0; k < a->nsources; k++)
			if (!a->sources[k])
				__builtin_trap();
	}

	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
