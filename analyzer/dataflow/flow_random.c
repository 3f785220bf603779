// SPDX-License-Identifier: MIT
// Tests of pseudo-random values (flow_random.h).
#include <string.h>

#include "dataflow/flow_random.h"

typedef struct {
	bh_flow_callee_fn callee_of;
	void *payload;
} lookup;

static bool varies(const lookup *l, const bh_ir_func *fn, const bh_ir_block *b, const bh_ir_opnd *o,
		   int depth);

// Does call `call` of `fn` return a value that differs from call to call
// whatever the program's state?
static bool call_varies(const lookup *l, const bh_ir_func *fn, const bh_ir_instr *call, int depth)
{
	static const char *const random_sources[] = { "rand", "random", "lrand48", "mrand48", "drand48",
						       "arc4random", "arc4random_uniform", "rand_r" };
	const char *name = call->callee.kind == BH_IR_OPND_FUNC ? call->callee.str : NULL;
	for (size_t i = 0; name && i < sizeof(random_sources) / sizeof(random_sources[0]); i++)
		if (strcmp(name, random_sources[i]) == 0)
			return true;
	// One level into the program: a helper every return of which varies
	// (`int coin(void) { return rand() % 2; }`).
	const bh_ir_func *callee = depth == 0 && l->callee_of ? l->callee_of(call, l->payload) : NULL;
	if (!callee || callee == fn || callee->cut)
		return false;
	bool any = false, all = true;
	bh_ir_func_acquire(callee);
	for (uint32_t i = 0; i < callee->nblocks && all; i++) {
		const bh_ir_block *cb = &callee->blocks[i];
		const bh_ir_instr *t = bh_ir_block_terminator(cb);
		if (!t || t->op != BH_IR_RET)
			continue;
		all = t->nargs && varies(l, callee, cb, &t->args[0], depth + 1);
		any = true;
	}
	bh_ir_func_release(callee);
	return any && all;
}

// Does operand `o` of block `b` hold such a value, through the block's
// temporaries: `!x`, `x % 2`, `x == 0`, a conversion?
static bool varies(const lookup *l, const bh_ir_func *fn, const bh_ir_block *b, const bh_ir_opnd *o,
		   int depth)
{
	for (int steps = 0; steps < 6 && o->kind == BH_IR_OPND_VAR && o->var < fn->nvars; steps++) {
		if (fn->vars[o->var].kind != BH_IR_VAR_TEMP)
			return false;
		const bh_ir_instr *d = bh_ir_block_last_def(b, o->var);
		if (!d)
			return false;
		if (d->op == BH_IR_CALL)
			return call_varies(l, fn, d, depth);
		bool through = d->op == BH_IR_UNOP || d->op == BH_IR_ASSIGN ||
			       (d->op == BH_IR_BINOP && d->nargs > 1 && d->args[1].kind == BH_IR_OPND_INT);
		if (!through || !d->nargs)
			return false;
		o = &d->args[0];
	}
	return false;
}

bool bh_flow_tests_random(const bh_ir_func *fn, const bh_ir_block *b, bh_flow_callee_fn callee_of,
			  void *payload)
{
	const bh_ir_instr *t = bh_ir_block_terminator(b);
	lookup l = { callee_of, payload };
	return t && t->op == BH_IR_BR && t->target[0] != t->target[1] && varies(&l, fn, b, &t->args[0], 0);
}

bool bh_flow_edge_survives(uint32_t from, uint32_t to, void *payload)
{
	(void)from;
	const bh_ir_func *fn = payload;
	const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[to]);
	return !t || t->op != BH_IR_UNREACHABLE;
}
