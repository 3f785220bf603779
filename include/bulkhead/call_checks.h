/* SPDX-License-Identifier: MIT */
/*
 * Call checks: two whole-program rules about what a program does with
 * the calls whose outcome matters for security.
 *
 *   c.unchecked-return  a result that says whether a privilege change,
 *                       chroot, chdir, mlock or setrlimit worked is never
 *                       read on any path (CWE-252), or is compared in a way
 *                       that cannot tell failure from success (CWE-253:
 *                       `setuid(u) == 1`, `malloc(n) < 0`, `mmap(...) ==
 *                       NULL`); the count of a read()/recv()/fread() is
 *                       ignored while the buffer is used afterwards.
 *   c.toctou            a file name is checked (access, stat, ...) and a
 *                       branch taken on the outcome leads to a call that
 *                       opens, changes or removes the same name (CWE-367).
 *
 * Both work on bh_ir one function at a time, with summaries computed
 * callees first over the call graph (bh_callgraph): which functions
 * return the result of a call that must be checked, which ignore a
 * parameter, which check a file name and return the outcome, which use a
 * parameter as a file name. Library functions are models: data in
 * rules/c/calls.models, one line each.
 */
#ifndef BULKHEAD_CALL_CHECKS_H
#define BULKHEAD_CALL_CHECKS_H

#include "common.h"
#include "ir.h"
#include "vec.h"

typedef struct bh_callgraph bh_callgraph;

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;
typedef struct bh_findings bh_findings;

/* ----------------------------------------------------------------- models */

typedef enum {
	BH_CALLS_MUST_CHECK, /* its result says whether it worked: it must be read */
	BH_CALLS_STATUS,     /* its result says whether it worked; only comparisons are checked */
	BH_CALLS_COUNT,      /* returns how much it put into the buffer at argN */
	BH_CALLS_CHECK,      /* looks at the file named by argN (and fills *argM) */
	BH_CALLS_USE,        /* opens, changes or removes the file named by argN */
} bh_calls_model_kind;

/** How a MUST_CHECK or STATUS function says it failed. */
typedef enum {
	BH_CALLS_FAIL_MINUS1 = 1, /* 0 on success, -1 on failure (setuid, chroot) */
	BH_CALLS_FAIL_ERRNO,      /* 0 on success, a positive error number (pthread_*) */
	BH_CALLS_FAIL_NULL,       /* a pointer, NULL on failure (malloc) */
	BH_CALLS_FAIL_MAP_FAILED, /* a pointer, MAP_FAILED ((void *)-1) on failure (mmap) */
} bh_calls_failure;

/** At most this many verifier functions per model. */
#define BH_CALLS_MAX_VERIFY 4

typedef struct {
	bh_calls_model_kind kind;
	const char *function;     /* C name */
	bh_calls_failure failure; /* MUST_CHECK, STATUS */
	unsigned arg;             /* COUNT: the buffer; CHECK, USE: the file name */
	int out;                  /* CHECK: the argument it fills (stat's buffer), or -1 */
	/*
	 * MUST_CHECK: functions whose result, read after the call, verifies
	 * that it worked (`getuid() == uid` after setuid): then the ignored
	 * result is not reported. NULL-terminated.
	 */
	const char *verify[BH_CALLS_MAX_VERIFY + 1];
	const char
		*consequence; /* MUST_CHECK: what goes wrong when the failure is ignored, or NULL */
	bh_loc origin;        /* where the model was written */
} bh_calls_model;

/** A set of models, searchable by function name. */
typedef struct bh_calls_models {
	BH_VEC(bh_calls_model) items; /* sorted by function name once sealed */
	bool sealed;
} bh_calls_models;

void bh_calls_models_init(bh_calls_models *m);
void bh_calls_models_dispose(bh_calls_models *m);

/**
 * Parse model lines (the format of rules/c/calls.models) from `text`. A
 * malformed line is an error diagnostic (`calls.bad-model`) at
 * `origin_path`:line and is skipped. Ownership: strings live in `arena`.
 * @return the number of malformed lines.
 */
size_t bh_calls_models_parse(bh_calls_models *m, bh_arena *arena, const char *text,
			     const char *origin_path, unsigned first_line, bh_diags *diags);

/** Add the built-in models (rules/c/calls.models). */
void bh_calls_models_add_builtin(bh_calls_models *m, bh_arena *arena, bh_diags *diags);

/**
 * The models of `function`, in the order they were added (`*count` of
 * them), or NULL. Seals `m` on first use.
 */
const bh_calls_model *bh_calls_models_find(bh_calls_models *m, const char *function, size_t *count);

/* --------------------------------------------------------------- analysis */

typedef struct {
	const volatile int *cancel; /* if non-NULL and non-zero, stop early */
	const bh_callgraph *graph;   /* built once for the program and shared, or NULL */
	struct bh_reuse *reuse;      /* traces of an earlier scan to replay, and this one's; or NULL
					(include/bulkhead/reuse.h; needs `graph` and `ids`) */
	const struct bh_callgraph_ids *ids; /* with reuse: bh_callgraph_identify of `graph` */
} bh_calls_options;

#define BH_CALLS_OPTIONS_INIT { NULL, NULL, NULL, NULL }

/**
 * Run c.unchecked-return and c.toctou over `prog` and add their findings
 * to `out`, each with its path (the call, where its result went; the
 * check, the branch, the use). Functions of the program shadow models of
 * the same name. Deterministic. Ownership: findings are copied into
 * `out`'s arena.
 * @return BH_OK, BH_EINVAL for NULL arguments, BH_ECANCELED.
 */
bh_status bh_calls_run(const bh_ir_program *prog, bh_calls_models *models,
		       const bh_calls_options *opts, bh_findings *out, bh_diags *diags);

#endif
