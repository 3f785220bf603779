/* SPDX-License-Identifier: MIT */
/*
 * Discovery: from the context inventory to units of analysis. For C that
 * means each translation unit with the flags libclang needs, taken from
 * compile_commands.json when there is one, or fallback flags otherwise.
 */
#ifndef BULKHEAD_DISC_H
#define BULKHEAD_DISC_H

#include "common.h"
#include "vec.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;
typedef struct bh_ctx bh_ctx;

/* ------------------------------------------------- compile_commands.json */

/** One entry of a compilation database, flags already filtered. */
typedef struct {
	const char *file;       /* as written, made absolute against `directory` */
	const char *directory;  /* absolute as written in the database */
	const char *output;     /* "output" made absolute, or NULL */
	const char **args;      /* kept flags only (-I -D -U -include -isystem -iquote -std -f.. -m.. --target -x), -I paths made absolute */
	size_t nargs;
	const char *ctx_path;   /* context-relative path of `file`, or NULL if it maps to no context file */
} bh_compdb_entry;

typedef struct {
	const char *path;       /* where it was read from (context-relative if inside) */
	BH_VEC(bh_compdb_entry) entries;
} bh_compdb;

/**
 * Parse a compilation database (both the "command" and "arguments" forms).
 * A malformed file or entry becomes an error diagnostic naming `db_path`
 * and the entry index; good entries are kept. Paths in the database that
 * point outside the context are mapped to context files by the longest
 * common path suffix (databases generated inside a container use /src/...);
 * `ctx` may be NULL (then ctx_path stays NULL).
 * Ownership: `*out` lives in `arena`; never NULL on BH_OK.
 */
bh_status bh_compdb_parse(bh_compdb **out, bh_arena *arena, const char *db_path,
			  const char *json, size_t len, const bh_ctx *ctx, bh_diags *diags);

/**
 * Find and read the database: `explicit_path` if given (must exist), else
 * compile_commands.json at the context root, then in `build*` directories
 * at the root (first in name order). `*out` is NULL when there is none.
 */
bh_status bh_compdb_discover(bh_compdb **out, bh_arena *arena, bh_ctx *ctx,
			     const char *explicit_path, bh_diags *diags);

/** The entry for a context-relative path, or NULL. */
const bh_compdb_entry *bh_compdb_find(const bh_compdb *db, const char *ctx_path);

/**
 * Split a shell-style command line ("command" form) into words with the
 * quoting rules of a POSIX shell (no expansion). Ownership: arena.
 */
size_t bh_compdb_split_command(const char ***argv_out, bh_arena *arena, const char *command);

/** True if the compiler flag at argv[i] is one libclang needs; *consumed gets 1 or 2 (flag with separate value). */
bool bh_compdb_keep_flag(const char *const *argv, size_t argc, size_t i, size_t *consumed);

/* ------------------------------------------------------------------ units */

/** How a C unit's flags were found. */
typedef enum {
	BH_FLAGS_COMPDB,    /* from compile_commands.json */
	BH_FLAGS_FALLBACK,  /* inferred: include dirs that exist in the context */
} bh_flags_source;

/** One C translation unit to parse. */
typedef struct {
	const char *path;        /* context-relative */
	const char *abs_path;    /* absolute path on disk */
	const char **args;       /* flags for libclang (no compiler, no file, no -c/-o) */
	size_t nargs;
	bh_flags_source flags_source;
} bh_unit;

typedef BH_VEC(bh_unit) bh_units;

/**
 * List the C translation units of the context: every non-excluded
 * BH_FILE_C_SOURCE, with its database flags, or with fallback flags (-I
 * for the context root and for every directory holding a header, plus any
 * ancestor of one named "include", in path order) when it has no entry.
 * Ownership: strings in `arena`; the caller disposes the vector with
 * bh_vec_dispose.
 */
void bh_disc_units(bh_units *out, bh_arena *arena, const bh_ctx *ctx,
		   const bh_compdb *db, bh_diags *diags);

#endif
