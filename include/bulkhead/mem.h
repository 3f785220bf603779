/* SPDX-License-Identifier: MIT */
/*
 * Memory-state analysis: the heap lifecycle and nullness checkers. It
 * follows every block of memory a function allocates (malloc, fopen,
 * opendir, alloca, an allocation wrapper of the program), every pointer
 * to it, every file descriptor it opens (open, socket, accept: an `int`
 * that is -1 when the call failed), and every value that may be NULL,
 * along the function's paths, and reports uses after free, double and
 * mismatched releases, frees of memory not on the heap or not at the
 * start of its block, leaks, dereferences of NULL and of unchecked
 * results of calls that can fail, and addresses of locals that outlive
 * their function.
 *
 * It is a forward dataflow over bh_ir with the bh_flow solver, one
 * function at a time, with summaries computed bottom-up over the call
 * graph (bh_callgraph): which parameters a function releases (a
 * deallocation wrapper), dereferences, keeps (stores somewhere) or checks
 * for NULL, whether its result is a fresh block (an allocation wrapper),
 * may be NULL, or whether it never returns. Library functions are models,
 * data in rules/c/memory.models plus the user's lines.
 */
#ifndef BULKHEAD_MEM_H
#define BULKHEAD_MEM_H

#include "common.h"
#include "summaries.h"
#include "ir.h"
#include "vec.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;
typedef struct bh_callgraph bh_callgraph;
typedef struct bh_findings bh_findings;

/* ----------------------------------------------------------------- models */

typedef enum {
	BH_MEM_ALLOC,     /* returns (or stores through an argument) a new block */
	BH_MEM_RELEASE,   /* releases the block an argument points to */
	BH_MEM_REALLOC,   /* releases one block and returns a new one */
	BH_MEM_MAY_NULL,  /* the result may be NULL (a lookup that finds nothing) */
	BH_MEM_DEREF,     /* dereferences an argument */
	BH_MEM_BORROW,    /* uses an argument without keeping or releasing it */
	BH_MEM_FORMAT,    /* argument N is a printf format: `%s` arguments are dereferenced */
	BH_MEM_ADOPT,     /* the result takes over argument N when the call succeeds (fdopen) */
} bh_mem_model_kind;

/** What releases a block: blocks of one family must be released by that family. */
typedef enum {
	BH_MEM_FAMILY_NONE = 0,
	BH_MEM_FAMILY_HEAP,   /* free */
	BH_MEM_FAMILY_STREAM, /* fclose */
	BH_MEM_FAMILY_PIPE,   /* pclose */
	BH_MEM_FAMILY_DIR,    /* closedir */
	BH_MEM_FAMILY_MAP,    /* munmap */
	BH_MEM_FAMILY_FD,     /* close: a file descriptor, an `int` (-1 when the call failed) */
	BH_MEM_FAMILY_STACK,  /* alloca: never released */
	BH_MEM__FAMILY_COUNT
} bh_mem_family;

typedef struct {
	bh_mem_model_kind kind;
	const char *function;  /* C name */
	bool ret;              /* the place is the return value */
	bool out;              /* ... else `*argN` (outN) rather than argN */
	unsigned arg;          /* argN / outN */
	bool and_after;        /* `argN..`: argument N and all after it */
	bh_mem_family family;  /* ALLOC, RELEASE, REALLOC */
	bool may_fail;         /* ALLOC, REALLOC: NULL when it fails */
	bool nonzero_fails;    /* outN: the call returns non-zero when it fails (else negative) */
	bool has_when;         /* ALLOC: only when argument `when_arg` is the constant `when_value` */
	unsigned when_arg;
	int64_t when_value;
	bh_loc origin;         /* where the model was written */
} bh_mem_model;

/** A set of models, searchable by function name. */
typedef struct bh_mem_models {
	BH_VEC(bh_mem_model) items; /* sorted by function name once sealed */
	bool sealed;
} bh_mem_models;

void bh_mem_models_init(bh_mem_models *m);
void bh_mem_models_dispose(bh_mem_models *m);

/**
 * Parse model lines (the format of rules/c/memory.models) from `text`. A
 * malformed line is an error diagnostic (`mem.bad-model`) at
 * `origin_path`:line and is skipped. Ownership: strings live in `arena`.
 * @return the number of malformed lines.
 */
size_t bh_mem_models_parse(bh_mem_models *m, bh_arena *arena, const char *text,
			   const char *origin_path, unsigned first_line, bh_diags *diags);

/** Add the built-in models (rules/c/memory.models). */
void bh_mem_models_add_builtin(bh_mem_models *m, bh_arena *arena, bh_diags *diags);

/**
 * The models of `function`, in the order they were added (`*count` of
 * them), or NULL. Seals `m` on first use.
 */
const bh_mem_model *bh_mem_models_find(bh_mem_models *m, const char *function, size_t *count);

/** "free", "fclose", "close", ...: the release function of a family, for messages. */
const char *bh_mem_family_releaser(bh_mem_family f);

/* --------------------------------------------------------------- analysis */

typedef struct {
	const volatile int *cancel; /* if non-NULL and non-zero, stop early */
	const bh_callgraph *graph;   /* built once for the program and shared, or NULL */
	const bh_summaries *imported; /* for functions without a body here, or NULL */
	bh_summaries *exported;      /* receives the summary of every function analysed, or NULL */
	size_t *analyses;            /* if non-NULL, receives how many analyses of a function ran
					(not counting those in a calling context) */
	struct bh_reuse *reuse;      /* traces of an earlier scan to replay, and this one's; or NULL
					(include/bulkhead/reuse.h; needs `graph` and `ids`) */
	const struct bh_callgraph_ids *ids; /* with reuse: bh_callgraph_identify of `graph` */
} bh_mem_options;

#define BH_MEM_OPTIONS_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Run the memory checkers over `prog` and add their findings to `out`,
 * each with its path (allocation, release, use). A function whose
 * analysis ran out of budget gets a `mem.incomplete` note and no findings.
 * Deterministic. Ownership: findings are copied into `out`'s arena.
 * @return BH_OK, BH_EINVAL for NULL arguments, BH_ECANCELED.
 */
bh_status bh_mem_run(const bh_ir_program *prog, bh_mem_models *models,
		     const bh_mem_options *opts, bh_findings *out, bh_diags *diags);

#endif
