/* SPDX-License-Identifier: MIT */
/*
 * The call graph of a whole program, shared by the interprocedural
 * analyses (taint, memory state): every function definition of every
 * translation unit is a node, keyed by its USR so that a call in one file
 * reaches the definition in another; edges are direct calls, functions
 * named as values (a function pointer may call them from there) and the
 * functions of the operations tables a function reads. The
 * strongly connected components come out callees first, the order in
 * which bottom-up summaries are computed.
 *
 * Lifetime: the graph borrows the program's IR; free it with
 * bh_callgraph_dispose before the program. It keeps function heads (a
 * packed function's body is decoded while the graph reads it, ir_pack.h),
 * and knows a call by its function and instruction id, not its address.
 */
#ifndef BULKHEAD_CALLGRAPH_H
#define BULKHEAD_CALLGRAPH_H

#include "common.h"
#include "ptrmap.h"
#include "ir.h"
#include "sha256.h"
#include "strset.h"

/* Indirect calls resolved across the program (see bh_callgraph_indirect). */
typedef struct bh_fnptr bh_fnptr;

/*
 * A call through a pointer that may reach more functions than this is left
 * unresolved: it is a dispatch table (a server's command table called from
 * one place), whose targets would all become one component.
 */
#define BH_CALLGRAPH_MAX_INDIRECT 8

typedef struct bh_callgraph {
	const bh_ir_func **funcs; /* nodes */
	size_t nfuncs;
	size_t *by_key;           /* open addressing: the first node with a key, index + 1, or 0 */
	size_t cap;
	size_t *same_key;         /* per node: the next node with its key (another program's
				     definition), or SIZE_MAX */
	size_t *unit_of;          /* per node: the index of its unit in the program */
	const char **unit_paths;  /* per unit: its main file, or NULL */
	size_t *program_of;       /* per unit: the first unit of its program, those it links with
				     by a call, a function it names, an operations table or a global
				     the other defines, directly or through others (several
				     programs may share a context) */
	size_t *succ_start;       /* CSR adjacency: node n's callees are succ[succ_start[n] .. succ_start[n+1]) */
	size_t *succ;
	bh_strset written;        /* keys of globals some function writes or takes the address of */
	bh_strset read;           /* keys of globals some function reads or takes the address of (a
				     pointer may be read through); storing into one in place is no read */
	bh_strset fields_read;    /* names of fields some function reads or takes the address of */
	bh_fnptr *indirect;       /* indirect calls resolved across the program */
	const bh_ir_table **tables; /* every unit's operations tables, sorted by key */
	size_t *table_unit;         /* per table: the unit that defines it */
	size_t ntables;
	bh_ir_opnd *as_opnd;      /* per node: a FUNC operand naming it, for analyses that take a
				     callee as an operand (resolved indirect calls) */
	uint8_t *uses;            /* per node: places that name it (calls, address taken), 2 for
				     "more than one" or an operations table */
	bh_ptrmap known;          /* key string's address -> the node it links to and the unit
				     whose IR holds it (callgraph.c) */
	bool *returns_const;      /* per node: every return of it returns one integer constant, */
	int64_t *const_value;     /* ... this one (bh_ir_func_returns_constant) */
} bh_callgraph;

/**
 * Index every function of `prog` and build the edges. A second copy of a
 * function at the same place (an inline function of a header, lowered in
 * every unit that includes it) is skipped; two definitions with one USR at
 * different places (two programs' `main`, `usage` or `die`) are both
 * nodes. A name the IR of a unit uses links to the definition in that unit
 * if it has one, else to the one whose unit's file shares the most
 * directories with the unit's (`server/util.c` for `server/main.c`, not
 * `client/util.c`), else to the one of the smallest path: what the linker
 * of the program made of those files would pick (bh_callgraph_nearer).
 */
void bh_callgraph_build(bh_callgraph *g, const bh_ir_program *prog);
void bh_callgraph_dispose(bh_callgraph *g);

/**
 * The graph an analysis of `prog` runs on: `shared` if the caller built
 * one for several analyses (it must be of `prog`; a scan builds it once,
 * since indirect-call resolution is not free), else `own`, built here.
 * Release it with bh_callgraph_release(result, own), which disposes of
 * `own` only.
 */
const bh_callgraph *bh_callgraph_acquire(const bh_callgraph *shared, bh_callgraph *own,
					 const bh_ir_program *prog);
void bh_callgraph_release(const bh_callgraph *used, bh_callgraph *own);

/**
 * Whether a definition in unit file `a` is nearer than one in `b` for a
 * name used in unit file `from`, the order bh_callgraph_build links by:
 * the same unit, then more leading directories shared, then the smaller
 * path. A summaries file's definitions are ranked the same way, so that
 * a shard links as a scan of the whole context does. NULL paths share
 * nothing and come last.
 */
bool bh_callgraph_nearer(const char *from, const char *a, const char *b);

/** The main file of the unit whose IR holds key string `key` (by address), or NULL. */
const char *bh_callgraph_key_unit(const bh_callgraph *g, const char *key);

/**
 * The node of the function whose USR (or, without one, name) is `key`, or
 * SIZE_MAX. A key string of a unit's IR (a callee, a function used as a
 * value, an operations table's entry, a function's own USR) gives the
 * definition that unit links to; any other string with that text gives
 * the first definition.
 */
size_t bh_callgraph_node(const bh_callgraph *g, const char *key);

/** The node a FUNC operand names (a call's callee or a function used as a value), or SIZE_MAX. */
size_t bh_callgraph_node_of_opnd(const bh_callgraph *g, const bh_ir_opnd *o);

/**
 * True if some function of the program assigns global or static `v`,
 * stores into it, or takes its address (then anything may write it); a
 * global initialised and never written is a constant.
 */
bool bh_callgraph_global_written(const bh_callgraph *g, const bh_ir_var *v);

/**
 * The constant a direct call returns: its callee is a function of the
 * program whose every `return` returns that integer literal: what every
 * analysis gives bh_flow_compute_consts as `call_const`, so that all of
 * them fold `if (staticReturnsTrue())` alike.
 */
bool bh_callgraph_call_const(const bh_callgraph *g, const bh_ir_instr *call, int64_t *value);

/**
 * The operations table defined for global `key` (bh_callgraph_global_key)
 * that function `from` sees: one of its program, the nearest if several
 * (bh_callgraph_nearer); with `from` NULL, the first; or NULL.
 */
const bh_ir_table *bh_callgraph_table(const bh_callgraph *g, const char *key, const bh_ir_func *from);

/**
 * The program node n is part of, as the main file of its first unit (the
 * same pointer for every node of one program; see program_of), or NULL.
 */
const char *bh_callgraph_program(const bh_callgraph *g, size_t n);

/** The key of a global or static variable across units: its USR, else its name. */
const char *bh_callgraph_global_key(const bh_ir_var *v);

/**
 * The variable of `fn` that is the global (or function static) with key
 * `key` (bh_callgraph_global_key), or UINT32_MAX when `fn` does not name it.
 */
uint32_t bh_callgraph_global_var(const bh_ir_func *fn, const char *key);

/**
 * The nodes an indirect call `call` of function `fn` (a CALL whose callee
 * is a variable) may reach, found across the program: functions passed as an argument
 * for the parameter it calls through (`apply(do_exec, s)`), stored in the
 * struct member it calls through anywhere (`o->run(s)` with `.run =
 * do_exec` in a table or `o->run = do_exec`), assigned to the global it
 * calls through, or returned by the function that produced the pointer.
 * Sets `*targets` and returns their number; 0 when nothing is known or
 * more than BH_CALLGRAPH_MAX_INDIRECT functions are possible. The call
 * graph has an edge to each, so their summaries come first.
 */
size_t bh_callgraph_indirect(const bh_callgraph *g, const bh_ir_func *fn, const bh_ir_instr *call,
			     const size_t **targets);

/** Where a resolved indirect call's function comes from, in its caller. */
typedef struct {
	unsigned param;      /* 1 + the index of the parameter, or 0: not from one */
	const char *member;  /* NULL: the parameter is the function (`f(s)`, `h(s)` after
				`h = f`); else the USR of the member of the struct it points
				to (`ops->query(s)`) */
} bh_callgraph_via;

/** For a resolved indirect call: which parameter of its caller chose the function. */
bh_callgraph_via bh_callgraph_indirect_via(const bh_callgraph *g, const bh_ir_func *fn, const bh_ir_instr *call);

/**
 * The one function call `call` of `fn` reaches, as a FUNC operand: its callee if
 * it is direct; for a call through a variable, the function `fn_value`
 * (per variable of the caller, or NULL; bh_flow_function_values) says it
 * holds, else the only target found across the program
 * (bh_callgraph_indirect). NULL when unknown or when there are several,
 * for analyses that apply one callee's summary. The operand lives as long
 * as the graph or the caller's IR.
 */
const bh_ir_opnd *bh_callgraph_single_callee(const bh_callgraph *g, const bh_ir_func *fn, const bh_ir_instr *call,
					     const bh_ir_opnd *const *fn_value);

/**
 * True if node `n` is named in one place of the program only: a helper of
 * its one caller (`badSink(data)`), not an API or a callback in a table.
 */
bool bh_callgraph_single_use(const bh_callgraph *g, size_t n);

/**
 * The program function whose body holds `loc`: of those defined in its
 * file, the one that starts last before it (C functions do not nest), or
 * NULL.
 */
const bh_ir_func *bh_callgraph_function_at(const bh_callgraph *g, const bh_loc *loc);

/** True if node `n` calls itself directly. */
bool bh_callgraph_calls_itself(const bh_callgraph *g, size_t n);

/**
 * Call `emit` with each strongly connected component, callees before
 * callers (Tarjan, without recursion). `emit` returns false to stop.
 */
void bh_callgraph_components(const bh_callgraph *g,
			     bool (*emit)(const size_t *nodes, size_t n, void *payload),
			     void *payload);

/*
 * The components grouped into parts (callgraph_parts.c): a part is closed
 * under call edges and holds whole programs (bh_callgraph_program), so what
 * an analysis of one part reads (its callees' summaries, its program's
 * globals) is the part's own, and a whole-program analysis can drop a
 * part's summaries once it is done with it: its memory then grows with the
 * largest program, not with how many a context holds. Parts come in the
 * order of their first component in bh_callgraph_components; within a
 * part, components keep that order (callees first).
 */
typedef struct {
	size_t *nodes;      /* every component's nodes, part after part */
	size_t *comp_start; /* component c is nodes[comp_start[c] .. comp_start[c + 1]) */
	size_t ncomps;
	size_t *part_start; /* part k is components part_start[k] .. part_start[k + 1] - 1 */
	size_t nparts;
} bh_callgraph_parts;

void bh_callgraph_parts_build(const bh_callgraph *g, bh_callgraph_parts *out);

/** The nodes of part k (its components' in turn), *n of them. */
static inline const size_t *bh_callgraph_part_nodes(const bh_callgraph_parts *p, size_t k, size_t *n)
{
	size_t first = p->comp_start[p->part_start[k]];
	*n = p->comp_start[p->part_start[k + 1]] - first;
	return p->nodes + first;
}
void bh_callgraph_parts_dispose(bh_callgraph_parts *parts);

/**
 * Each node's identity across runs and its digest (callgraph_digest.c):
 * `names[n]` is its USR (or name) and file, with a rank when both repeat;
 * `digests[n]` the SHA-256 of its IR as linked and of what the graph
 * answers an analysis of it (callees, the constants they return, indirect
 * targets, how many places name it and its callees, whether the globals
 * it names are written, their operations tables). Equal digests: an
 * analysis of the function reads the same, but for its callees' summaries
 * and where the function is: the IR's places inside the function are
 * relative to its first line (bh_ir_func_digest), so a function that only
 * moved in its file keeps its digest (the analyses' traces write those
 * places relative to the function too, dataflow/reuse_internal.h).
 */
typedef struct bh_callgraph_ids {
	size_t n;
	const char **names;
	unsigned char (*digests)[BH_SHA256_LEN];
} bh_callgraph_ids;

/** Fill `ids` for every node of `g` (in `arena`). */
void bh_callgraph_identify(const bh_callgraph *g, struct bh_arena *arena, bh_callgraph_ids *ids);

#endif
