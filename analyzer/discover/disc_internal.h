/* SPDX-License-Identifier: MIT */
/*
 * Shared by discovery's own files only (disc.c, disc_make.c, disc_infer.c):
 * the filter that keeps the inferable compile flags of a command line, and
 * the per-source lookup of flags inferred from Makefiles and Dockerfiles.
 */
#ifndef BH_DISC_INTERNAL_H
#define BH_DISC_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"
#include "bulkhead/vec.h"

typedef BH_VEC(const char *) bh_disc__str_vec;

/** At most this many flags are inferred from one build file or line. */
#define BH_DISC__MAX_FLAGS 1024

/**
 * Map the path value of a flag (`-I dir`, `-include file`) to an absolute
 * path inside the context, or NULL to drop the flag. `is_dir` is true for
 * include directories. Strings in `arena`.
 */
typedef const char *(*bh_disc__map_fn)(bh_arena *arena, const char *value, bool is_dir,
				       void *payload);

/**
 * Append to `out` the inferable flags among the compiler arguments
 * argv[0..argc) (no compiler word): -D -U -I -iquote -isystem -idirafter
 * -include -imacros (joined or separate, written joined), -std=, --std=,
 * -ansi. Values holding `$` or a backquote are dropped; so are paths `map`
 * rejects. Exact duplicates are skipped, and `out` never grows beyond
 * BH_DISC__MAX_FLAGS. Strings are copied into `arena`.
 * @return the number of flags added.
 */
size_t bh_disc__take_flags(bh_disc__str_vec *out, bh_arena *arena, const char *const *argv,
			   size_t argc, bh_disc__map_fn map, void *payload);

/** Inferred flags of a context, built lazily; see bh_disc__infer_new. */
typedef struct bh_disc__infer bh_disc__infer;

/**
 * Prepare flag inference over `ctx`: reads the compiler lines of the
 * image models now; Makefiles are read when a unit first needs them.
 * Ownership: free with bh_disc__infer_free; results live in `arena`.
 */
bh_disc__infer *bh_disc__infer_new(bh_arena *arena, bh_ctx *ctx, bh_img *const *images,
				   size_t nimages, bh_diags *diags);

void bh_disc__infer_free(bh_disc__infer *inf);

/**
 * The inferred flags for the C source at context path `path`, by the
 * precedence of bh_disc_units (Dockerfile line naming it, nearest
 * Makefile, Dockerfile line for its directory), or NULL when none applies.
 */
const bh_disc_flags *bh_disc__infer_for(bh_disc__infer *inf, const char *path);

#endif
