// SPDX-License-Identifier: MIT
// `bulkhead dump ir|cfg`: one C file at a time through libclang and the
// lowering, printed by ir_print.c. Outside the pipeline on purpose: no
// context walk and no rules, so a single file can be looked at (and
// golden-tested, tests/ir/) in isolation.
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/clang.h"
#include "bulkhead/diag.h"
#include "bulkhead/fileio.h"
#include "bulkhead/disc.h"
#include "bulkhead/dump.h"
#include "bulkhead/ir.h"

// Whole file into the arena; NULL (diagnosed) on failure. (The user named
// it: a symlink is followed, and there is no size limit.)
static char *read_file(bh_arena *arena, const char *path, size_t *len, bh_diags *diags)
{
	char *text = NULL;
	int errnum = 0;
	if (bh_file_read_path(&text, len, path, UINT64_MAX, &errnum) != BH_OK) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "dump.unreadable", path, 0, 0,
			    "cannot read compilation database: %s", strerror(errnum));
		return NULL;
	}
	char *buf = bh_arena_memdup(arena, text, *len + 1); // with its NUL
	free(text);
	return buf;
}

// The root for `file` (both canonical): the requested context, else the
// current directory when it holds the file, else the file's directory.
static const char *pick_root(bh_arena *arena, const char *context, const char *file)
{
	char real[PATH_MAX];
	if (context)
		return realpath(context, real) ? bh_arena_strdup(arena, real) : NULL;
	if (realpath(".", real)) {
		size_t n = strlen(real);
		if ((n == 1 && real[0] == '/') || (strncmp(file, real, n) == 0 && file[n] == '/'))
			return bh_arena_strdup(arena, real);
	}
	const char *slash = strrchr(file, '/');
	return slash == file ? "/" : bh_arena_strndup(arena, file, (size_t)(slash - file));
}

static const bh_compdb_entry *find_entry(const bh_compdb *db, const char *abs)
{
	for (size_t i = 0; db && i < db->entries.len; i++) {
		char real[PATH_MAX];
		const bh_compdb_entry *e = &db->entries.items[i];
		if (e->file && realpath(e->file, real) && strcmp(real, abs) == 0)
			return e;
	}
	return NULL;
}

static void print_unit(FILE *out, const bh_ir_unit *ir, bh_dump_kind kind)
{
	for (const bh_ir_func *fn = ir->first; fn; fn = fn->next) {
		if (kind == BH_DUMP_IR)
			bh_ir_print(out, fn);
		else if (kind == BH_DUMP_CFG)
			bh_ir_print_cfg(out, fn);
		else
			bh_ir_print_dot(out, fn);
	}
}

bh_status bh_dump_run(FILE *out, const bh_dump_options *opts, bh_diags *diags)
{
	if (!out || !opts || !diags || (opts->nfiles && !opts->files))
		return BH_EINVAL;
	bh_arena *arena = bh_arena_new();
	bh_compdb *db = NULL;
	if (opts->compile_commands) {
		size_t len = 0;
		char *json = read_file(arena, opts->compile_commands, &len, diags);
		if (json)
			bh_compdb_parse(&db, arena, opts->compile_commands, json, len, NULL, diags);
	}
	for (size_t i = 0; i < opts->nfiles; i++) {
		char abs[PATH_MAX];
		if (!realpath(opts->files[i], abs)) {
			bh_diag_add(diags, BH_LEVEL_ERROR, "dump.not-found", opts->files[i], 0, 0,
				    "cannot open: %s", strerror(errno));
			continue;
		}
		const char *root = pick_root(arena, opts->context, abs);
		size_t rn = root ? strlen(root) : 0;
		bool inside = root && ((rn == 1 && root[0] == '/') ||
				       (strncmp(abs, root, rn) == 0 && abs[rn] == '/'));
		if (!inside) {
			bh_diag_add(diags, BH_LEVEL_ERROR, "dump.outside-context", opts->files[i],
				    0, 0, "file is not inside the context '%s'",
				    opts->context ? opts->context : ".");
			continue;
		}
		bh_unit unit = { 0 };
		unit.abs_path = bh_arena_strdup(arena, abs);
		unit.path = bh_arena_strdup(arena, abs + (rn == 1 ? 1 : rn + 1));
		const bh_compdb_entry *e = find_entry(db, abs);
		unit.args = e ? e->args : NULL;
		unit.nargs = e ? e->nargs : 0;
		unit.flags_source = e ? BH_FLAGS_COMPDB : BH_FLAGS_FALLBACK;
		bh_ir_unit ir;
		bh_clang_lower(&ir, arena, &unit, root, diags);
		print_unit(out, &ir, opts->kind);
	}
	// Diagnostics keep their strings in their own arena; ours can go.
	bh_arena_free(arena);
	return BH_OK;
}
