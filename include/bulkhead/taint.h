/* SPDX-License-Identifier: MIT */
/*
 * Taint analysis: follows untrusted data (command-line arguments, the
 * environment, standard input, files, the network) through the program's
 * IR, across functions and translation units, to the calls and operations
 * where it does harm, and reports each such flow as a finding with its
 * path from source to sink.
 *
 * What is a source, a sink, a propagating library call or a sanitizer is
 * data: the models (rules/c/taint.models, embedded at build time, plus the
 * user's own lines from .bulkhead.json). Bounds checks are recognised in
 * the code: a comparison that bounds a value on the branch taken (`if (n <
 * sizeof buf)`) clears it for the size, length, index and loop-bound sinks.
 *
 * The analysis is a forward dataflow over bh_ir with the bh_flow solver,
 * per function, with summaries computed bottom-up over the call graph
 * (strongly connected components iterated to a fixpoint), so that a sink
 * inside a helper, a source inside a getter and a global set in one file
 * and used in another are all followed.
 */
#ifndef BULKHEAD_TAINT_H
#define BULKHEAD_TAINT_H

#include "common.h"
#include "ir.h"
#include "rule.h"
#include "summaries.h"
#include "vec.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;
typedef struct bh_callgraph bh_callgraph;
typedef struct bh_findings bh_findings;

/* ----------------------------------------------------------------- models */

typedef enum {
	BH_TAINT_SOURCE,     /* `function` produces untrusted data at `to` */
	BH_TAINT_PROPAGATE,  /* data at `from` flows to `to` */
	BH_TAINT_SINK,       /* untrusted data at `to` triggers `rule` */
	BH_TAINT_SANITIZE,   /* the return value is clean */
	BH_TAINT_GUARD,      /* where the call is true, the argument `to` is clean */
	BH_TAINT_RETURNS,    /* the result points where argument `to` points (fgets, strcpy) */
} bh_taint_model_kind;

typedef enum {
	BH_TAINT_PLACE_RET,    /* the return value */
	BH_TAINT_PLACE_ARG,    /* argument `index` (what it points to, for a pointer) */
	BH_TAINT_PLACE_PARAM,  /* parameter `index` of a program function of that name */
	BH_TAINT_PLACE_GLOBAL, /* the global variable `global` */
} bh_taint_place_kind;

typedef struct {
	bh_taint_place_kind kind;
	unsigned index;       /* ARG, PARAM */
	bool and_after;       /* ARG: `argN..`, every argument from `index` on */
	const char *global;   /* GLOBAL: its name */
} bh_taint_place;

typedef struct {
	bh_taint_model_kind kind;
	const char *function;  /* C name */
	bh_taint_place from;   /* PROPAGATE only */
	bh_taint_place to;     /* the place sourced, reached, sunk, cleaned or guarded */
	const bh_rule *rule;   /* SINK: the rule it triggers */
	const char *what;      /* SOURCE: how messages name the data ("environment variable") */
	bool bounded;          /* SOURCE: small values (one byte, EOF): never an unbounded size */
	bool local;            /* SOURCE: the invoker's own input (command line): reaches only
				  the injection rules (command, format), not sizes or paths */
	bh_loc origin;         /* where the model was written (file:line), for diagnostics */
} bh_taint_model;

/** A set of models, searchable by function name. */
typedef struct bh_taint_models {
	BH_VEC(bh_taint_model) items; /* sorted by function name once sealed */
	bool sealed;
} bh_taint_models;

void bh_taint_models_init(bh_taint_models *m);
void bh_taint_models_dispose(bh_taint_models *m);

/**
 * Parse model lines (the format of rules/c/taint.models) from `text` and
 * add them to `m`. A malformed line is an error diagnostic at
 * `origin_path`:line (`taint.bad-model`) and is skipped; the others are
 * kept. `first_line` is the line number of text's first line.
 * Ownership: strings live in `arena`.
 * @return the number of malformed lines.
 */
size_t bh_taint_models_parse(bh_taint_models *m, bh_arena *arena, const char *text,
			     const char *origin_path, unsigned first_line, bh_diags *diags);

/** Add the built-in models (rules/c/taint.models). */
void bh_taint_models_add_builtin(bh_taint_models *m, bh_arena *arena, bh_diags *diags);

/**
 * The models for `function`, in the order they were added: `*count` gets
 * how many; NULL when there are none. Seals `m` on first use (no more
 * additions after that).
 */
const bh_taint_model *bh_taint_models_find(bh_taint_models *m, const char *function,
					   size_t *count);

/* --------------------------------------------------------------- analysis */

typedef struct {
	const volatile int *cancel; /* if non-NULL and non-zero, stop early */
	unsigned max_rounds;        /* rounds for globals, per part of the call graph; 0: default (3) */
	const bh_callgraph *graph;   /* built once for the program and shared, or NULL */
	const bh_summaries *imported; /* for functions without a body here, or NULL */
	bh_summaries *exported; /* receives the summary of every function analysed, or NULL */
	size_t *analyses;       /* if non-NULL, receives how many analyses of a function ran:
				   work that a later round or pass could reuse is not counted */
	struct bh_reuse *reuse; /* traces of an earlier scan to replay, and this one's; or NULL
				   (include/bulkhead/reuse.h; needs `graph` and `ids`; unused
				   with `imported`) */
	const struct bh_callgraph_ids *ids; /* with reuse: bh_callgraph_identify of `graph` */
} bh_taint_options;

#define BH_TAINT_OPTIONS_INIT { NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Run the taint rules over `prog` and add their findings to `out`, each
 * with its flow (source to sink). A function whose analysis ran out of
 * budget gets a `taint.incomplete` note and no findings of its own.
 * Deterministic: the same program gives the same findings, in any order
 * of units. Ownership: findings are copied into `out`'s arena.
 * @return BH_OK, BH_EINVAL for NULL arguments, BH_ECANCELED.
 */
bh_status bh_taint_run(const bh_ir_program *prog, bh_taint_models *models,
		       const bh_taint_options *opts, bh_findings *out, bh_diags *diags);

#endif
