/* SPDX-License-Identifier: MIT */
/*
 * Shared by discovery's own files only (disc.c, disc_make.c,
 * disc_make_rules.c, disc_infer.c, disc_cmake.c, disc_meson.c): the filter
 * that keeps the inferable compile flags of a command line, the Makefile
 * reader behind both the flags and the build recipes of a Makefile, the
 * per-source lookup of flags inferred from Makefiles and Dockerfiles, and
 * the target model of the CMake and meson readers.
 */
#ifndef BH_DISC_INTERNAL_H
#define BH_DISC_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"
#include "bulkhead/strset.h"
#include "bulkhead/vec.h"

typedef BH_VEC(const char *) bh_disc__str_vec;
typedef BH_VEC(size_t) bh_disc__size_vec;

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

/**
 * The size of C type `key` as AS_TR_CPP spells it ("LONG_LONG", "VOID_P",
 * "SIZE_T") on this build's C implementation (disc_autoheader.c).
 */
bool bh_disc__type_size(const char *key, size_t *size);

/** A shell word that ends a command: "&&", "||", "|", ";" or "x.c;". */
bool bh_disc__ends_command(const char *w);

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

/**
 * Per context file (bh_ctx_file order): true for a file that another file
 * includes with `#include "name.c"` (disc_included.c), reached from a
 * file nobody includes. Only files with `candidate` set (C sources that
 * would be units) are read and counted. Ownership: the caller frees the
 * array.
 */
bool *bh_disc__included_sources(bh_ctx *ctx, const bool *candidate);

/* ------------------------------------------------------ Makefile reader */
/*
 * One Makefile read (never run) by disc_make.c: the bounded variable store,
 * the expansion of references and the line loop. Its users are the flags
 * reader (bh_disc_make_flags) and the recipe reader (bh_make_recipes), who
 * get rules and recipe lines through a hook. Whatever cannot be known
 * expands to a word holding `$`, never to a guess.
 */
typedef struct bh_disc__make bh_disc__make;

/** What the line loop hands to the hook. */
typedef enum {
	BH_DISC__MAKE_RULE,   /* "targets : prerequisites [; recipe]": comment cut, trimmed;
				 `colon` is the offset of the first ':' */
	BH_DISC__MAKE_RECIPE, /* a tab line after some rule, the tab removed */
	BH_DISC__MAKE_OTHER,  /* an assignment or a directive other than a conditional:
				 it ends the recipe of the rule before it */
} bh_disc__make_event;

typedef void (*bh_disc__make_hook)(void *hook_payload, bh_disc__make_event ev, const char *s,
				   size_t n, size_t colon, uint32_t line, bool in_cond);

typedef struct {
	/* false: the flags reader's subset (functions, substitution references
	   and automatic variables are unknown). true: the recipe reader's
	   (they are understood, and make's built-in CC, AR, COMPILE.c, LINK.o,
	   OUTPUT_OPTION... have their default values) */
	bool full;
	const char *dir;                /* the Makefile's directory, context-relative, "" at the
					   root: the base of $(wildcard) */
	const char *const *files;       /* context-relative paths of the context's files, for
					   $(wildcard) globs; NULL when unknown */
	size_t nfiles;
	bool (*exists)(const char *ctx_path, void *payload); /* may be NULL */
	void *payload;
	bh_disc__make_hook hook;        /* may be NULL */
	void *hook_payload;
} bh_disc__make_options;

/** Automatic variables of the rule whose recipe is being expanded. */
typedef struct {
	const char *target;    /* $@ */
	const char *first;     /* $< */
	const char *all;       /* $^ and $? (no duplicates) */
	const char *all_dups;  /* $+ */
	const char *stem;      /* $* */
	const char *order;     /* $| */
} bh_disc__make_auto;

/** Ownership: free with bh_disc__make_free. */
bh_disc__make *bh_disc__make_new(const bh_disc__make_options *opts);

void bh_disc__make_free(bh_disc__make *mk);

/**
 * Define a command-line variable from a `NAME=value` (or `NAME:=value`)
 * word: it wins over the file's assignments unless they say `override`.
 * Other words are ignored.
 */
void bh_disc__make_override(bh_disc__make *mk, const char *word);

/** Read the Makefile text (NULL is empty), calling the hook in order. */
void bh_disc__make_read(bh_disc__make *mk, const char *text, size_t len);

/**
 * Expand the references of s[0..n) with the variables as they are now and
 * the automatic variables set by bh_disc__make_set_auto.
 * Ownership: a heap string the caller frees; never NULL.
 */
char *bh_disc__make_expand(bh_disc__make *mk, const char *s, size_t n);

/** Bind the automatic variables for the next expansions; NULL unbinds (they are unknown). */
void bh_disc__make_set_auto(bh_disc__make *mk, const bh_disc__make_auto *autos);

/** The line of the assignment that gave `name` its value, 0 if it has none. */
uint32_t bh_disc__make_var_line(bh_disc__make *mk, const char *name);

/**
 * How many references so far named a variable that the file assigns only
 * inside conditional blocks (full mode): such a reference expands to an
 * unknown word, as the assignments are skipped.
 */
size_t bh_disc__make_cond_refs(const bh_disc__make *mk);

/**
 * Does the context hold the file at `ctx_path`? By the `exists` callback,
 * else the `files` list; -1 when the options give no way to know.
 */
int bh_disc__make_file_known(bh_disc__make *mk, const char *ctx_path);

/** True once a bound was reached (then results may be incomplete). */
bool bh_disc__make_limited(const bh_disc__make *mk);

/**
 * `rel` (a path written in the Makefile) joined to `dir` and cleaned.
 * Ownership: heap, caller frees; NULL when it is absolute or leaves the
 * context ("../x" from the root).
 */
char *bh_disc__make_ctx_path(const char *dir, const char *rel);

/* ------------------------------------------------ CMake and meson targets */
/*
 * The targets that a CMakeLists.txt or meson.build declares, as the two
 * readers (disc_cmake.c, disc_meson.c) collect them, and their common last
 * step (in disc_cmake.c): the sources and flags of each artifact gathered
 * through the static and object libraries it links, written out as
 * bh_build_recipes.
 */

/**
 * Is `ctx_path` among `files` (`nfiles` context paths, NULL entries
 * skipped)? `set` caches them, filled on the first call. Without a list
 * (NULL) every path may exist: true.
 */
bool bh_disc__file_listed(const char *const *files, size_t nfiles, bh_strset *set,
			  const char *ctx_path);

/** `p` joined to `dir` and cleaned, in `arena` ("." when nothing is left); absolute `p` stays. */
const char *bh_disc__join_clean(bh_arena *arena, const char *dir, const char *p);

/** At most this many targets are kept from one build (all its files). */
#define BH_DISC__MAX_TARGETS 16384
#define BH_DISC__MAX_MERGED 4000000u // source and flag entries gathered in all
// A byte a reader puts in a word whose value it cannot know: such a word
// is dropped, never guessed at (generator expressions keep "$<").
#define BH_DISC__UNKNOWN '\x01'

typedef BH_VEC(size_t) bh_disc__idx_vec;

typedef struct {
	const char *name;            /* as declared (scratch) */
	const char *path;            /* the output, relative to the top build directory or absolute;
					set by the reader before output (scratch) */
	bh_build_kind kind;          /* BH_BUILD_OBJECT: a CMake OBJECT or INTERFACE library */
	bool artifact;               /* false: object and interface libraries, imported targets */
	bh_disc__str_vec sources;    /* its own: context-relative .c paths that exist (scratch) */
	bh_disc__str_vec flags;      /* its own options, in order (scratch) */
	bh_disc__idx_vec links;      /* the targets it links, by index */
	const char *install;         /* where its install step puts it, or NULL (the caller's
					arena) */
	uint32_t line;               /* of the call that declares it */
	bool incomplete;             /* something unknown may have changed its own sources or
					links */
	int visit;                   /* gathering: 0 not yet, 1 in progress, 2 done */
	bh_disc__str_vec all_sources;/* gathered, no duplicates */
	bh_disc__str_vec all_flags;  /* gathered, before de-duplication */
} bh_disc__target;

typedef struct {
	bh_arena *arena;             /* the caller's: results */
	bh_arena *scratch;           /* the reader's */
	BH_VEC(bh_disc__target) items;
	size_t merged;               /* entries gathered so far (bounded) */
	bool limited;                /* a bound was reached */
} bh_disc__targets;

/**
 * A new target named `name` (copied to scratch), zeroed otherwise; NULL
 * once BH_DISC__MAX_TARGETS are kept (then `limited` is set). The pointer
 * is valid until the next call.
 */
bh_disc__target *bh_disc__target_add(bh_disc__targets *t, const char *name, uint32_t line);

/**
 * Write the artifacts among the targets to `out` (strings in t->arena), in
 * declaration order: each with its own sources and flags, then those of
 * the static, object and interface libraries it links, transitively (a
 * shared library ends the walk). A library whose sources may be incomplete
 * makes what links it incomplete. `out->file` and `out->default_goal` are
 * left to the caller.
 */
void bh_disc__targets_output(bh_build_recipes *out, bh_disc__targets *t);

/** Free the vectors of the targets (their strings live in scratch). */
void bh_disc__targets_dispose(bh_disc__targets *t);

#endif
