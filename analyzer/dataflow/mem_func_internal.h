// SPDX-License-Identifier: MIT
// Shared by the files that analyse one function for the memory checkers:
// mem_func.c (objects, lattice, transfer, summary) and mem_report.c
// (findings with their paths and messages).
#ifndef BH_MEM_FUNC_INTERNAL_H
#define BH_MEM_FUNC_INTERNAL_H

#include "dataflow/mem_internal.h"

// The memory-state analysis of one function.
typedef struct {
	bh_mem__program *prog;
	const bh_ir_func *fn;
	bh_mem__summary *sum;
	bh_arena *arena;            // this function's scratch
	bh_findings *out;
	bool reporting;             // the report pass: findings and summary facts are recorded
	// Locations: variables, then field slots (one per base variable and field name).
	uint32_t nlocs;
	uint32_t nslots;
	uint32_t *slot_base;
	const char **slot_field;
	uint32_t *first_slot;       // per variable: its first slot + 1, or 0
	uint32_t *next_slot;        // per slot: the next slot of the same base + 1, or 0
	// Objects (index 0 unused).
	bh_mem__object *objs;
	uint32_t nobjs;
	uint32_t *var_obj;          // variable -> its LOCAL/GLOBAL object, or 0
	uint32_t literal_obj;
	uint32_t *site_obj;         // instruction id -> the BLOCK object it allocates, or 0
	uint32_t *released_obj;     // instruction id -> the RELEASED object of a release call, or 0
	const bh_ir_opnd **fn_value; // variable -> the function it certainly holds, or NULL
	const bh_mem__summary **call_sum; // instruction id -> the summary a call applies, or NULL
	bh_flow_consts consts;
	size_t fact_size;
	bh_flow_result result;
	// Summary facts gathered by the report pass.
	uint32_t nrets;             // reachable returns
	uint32_t fresh_rets;        // ... returning a new block or NULL
	uint32_t block_rets;        // ... returning a new block
	uint32_t nonstatic_rets;    // ... returning something else than static memory or NULL
	uint32_t sure_rets;         // ... returning a pointer that is certainly not NULL
	uint32_t param_rets;        // ... returning parameter `ret_param - 1` unchanged
	uint32_t ret_param;         // 1 + that parameter, or 0 before the first return
	uint32_t other_param_rets;  // ... returning another parameter
	uint32_t lookup_null_rets;  // ... returning a NULL that is no failed allocation
	uint8_t *freed_rets;        // per parameter: returns where it is released
	uint32_t **deref_blocks;    // per parameter: blocks with an unchecked dereference (up to 8)
	uint32_t *nderef_blocks;
	uint32_t *ret_blocks;       // blocks that return
	uint8_t *held[2];           // join scratch: objects some location points to, per side
	uint32_t *rpo_index;        // block -> its place in reverse postorder (loop heads)
	bh_flow_dom *dom;           // dominators, computed when a report needs them
} bh_mem__fctx;

// The fact: a reachability word, then the values of the locations, then
// the objects' states.
typedef struct {
	uint32_t reachable;
	uint32_t oom;       // every path here went through a failure: an allocation or a
			    // call that returned NULL
} bh_mem__head;

static inline bh_mem__head *bh_mem__fact_head(void *f)
{
	return f;
}

static inline bh_mem__val *bh_mem__fact_vals(void *f)
{
	return (bh_mem__val *)((char *)f + sizeof(bh_mem__head));
}

static inline bh_mem__ostate *bh_mem__fact_objs(const bh_mem__fctx *c, void *f)
{
	return (bh_mem__ostate *)((char *)f + sizeof(bh_mem__head) + c->nlocs * sizeof(bh_mem__val));
}

/** A name for what operand `o` of `in` holds ("p", "s->buf"), or NULL. */
const char *bh_mem__operand_name(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o);

/** A name for object `obj`'s block ("the block allocated by malloc"), for messages. */
const char *bh_mem__object_text(const bh_mem__fctx *c, uint32_t obj);

/** The location of instruction `id`. */
bh_loc bh_mem__instr_loc(const bh_mem__fctx *c, uint32_t id);

/**
 * Report a finding at `in` (report pass only) with `nsteps` path steps
 * before it and `last` as the step at `in` ("released again here");
 * `snippet` (what is involved, "free(p)") feeds the fingerprint.
 */
void bh_mem__report(bh_mem__fctx *c, const bh_rule *rule, const bh_ir_instr *in,
		    const char *snippet, const bh_finding_step *steps, size_t nsteps,
		    const char *last, const char *fmt, ...)
	BH_PRINTF(8, 9);

#endif
