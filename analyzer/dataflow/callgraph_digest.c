// SPDX-License-Identifier: MIT
// What an analysis of one function may learn of the program, as a digest
// per node (bh_callgraph_identify): the function's IR as linked, and what
// the call graph answers about it: its calls' callees and the constants
// they return, the targets of its indirect calls and the parameter that
// chose them, its callees and how many places name them, whether the
// globals it names are written anywhere and the operations tables they
// hold. Two runs whose digests of a function are equal hand its analysis
// the same IR and the same graph facts; what else it reads (its callees'
// summaries) the analyses record as they read it (include/bulkhead/reuse.h).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/ir_serial.h"
#include "bulkhead/strset.h"
#include "bulkhead/wire.h"

// The facts of one node are written to a buffer and hashed at once:
// thousands of small updates cost more than the hashing.
static void mix_u64(bh_bytes *h, uint64_t v)
{
	bh_wire_raw(h, &v, sizeof(v));
}

static void mix_str(bh_bytes *h, const char *s)
{
	static const char none[] = "\x01(none)";
	if (!s)
		bh_wire_raw(h, none, sizeof(none));
	else
		bh_wire_raw(h, s, strlen(s) + 1);
}

static const char *node_name(const bh_callgraph_ids *ids, size_t n)
{
	return n < ids->n ? ids->names[n] : NULL;
}

static void mix_table(bh_bytes *h, const bh_ir_table *t)
{
	mix_u64(h, t ? t->nfields + 1 : 0);
	for (uint32_t i = 0; t && i < t->nfields; i++) {
		mix_str(h, t->fields[i].field);
		mix_str(h, t->fields[i].member);
		mix_str(h, t->fields[i].func);
		mix_str(h, t->fields[i].usr);
	}
}

static void mix_call(bh_bytes *h, const bh_callgraph *g, const bh_callgraph_ids *ids, const bh_ir_func *fn,
		     const bh_ir_instr *in)
{
	size_t callee = bh_callgraph_node_of_opnd(g, &in->callee);
	mix_str(h, node_name(ids, callee));
	bool constant = callee != SIZE_MAX && g->returns_const[callee];
	int64_t value = constant ? g->const_value[callee] : 0;
	mix_u64(h, constant);
	mix_u64(h, (uint64_t)value);
	const size_t *targets = NULL;
	size_t nt = in->callee.kind == BH_IR_OPND_VAR ? bh_callgraph_indirect(g, fn, in, &targets) : 0;
	mix_u64(h, nt);
	for (size_t i = 0; i < nt; i++)
		mix_str(h, node_name(ids, targets[i]));
	if (nt) {
		bh_callgraph_via via = bh_callgraph_indirect_via(g, fn, in);
		mix_u64(h, via.param);
		mix_str(h, via.member);
	}
}

static void digest_node(const bh_callgraph *g, const bh_callgraph_ids *ids, size_t n, bh_bytes *facts,
			unsigned char out[BH_SHA256_LEN])
{
	const bh_ir_func *fn = g->funcs[n];
	bh_ir_func_acquire(fn);
	bh_bytes *h = facts;
	h->len = 0;
	mix_str(h, ids->names[n]);
	// (Which globals it shares: another program's are other globals.)
	mix_str(h, bh_callgraph_program(g, n));
	if (fn->digest) {
		bh_wire_raw(h, fn->digest, BH_SHA256_LEN);
	} else {
		bh_sha256 own;
		bh_sha256_init(&own);
		bh_ir_func_digest(fn, &own);
		unsigned char d[BH_SHA256_LEN];
		bh_sha256_digest(&own, d);
		bh_wire_raw(h, d, BH_SHA256_LEN);
	}
	mix_u64(h, g->uses ? g->uses[n] : 0);
	mix_u64(h, bh_callgraph_calls_itself(g, n));
	mix_u64(h, g->succ_start[n + 1] - g->succ_start[n]);
	for (size_t e = g->succ_start[n]; e < g->succ_start[n + 1]; e++) {
		mix_str(h, node_name(ids, g->succ[e]));
		mix_u64(h, g->uses ? g->uses[g->succ[e]] : 0);
	}
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++)
			if (fn->blocks[b].instrs[i].op == BH_IR_CALL)
				mix_call(h, g, ids, fn, &fn->blocks[b].instrs[i]);
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		if (!bh_ir_var_is_global(var))
			continue;
		// (Linking sets these from other units: the digest above is of
		// the function before.)
		mix_u64(h, var->flags);
		mix_u64(h, (uint64_t)var->const_value);
		mix_u64(h, bh_callgraph_global_written(g, var));
		mix_table(h, bh_callgraph_table(g, bh_callgraph_global_key(var), fn));
	}
	bh_ir_func_release(fn);
	bh_sha256 sha;
	bh_sha256_init(&sha);
	bh_sha256_update(&sha, h->items, h->len);
	bh_sha256_digest(&sha, out);
}

void bh_callgraph_identify(const bh_callgraph *g, bh_arena *arena, bh_callgraph_ids *ids)
{
	ids->n = g->nfuncs;
	ids->names = bh_arena_alloc(arena, (g->nfuncs + 1) * sizeof(*ids->names));
	ids->digests = bh_arena_alloc(arena, (g->nfuncs + 1) * sizeof(*ids->digests));
	// USR (or name) and file; a second definition with both the same
	// (one file compiled twice with other macros) is told by its rank.
	bh_strset seen = { 0 };
	for (size_t n = 0; n < g->nfuncs; n++) {
		const bh_ir_func *fn = g->funcs[n];
		const char *name = bh_arena_sprintf(arena, "%s\x1f%s", fn->usr ? fn->usr : fn->name,
						    fn->loc.path ? fn->loc.path : "");
		for (unsigned rank = 2; !bh_strset_insert(&seen, name); rank++)
			name = bh_arena_sprintf(arena, "%s\x1f%s\x1f%u", fn->usr ? fn->usr : fn->name,
						fn->loc.path ? fn->loc.path : "", rank);
		ids->names[n] = name;
	}
	bh_strset_dispose(&seen);
	bh_bytes facts = { 0 };
	for (size_t n = 0; n < g->nfuncs; n++)
		digest_node(g, ids, n, &facts, ids->digests[n]);
	bh_vec_dispose(&facts);
}
