// SPDX-License-Identifier: MIT
// libFuzzer entry point for the Makefile flag reader (bh_disc_make_flags):
// logical lines and continuations, directives, assignments of every
// flavour, reference expansion with its recursion guard and limits, recipe
// lines and the flag filter with its path mapping. Makefiles come with the
// scanned tree.
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

	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
