// SPDX-License-Identifier: MIT
// Indirect calls resolved across the whole program: which functions a
// call through a function pointer may reach when the pointer came from
// another function (a callback parameter `apply(do_exec, s)`, a member of
// a struct reached through a parameter `o->run(s)` with `.run = do_exec`
// stored anywhere, a global handler set by `set_handler(do_exec)`, a
// function returning a function, a global initialised with functions
// `void (*hook)(const char *) = run;`, `handlers[] = { a, b }`).
//
// The analysis is flow-insensitive and works on abstract locations
// ("slots"): a parameter of a function, the return value of a function, a
// struct member (keyed by the member's USR, so `ops.run` is one slot in
// every unit and another struct's `run` is another) and a global (all of
// an array's elements are one). Every instruction that moves a value into
// one of them adds an inclusion constraint (slot ⊇ function, or slot ⊇
// slot), and a worklist solves them. Members and globals are keyed by
// name and by program: each program of the context (the units that link
// with each other, bh_callgraph.program_of) has its own, so a server's
// `ops.run` is not its client's, nor is one vendored copy of a library's
// allocator hook another copy's. While bodies are scanned a member or
// global is keyed by the scanning unit; once every unit is scanned and
// programs are known, each unit's slot is joined into its program's.
//
// A call whose pointer may hold more than BH_CALLGRAPH_MAX_INDIRECT
// functions stays unresolved: a command table dispatched by one call
// (`c->cmd->proc(c)` over two hundred commands) would merge every command
// into one strongly connected component and tell the checkers nothing
// they could report on.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/callgraph.h"
#include "bulkhead/strset.h"
#include "dataflow/fnptr_internal.h"

#define MAX_SLOT_TARGETS 64 // a slot holding more is "many"; its calls stay unresolved
#define MAX_DEF_DEPTH 8     // copies followed back from a call's pointer

typedef enum { SLOT_PARAM, SLOT_RET, SLOT_MEMBER, SLOT_GLOBAL } slot_kind;

typedef struct {
	slot_kind kind;
	size_t node;          // PARAM, RET: the function
	uint32_t index;       // PARAM: the parameter
	const char *key;      // MEMBER: the member's USR; GLOBAL: the global's key
	size_t unit;          // MEMBER, GLOBAL: the unit that stores into it or reads it
			      // while scanning; its program's first unit once solved
} slot_key;

typedef BH_VEC(size_t) size_vec;
typedef BH_VEC(uint32_t) u32_vec;

typedef struct {
	slot_key key;
	size_vec targets;     // function nodes, no repeats
	bool many;            // more than MAX_SLOT_TARGETS
	u32_vec into;         // slots this one flows into
	bool queued;
} slot;

// What a value may be: some functions for certain, and whatever some
// slots hold.
typedef struct {
	size_vec funcs;
	u32_vec slots;
} sources;

// A call through a pointer, with what its pointer may be.
typedef struct {
	uint32_t call;        // its id
	size_t node;
	sources src;
	bh_callgraph_via via;
} pending_call;

typedef struct bh_fnptr__resolver {
	const bh_callgraph *g;
	BH_VEC(slot) slots;
	uint32_t *by_key;     // open addressing: slot index + 1, or 0
	size_t cap;
	BH_VEC(pending_call) calls;
	u32_vec work;
	// The function being scanned: where each variable is defined.
	const bh_ir_func *fn;
	size_t node;
	size_t unit;
	uint32_t *def_start;  // CSR over variables
	const bh_ir_instr **defs;
	// Per variable, the query (stamp) that last followed its definitions
	// and at what depth: a variable assigned from many others, each
	// assigned from many, is followed once per query and depth, not once
	// per path to it (exponential in a large function).
	uint32_t *seen_stamp;
	uint8_t *seen_depth;
	uint32_t stamp;
} resolver;

// ------------------------------------------------------------------ slots

static uint64_t key_hash(const slot_key *k)
{
	uint64_t h = (uint64_t)k->kind * 0x9E3779B97F4A7C15u;
	if (k->key)
		h ^= bh_hash_string(k->key);
	h ^= ((uint64_t)k->node * 0x100000001B3u) ^ ((uint64_t)k->index << 40) ^
	     ((uint64_t)k->unit * 0xC2B2AE3D27D4EB4Fu);
	return h ^ (h >> 29);
}

static bool key_equal(const slot_key *a, const slot_key *b)
{
	return a->kind == b->kind && a->node == b->node && a->index == b->index && a->unit == b->unit &&
	       (a->key == b->key || (a->key && b->key && strcmp(a->key, b->key) == 0));
}

static void grow_index(resolver *r)
{
	size_t cap = r->cap ? r->cap * 2 : 256;
	uint32_t *by_key = bh_xcalloc(cap, sizeof(*by_key));
	for (size_t i = 0; i < r->slots.len; i++) {
		size_t j = key_hash(&r->slots.items[i].key) & (cap - 1);
		while (by_key[j])
			j = (j + 1) & (cap - 1);
		by_key[j] = (uint32_t)i + 1;
	}
	free(r->by_key);
	r->by_key = by_key;
	r->cap = cap;
}

static uint32_t slot_of(resolver *r, slot_key k)
{
	if ((r->slots.len + 1) * 2 > r->cap)
		grow_index(r);
	size_t j = key_hash(&k) & (r->cap - 1);
	while (r->by_key[j]) {
		if (key_equal(&r->slots.items[r->by_key[j] - 1].key, &k))
			return r->by_key[j] - 1;
		j = (j + 1) & (r->cap - 1);
	}
	slot s;
	memset(&s, 0, sizeof(s));
	s.key = k;
	bh_vec_push(&r->slots, s);
	r->by_key[j] = (uint32_t)r->slots.len;
	return (uint32_t)r->slots.len - 1;
}

static bool size_add(size_vec *v, size_t x)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i] == x)
			return false;
	bh_vec_push(v, x);
	return true;
}

static bool u32_add(u32_vec *v, uint32_t x)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i] == x)
			return false;
	bh_vec_push(v, x);
	return true;
}

static void enqueue(resolver *r, uint32_t s)
{
	if (!r->slots.items[s].queued) {
		r->slots.items[s].queued = true;
		bh_vec_push(&r->work, s);
	}
}

// Slot `s` may hold function `node`.
static void slot_add_func(resolver *r, uint32_t s, size_t node)
{
	// (s comes from slot_of, which made the slot: x is not NULL.)
	slot *x = &r->slots.items[s];
	if (x->many) // NOLINT(clang-analyzer-core.NullDereference)
		return;
	if (x->targets.len >= MAX_SLOT_TARGETS) {
		x->many = true;
		enqueue(r, s);
	} else if (size_add(&x->targets, node)) {
		enqueue(r, s);
	}
}

// ---------------------------------------------------------------- sources

static void index_defs(resolver *r, const bh_ir_func *fn, size_t node)
{
	r->fn = fn;
	r->node = node;
	r->unit = r->g->unit_of[node];
	r->def_start = bh_xcalloc(fn->nvars + 2, sizeof(*r->def_start));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			uint32_t v = bh_ir_instr_def(&fn->blocks[b].instrs[i]);
			if (v < fn->nvars)
				r->def_start[v + 2]++;
		}
	for (uint32_t v = 0; v < fn->nvars; v++)
		r->def_start[v + 2] += r->def_start[v + 1];
	r->defs = bh_xcalloc(r->def_start[fn->nvars + 1] + 1, sizeof(*r->defs));
	r->seen_stamp = bh_xcalloc(fn->nvars + 1, sizeof(*r->seen_stamp));
	r->seen_depth = bh_xcalloc(fn->nvars + 1, sizeof(*r->seen_depth));
	r->stamp = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			uint32_t v = bh_ir_instr_def(in);
			if (v < fn->nvars)
				r->defs[r->def_start[v + 1]++] = in;
		}
	// def_start[v] .. def_start[v + 1] are now v's definitions.
}

static void drop_defs(resolver *r)
{
	free(r->def_start);
	free(r->defs);
	free(r->seen_stamp);
	free(r->seen_depth);
	r->def_start = NULL;
	r->defs = NULL;
	r->seen_stamp = NULL;
	r->seen_depth = NULL;
}

static void sources_dispose(sources *s)
{
	bh_vec_dispose(&s->funcs);
	bh_vec_dispose(&s->slots);
}

static void collect(resolver *r, const bh_ir_opnd *o, unsigned depth, sources *out);

static bool is_global(const resolver *r, const bh_ir_opnd *o)
{
	return o->kind == BH_IR_OPND_VAR && o->var < r->fn->nvars && bh_ir_var_is_global(&r->fn->vars[o->var]);
}

// What the value an instruction defines may be.
static void collect_def(resolver *r, const bh_ir_instr *in, unsigned depth, sources *out)
{
	switch (in->op) {
	case BH_IR_ASSIGN:
		if (in->nargs == 1 && !in->bits)
			collect(r, &in->args[0], depth + 1, out);
		break;
	case BH_IR_FIELD:
		if (in->member)
			u32_add(&out->slots, slot_of(r, (slot_key){ SLOT_MEMBER, 0, 0, in->member, r->unit }));
		break;
	case BH_IR_CALL: {
		size_t callee = bh_callgraph_node_of_opnd(r->g, &in->callee);
		if (callee != SIZE_MAX)
			u32_add(&out->slots, slot_of(r, (slot_key){ SLOT_RET, callee, 0, NULL, 0 }));
		break;
	}
	case BH_IR_INDEX:
		// An element of a global array of function pointers
		// (`handlers[op]`): one slot for all its elements.
		if (is_global(r, &in->args[0]))
			collect(r, &in->args[0], depth + 1, out);
		break;
	default:
		break;
	}
}

static void collect(resolver *r, const bh_ir_opnd *o, unsigned depth, sources *out)
{
	if (o->kind == BH_IR_OPND_FUNC) {
		size_t n = bh_callgraph_node_of_opnd(r->g, o);
		if (n != SIZE_MAX)
			size_add(&out->funcs, n);
		return;
	}
	if (o->kind != BH_IR_OPND_VAR || depth > MAX_DEF_DEPTH)
		return;
	const bh_ir_var *v = &r->fn->vars[o->var];
	switch (v->kind) {
	case BH_IR_VAR_PARAM:
		u32_add(&out->slots, slot_of(r, (slot_key){ SLOT_PARAM, r->node, o->var, NULL, 0 }));
		return;
	case BH_IR_VAR_GLOBAL:
	case BH_IR_VAR_STATIC:
		u32_add(&out->slots, slot_of(r, (slot_key){ SLOT_GLOBAL, 0, 0, bh_callgraph_global_key(v), r->unit }));
		return;
	case BH_IR_VAR_LOCAL:
	case BH_IR_VAR_TEMP:
		if (r->seen_stamp[o->var] == r->stamp && r->seen_depth[o->var] <= depth)
			return; // followed already, as deep or deeper
		r->seen_stamp[o->var] = r->stamp;
		r->seen_depth[o->var] = (uint8_t)depth;
		for (uint32_t d = r->def_start[o->var]; d < r->def_start[o->var + 1]; d++)
			collect_def(r, r->defs[d], depth, out);
		return;
	}
}

// Everything value `o` may be (or, with `o` NULL, the value `def`
// defines) flows into slot `into`.
static void flow_into(resolver *r, const bh_ir_opnd *o, const bh_ir_instr *def, slot_key into)
{
	sources s = { 0 };
	r->stamp++;
	if (o)
		collect(r, o, 0, &s);
	else if (def)
		collect_def(r, def, 0, &s);
	if (s.funcs.len || s.slots.len) {
		uint32_t t = slot_of(r, into);
		for (size_t i = 0; i < s.funcs.len; i++)
			slot_add_func(r, t, s.funcs.items[i]);
		for (size_t i = 0; i < s.slots.len; i++)
			if (s.slots.items[i] != t && u32_add(&r->slots.items[s.slots.items[i]].into, t))
				enqueue(r, s.slots.items[i]);
	}
	sources_dispose(&s);
}

// The only definition of local or temporary `v`, or NULL.
static const bh_ir_instr *single_def(const resolver *r, uint32_t v)
{
	const bh_ir_var *var = &r->fn->vars[v];
	if ((var->kind != BH_IR_VAR_LOCAL && var->kind != BH_IR_VAR_TEMP) ||
	    r->def_start[v + 1] - r->def_start[v] != 1)
		return NULL;
	return r->defs[r->def_start[v]];
}

// Parameter `p` itself, or a variable holding only a copy of it.
static uint32_t param_behind(const resolver *r, const bh_ir_opnd *o)
{
	for (unsigned depth = 0; o->kind == BH_IR_OPND_VAR && depth < MAX_DEF_DEPTH; depth++) {
		if (o->var < r->fn->nparams)
			return o->var;
		const bh_ir_instr *d = single_def(r, o->var);
		if (!d || d->op != BH_IR_ASSIGN || d->nargs != 1)
			break;
		o = &d->args[0];
	}
	return UINT32_MAX;
}

// Which of the caller's parameters the pointer `callee` comes from:
// the parameter itself (`f(s)`), or a member of the struct it points to
// (`ops->query(s)`).
static bh_callgraph_via via_of(const resolver *r, const bh_ir_opnd *callee)
{
	bh_callgraph_via via = { 0, NULL };
	uint32_t p = param_behind(r, callee);
	if (p != UINT32_MAX) {
		via.param = p + 1;
		return via;
	}
	// Follow copies to the member read.
	const bh_ir_opnd *o = callee;
	for (unsigned depth = 0; o->kind == BH_IR_OPND_VAR && depth < MAX_DEF_DEPTH; depth++) {
		const bh_ir_instr *d = single_def(r, o->var);
		if (!d)
			break;
		if (d->op == BH_IR_FIELD) {
			p = d->arrow && d->member ? param_behind(r, &d->args[0]) : UINT32_MAX;
			if (p != UINT32_MAX) {
				via.param = p + 1;
				via.member = d->member;
			}
			break;
		}
		if (d->op != BH_IR_ASSIGN || d->nargs != 1)
			break;
		o = &d->args[0];
	}
	return via;
}

// ------------------------------------------------------------ constraints

static void scan_instr(resolver *r, const bh_ir_instr *in)
{
	const bh_ir_func *fn = r->fn;
	// A global set to a function (`handler = do_exec`, `handler = pick()`).
	uint32_t def = bh_ir_instr_def(in);
	if (def < fn->nvars && bh_ir_var_is_global(&fn->vars[def]))
		flow_into(r, NULL, in, (slot_key){ SLOT_GLOBAL, 0, 0, bh_callgraph_global_key(&fn->vars[def]), r->unit });
	switch (in->op) {
	case BH_IR_CALL:
		if (in->callee.kind == BH_IR_OPND_FUNC) {
			size_t callee = bh_callgraph_node_of_opnd(r->g, &in->callee);
			if (callee == SIZE_MAX)
				break;
			uint32_t np = r->g->funcs[callee]->nparams;
			for (uint32_t a = 0; a < in->nargs && a < np; a++)
				flow_into(r, &in->args[a], NULL, (slot_key){ SLOT_PARAM, callee, a, NULL, 0 });
		} else if (in->callee.kind == BH_IR_OPND_VAR) {
			pending_call pc = { in->id, r->node, { { 0 }, { 0 } }, { 0, NULL } };
			r->stamp++;
			collect(r, &in->callee, 0, &pc.src);
			pc.via = via_of(r, &in->callee);
			if (pc.src.funcs.len || pc.src.slots.len)
				bh_vec_push(&r->calls, pc);
		}
		break;
	case BH_IR_INDEX_STORE:
		if (is_global(r, &in->args[0]))
			flow_into(r, &in->args[2], NULL,
				  (slot_key){ SLOT_GLOBAL, 0, 0, bh_callgraph_global_key(&fn->vars[in->args[0].var]), r->unit });
		break;
	case BH_IR_FIELD_STORE:
		if (in->member)
			flow_into(r, &in->args[1], NULL, (slot_key){ SLOT_MEMBER, 0, 0, in->member, r->unit });
		break;
	case BH_IR_RET:
		if (in->nargs == 1)
			flow_into(r, &in->args[0], NULL, (slot_key){ SLOT_RET, r->node, 0, NULL, 0 });
		break;
	default:
		break;
	}
}

// The functions the initialiser of global `key` stores into members (an
// operations table) or into the global itself (a function pointer, an
// array of them), those of unit `unit`'s program.
static void add_table(resolver *r, const char *key, const bh_ir_fn_field *fields, uint32_t n, size_t unit)
{
	for (uint32_t k = 0; k < n; k++) {
		const bh_ir_fn_field *ff = &fields[k];
		size_t node = bh_callgraph_node(r->g, ff->usr ? ff->usr : ff->func);
		if (node == SIZE_MAX)
			continue;
		if (ff->member)
			slot_add_func(r, slot_of(r, (slot_key){ SLOT_MEMBER, 0, 0, ff->member, unit }), node);
		else if (ff->field && !ff->field[0])
			slot_add_func(r, slot_of(r, (slot_key){ SLOT_GLOBAL, 0, 0, key, unit }), node);
	}
}

// The slot a scanned slot is part of once programs are known: members
// and globals of units of one program are one.
static uint32_t program_slot(resolver *r, uint32_t s)
{
	slot_key k = r->slots.items[s].key;
	if ((k.kind != SLOT_MEMBER && k.kind != SLOT_GLOBAL) || r->g->program_of[k.unit] == k.unit)
		return s;
	k.unit = r->g->program_of[k.unit];
	return slot_of(r, k);
}

// Each unit's member and global slots joined into their program's.
static void join_programs(resolver *r)
{
	size_t n = r->slots.len;
	uint32_t *to = bh_xmalloc((n + 1) * sizeof(*to));
	for (size_t s = 0; s < n; s++)
		to[s] = program_slot(r, (uint32_t)s); // (may add slots: they are their own)
	for (size_t s = 0; s < n; s++) {
		if (to[s] == s)
			continue;
		// (Copies: adding may move the slot array.)
		size_vec targets = r->slots.items[s].targets;
		bool many = r->slots.items[s].many;
		r->slots.items[s].targets = (size_vec){ 0 };
		for (size_t k = 0; k < targets.len; k++)
			slot_add_func(r, to[s], targets.items[k]);
		bh_vec_dispose(&targets);
		if (many)
			r->slots.items[to[s]].many = true;
		u32_vec into = r->slots.items[s].into;
		r->slots.items[s].into = (u32_vec){ 0 };
		for (size_t k = 0; k < into.len; k++)
			u32_add(&r->slots.items[to[s]].into, into.items[k]);
		bh_vec_dispose(&into);
	}
	for (size_t s = 0; s < r->slots.len; s++) {
		u32_vec *into = &r->slots.items[s].into;
		size_t kept = 0;
		for (size_t k = 0; k < into->len; k++) {
			uint32_t t = into->items[k] < n ? to[into->items[k]] : into->items[k];
			bool seen = t == s;
			for (size_t j = 0; j < kept && !seen; j++)
				seen = into->items[j] == t;
			if (!seen)
				into->items[kept++] = t;
		}
		into->len = kept;
	}
	for (size_t i = 0; i < r->calls.len; i++) {
		u32_vec *from = &r->calls.items[i].src.slots;
		u32_vec joined = { 0 };
		for (size_t k = 0; k < from->len; k++)
			u32_add(&joined, from->items[k] < n ? to[from->items[k]] : from->items[k]);
		bh_vec_dispose(from);
		*from = joined;
	}
	free(to);
	// Everything is propagated again from the joined slots.
	r->work.len = 0;
	for (size_t s = 0; s < r->slots.len; s++) {
		r->slots.items[s].queued = false;
		if (r->slots.items[s].targets.len || r->slots.items[s].many)
			enqueue(r, (uint32_t)s);
	}
}

static void solve(resolver *r)
{
	while (r->work.len) {
		uint32_t s = r->work.items[--r->work.len];
		r->slots.items[s].queued = false;
		// Copy: adding to a successor may move the slot array.
		slot from = r->slots.items[s];
		for (size_t i = 0; i < from.into.len; i++) {
			uint32_t t = from.into.items[i];
			if (from.many) {
				if (!r->slots.items[t].many) {
					r->slots.items[t].many = true;
					enqueue(r, t);
				}
				continue;
			}
			for (size_t k = 0; k < from.targets.len; k++)
				slot_add_func(r, t, from.targets.items[k]);
		}
	}
}

// ---------------------------------------------------------------- results

// Keyed by the caller's head and the call's id, which stay the same
// however often a packed body is decoded (ir_pack.h).
struct bh_fnptr {
	const bh_ir_func **calls;  // open addressing by (caller, id): the caller, or NULL
	uint32_t *ids;
	size_t *nodes;             // the caller's node
	BH_VEC(size_t) order;      // slots in the order the calls were scanned
	size_t *start, *len;
	bh_callgraph_via *via;     // the caller's parameter it calls through
	size_t cap;
	size_vec pool;
};

static size_t call_slot(const bh_fnptr *t, const bh_ir_func *fn, uint32_t id)
{
	size_t j = (size_t)((((uintptr_t)fn >> 4) ^ ((uintptr_t)id << 20)) * 0x9E3779B97F4A7C15u) & (t->cap - 1);
	while (t->calls[j] && (t->calls[j] != fn || t->ids[j] != id))
		j = (j + 1) & (t->cap - 1);
	return j;
}

// The functions pending call `pc` may reach, or 0 when unknown or many.
static void resolve_call(resolver *r, bh_fnptr *t, const pending_call *pc)
{
	size_vec out = { 0 };
	bool many = false;
	for (size_t i = 0; i < pc->src.funcs.len; i++)
		size_add(&out, pc->src.funcs.items[i]);
	for (size_t i = 0; i < pc->src.slots.len && !many; i++) {
		const slot *s = &r->slots.items[pc->src.slots.items[i]];
		many = s->many;
		for (size_t k = 0; k < s->targets.len; k++)
			size_add(&out, s->targets.items[k]);
	}
	if (!many && out.len && out.len <= BH_CALLGRAPH_MAX_INDIRECT) {
		const bh_ir_func *fn = r->g->funcs[pc->node];
		size_t j = call_slot(t, fn, pc->call);
		t->calls[j] = fn;
		t->ids[j] = pc->call;
		t->nodes[j] = pc->node;
		bh_vec_push(&t->order, j);
		t->start[j] = t->pool.len;
		t->len[j] = out.len;
		t->via[j] = pc->via;
		for (size_t i = 0; i < out.len; i++)
			bh_vec_push(&t->pool, out.items[i]);
	}
	bh_vec_dispose(&out);
}

bh_fnptr__resolver *bh_fnptr__begin(const bh_callgraph *g)
{
	resolver *r = bh_xcalloc(1, sizeof(*r));
	r->g = g;
	// Every unit's operations tables, used by a function or not, then
	// each function's: those it names, and what its instructions move.
	for (size_t i = 0; i < g->ntables; i++)
		add_table(r, g->tables[i]->key, g->tables[i]->fields, g->tables[i]->nfields, g->table_unit[i]);
	return r;
}

void bh_fnptr__scan(bh_fnptr__resolver *r, size_t n)
{
	const bh_ir_func *fn = r->g->funcs[n];
	index_defs(r, fn, n);
	for (uint32_t v = 0; v < fn->nvars; v++)
		add_table(r, bh_callgraph_global_key(&fn->vars[v]), fn->vars[v].fn_fields, fn->vars[v].nfn_fields, r->unit);
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++)
			scan_instr(r, &fn->blocks[b].instrs[i]);
	drop_defs(r);
}

bh_fnptr *bh_fnptr__finish(bh_fnptr__resolver *rp)
{
	resolver r = *rp;
	free(rp);
	join_programs(&r);
	solve(&r);

	bh_fnptr *t = bh_xcalloc(1, sizeof(*t));
	t->cap = 16;
	while (t->cap < r.calls.len * 2)
		t->cap *= 2;
	t->calls = bh_xcalloc(t->cap, sizeof(*t->calls));
	t->ids = bh_xcalloc(t->cap, sizeof(*t->ids));
	t->nodes = bh_xcalloc(t->cap, sizeof(*t->nodes));
	t->start = bh_xcalloc(t->cap, sizeof(*t->start));
	t->len = bh_xcalloc(t->cap, sizeof(*t->len));
	t->via = bh_xcalloc(t->cap, sizeof(*t->via));
	for (size_t i = 0; i < r.calls.len; i++) {
		resolve_call(&r, t, &r.calls.items[i]);
		sources_dispose(&r.calls.items[i].src);
	}

	for (size_t i = 0; i < r.slots.len; i++) {
		bh_vec_dispose(&r.slots.items[i].targets);
		bh_vec_dispose(&r.slots.items[i].into);
	}
	bh_vec_dispose(&r.slots);
	bh_vec_dispose(&r.calls);
	bh_vec_dispose(&r.work);
	free(r.by_key);
	return t;
}

size_t bh_fnptr__targets(const bh_fnptr *t, const bh_ir_func *fn, const bh_ir_instr *call, const size_t **out)
{
	*out = NULL;
	if (!t || !t->cap)
		return 0;
	size_t j = call_slot(t, fn, call->id);
	if (!t->calls[j])
		return 0;
	*out = &t->pool.items[t->start[j]];
	return t->len[j];
}

bh_callgraph_via bh_fnptr__via(const bh_fnptr *t, const bh_ir_func *fn, const bh_ir_instr *call)
{
	bh_callgraph_via none = { 0, NULL };
	if (!t || !t->cap)
		return none;
	size_t j = call_slot(t, fn, call->id);
	return t->calls[j] ? t->via[j] : none;
}

size_t bh_fnptr__count(const bh_fnptr *t)
{
	return t ? t->order.len : 0;
}

size_t bh_fnptr__entry(const bh_fnptr *t, size_t k, size_t *caller, const size_t **targets)
{
	size_t j = t->order.items[k];
	*caller = t->nodes[j];
	*targets = &t->pool.items[t->start[j]];
	return t->len[j];
}

void bh_fnptr__free(bh_fnptr *t)
{
	if (!t)
		return;
	free(t->calls);
	free(t->ids);
	free(t->nodes);
	bh_vec_dispose(&t->order);
	free(t->start);
	free(t->len);
	free(t->via);
	bh_vec_dispose(&t->pool);
	free(t);
}
