// SPDX-License-Identifier: MIT
// libFuzzer entry point for the compile_commands.json reader
// (bh_compdb_parse, no context): JSON shape errors, both the "command" and
// "arguments" forms, the shell-style command splitter and the flag filter.
// Build directories and their databases come with the scanned tree.
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

	bh_compdb *db = NULL;
	if (bh_compdb_parse(&db, arena, "compile_commands.json", (const char *)data, size, NULL,
			    &diags) == BH_OK && db) {
		for (size_t i = 0; i < db->entries.len; i++)
			bh_compdb_find(db, db->entries.items[i].file);
	}
	// The splitter on its own, on the raw bytes up to the first NUL.
	const char **argv = NULL;
	const char *cmd = bh_arena_strndup(arena, (const char *)data, size);
	size_t argc = bh_compdb_split_command(&argv, arena, cmd);
	for (size_t i = 0; i < argc;) {
		size_t consumed = 1;
		if (!bh_compdb_keep_flag(argv, argc, i, &consumed) || consumed == 0)
			consumed = 1;
		i += consumed;
	}

	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
