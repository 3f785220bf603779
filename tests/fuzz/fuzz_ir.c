// SPDX-License-Identifier: MIT
// libFuzzer entry point for the IR decoder (bh_ir_unit_decode): any bytes
// as a cached unit's IR. What decodes must be IR every analysis can walk:
// verified, printable, and encoding it again must decode to the same
// bytes; packed (ir_pack.h) with no body kept, every body decoded again on
// demand must be verified IR that encodes to those bytes too. The cache directory is the user's own, but a disk error, a
// truncated write or another build's file must never become a crash.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/ir_pack.h"
#include "bulkhead/ir_serial.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	bh_ir_unit unit;
	if (bh_ir_unit_decode(&unit, arena, data, size)) {
		FILE *sink = fopen("/dev/null", "w");
		for (const bh_ir_func *fn = unit.first; fn; fn = fn->next) {
			if (!bh_ir_verify(fn, arena, NULL))
				abort();
			if (sink)
				bh_ir_print(sink, fn);
		}
		if (sink)
			fclose(sink);
		bh_bytes once = { 0 }, twice = { 0 };
		bh_ir_unit_encode(&unit, &once);
		bh_ir_unit again;
		if (!bh_ir_unit_decode(&again, arena, once.items, once.len))
			abort();
		bh_ir_unit_encode(&again, &twice);
		if (once.len != twice.len || memcmp(once.items, twice.items, once.len) != 0)
			abort();
		bh_ir_store *store = bh_ir_store_new(0);
		bh_arena *packed = bh_arena_new_chunked(8u << 10);
		bh_ir_unit copy = again;
		bh_ir_unit_pack(&copy, packed, store);
		for (const bh_ir_func *fn = copy.first; fn; fn = fn->next) {
			bh_ir_func_acquire(fn);
			if (!bh_ir_verify(fn, arena, NULL))
				abort();
		}
		bh_bytes thrice = { 0 };
		bh_ir_unit_encode(&copy, &thrice);
		if (once.len != thrice.len || memcmp(once.items, thrice.items, once.len) != 0)
			abort();
		for (const bh_ir_func *fn = copy.first; fn; fn = fn->next)
			bh_ir_func_release(fn);
		bh_ir_store_free(store);
		bh_arena_free(packed);
		bh_vec_dispose(&once);
		bh_vec_dispose(&twice);
		bh_vec_dispose(&thrice);
	}
	bh_arena_free(arena);
	return 0;
}
