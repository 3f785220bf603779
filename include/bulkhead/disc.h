/* SPDX-License-Identifier: MIT */
/*
 * Discovery: from the context inventory to units of analysis. For C that
 * means each translation unit with the flags libclang needs, taken from
 * compile_commands.json when there is one, else inferred from the build
 * files of the context (Makefiles, compiler lines of Dockerfile RUNs),
 * else fallback flags. Nothing of the scanned tree is ever executed.
 */
#ifndef BULKHEAD_DISC_H
#define BULKHEAD_DISC_H

#include "common.h"
#include "vec.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;
typedef struct bh_ctx bh_ctx;
typedef struct bh_img bh_img;

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

/* --------------------------------------------------------- inferred flags */

/**
 * Compile flags inferred from a build file: only the flags that change how
 * code parses (-D, -U, -I, -iquote, -isystem, -idirafter, -include,
 * -imacros, -std=, -ansi), in order and without duplicates. Path values are
 * absolute and inside the context; a path that leaves the context, or that
 * still holds an unexpanded `$`, is dropped.
 */
typedef struct {
	const char **args;      /* arena */
	size_t nargs;
	const char *origin;     /* "src/Makefile:12": the first line that gave a flag;
				   NULL if none */
} bh_disc_flags;

/**
 * Infer flags from the Makefile `path` (context-relative; its directory is
 * the base of relative paths) whose text is `text`/`len`, for a context
 * whose absolute root is `root`.
 *
 * Reads, never runs: simple assignments (`=`, `:=`, `::=`, `?=`, `+=`,
 * with `override`/`export`/`private`, continuation lines) and `$(VAR)`,
 * `${VAR}`, `$V` references to variables of the same file are understood;
 * `!=`, functions, substitution references, automatic variables, and
 * assignments inside conditionals are not (a word that still holds `$` is
 * dropped). `include`/`-include` are ignored. Flags come from CPPFLAGS,
 * CFLAGS, then recipe lines that invoke a C compiler ($(CC), cc, gcc,
 * clang, ...). A self-referencing variable (`A = $(A)`) expands once.
 * Hostile text (NUL bytes, huge lines, unterminated `$(`) is handled; a
 * limit reached becomes a "disc.makefile-limit" warning.
 * Ownership: strings in `arena`; `out->args` is never NULL.
 */
void bh_disc_make_flags(bh_disc_flags *out, bh_arena *arena, const char *root, const char *path,
			const char *text, size_t len, bh_diags *diags);

/* ------------------------------------------------------------------ units */

/** How a C unit's flags were found. */
typedef enum {
	BH_FLAGS_COMPDB,    /* from compile_commands.json */
	BH_FLAGS_FALLBACK,  /* guessed: include dirs that exist in the context */
	BH_FLAGS_INFERRED,  /* from a Makefile or a Dockerfile compiler line, then the
			       fallback -I list */
} bh_flags_source;

/** One C translation unit to parse. */
typedef struct {
	const char *path;        /* context-relative */
	const char *abs_path;    /* absolute path on disk */
	const char **args;       /* flags for libclang (no compiler, no file, no -c/-o) */
	size_t nargs;
	bh_flags_source flags_source;
	const char *flags_note;  /* BH_FLAGS_INFERRED: the caveat for its findings, naming
				    where the flags came from ("... inferred from
				    Makefile:12"); else NULL */
} bh_unit;

/**
 * The caveat for findings of `unit`: NULL with compile_commands.json flags,
 * else a sentence saying the flags were guessed or where they were inferred
 * from. Static or unit-owned storage.
 */
const char *bh_unit_flags_note(const bh_unit *unit);

typedef BH_VEC(bh_unit) bh_units;

/**
 * List the C translation units of the context: every non-excluded
 * BH_FILE_C_SOURCE, in path order. Its flags are, first found:
 *  1. its compile_commands.json entry in `db` (may be NULL);
 *  2. a compiler line in a Dockerfile RUN of `images` that names it;
 *  3. the nearest Makefile (its directory or above; GNUmakefile, makefile,
 *     Makefile, else the first *.mk), if it gives any flag (one that gives
 *     none still hides the Makefiles above it);
 *  4. a Dockerfile compiler line that names no source, for the sources
 *     under the context directory its working directory was copied from;
 *  5. fallback flags: -I for the context root and for every directory
 *     holding a header, plus any ancestor of one named "include", in path
 *     order. Inferred flags (2-4) are followed by these too.
 * Container paths of Dockerfile lines are mapped back to context paths
 * through each image's provenance map (COPY sources). One note
 * diagnostic says how many units used inferred or fallback flags.
 * `images` (borrowed, may be NULL) are the models of the scan's Dockerfiles.
 * Ownership: strings in `arena`; the caller disposes the vector with
 * bh_vec_dispose.
 */
void bh_disc_units(bh_units *out, bh_arena *arena, bh_ctx *ctx, const bh_compdb *db,
		   bh_img *const *images, size_t nimages, bh_diags *diags);

#endif
