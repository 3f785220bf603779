// SPDX-License-Identifier: MIT
// The IR builder: collects variables, blocks and instructions of one
// function in heap vectors while a front end lowers it, then `finish`
// turns them into the arena-resident bh_ir_func that analyses read.
//
// Invariants established by finish (and checked by bh_ir_verify): block 0
// is the entry, blocks are numbered in the order the front end first
// entered them (source order, for readable dumps), unreachable blocks are
// gone, every block ends in exactly one terminator, successor lists have
// no repeats and predecessor lists are their exact inverse.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/ir.h"
#include "bulkhead/ir_pack.h"
#include "bulkhead/strset.h"
#include "bulkhead/vec.h"

// ----------------------------------------------------------------- names

static const char *const op_names[] = {
#define BH_IR_OP(sym, name, term) name,
#include "ir/ir_ops.def"
#undef BH_IR_OP
};

static const bool op_terminates[] = {
#define BH_IR_OP(sym, name, term) term,
#include "ir/ir_ops.def"
#undef BH_IR_OP
};

static const char *const binop_spellings[] = {
#define BH_IR_BINOP(sym, spelling) spelling,
#include "ir/ir_ops.def"
#undef BH_IR_BINOP
};

static const char *const unop_spellings[] = {
#define BH_IR_UNOP(sym, spelling) spelling,
#include "ir/ir_ops.def"
#undef BH_IR_UNOP
};

const char *bh_ir_op_name(bh_ir_op op)
{
	return (unsigned)op < BH_IR__OP_COUNT ? op_names[op] : "?";
}

const char *bh_ir_binop_spelling(bh_ir_binop op)
{
	return (unsigned)op < BH_IR__BIN_COUNT ? binop_spellings[op] : "?";
}

const char *bh_ir_unop_spelling(bh_ir_unop op)
{
	return (unsigned)op < BH_IR__UN_COUNT ? unop_spellings[op] : "?";
}

bool bh_ir_op_is_terminator(bh_ir_op op)
{
	return (unsigned)op < BH_IR__OP_COUNT && op_terminates[op];
}

int bh_ir_cmp_negate(int op)
{
	switch (op) {
	case BH_IR_BIN_LT: return BH_IR_BIN_GE;
	case BH_IR_BIN_LE: return BH_IR_BIN_GT;
	case BH_IR_BIN_GT: return BH_IR_BIN_LE;
	case BH_IR_BIN_GE: return BH_IR_BIN_LT;
	case BH_IR_BIN_EQ: return BH_IR_BIN_NE;
	case BH_IR_BIN_NE: return BH_IR_BIN_EQ;
	default: return op;
	}
}

int bh_ir_cmp_mirror(int op)
{
	switch (op) {
	case BH_IR_BIN_LT: return BH_IR_BIN_GT;
	case BH_IR_BIN_LE: return BH_IR_BIN_GE;
	case BH_IR_BIN_GT: return BH_IR_BIN_LT;
	case BH_IR_BIN_GE: return BH_IR_BIN_LE;
	default: return op;
	}
}

// ------------------------------------------------------------- operands

bh_ir_opnd bh_ir_var_opnd(uint32_t var)
{
	bh_ir_opnd o = { .kind = BH_IR_OPND_VAR, .var = var };
	return o;
}

bh_ir_opnd bh_ir_int_opnd(int64_t value)
{
	bh_ir_opnd o = { .kind = BH_IR_OPND_INT, .ival = value };
	return o;
}

bh_ir_opnd bh_ir_none_opnd(void)
{
	bh_ir_opnd o = { .kind = BH_IR_OPND_NONE };
	return o;
}

// --------------------------------------------------------------- queries

const bh_ir_instr *bh_ir_instr_at(const bh_ir_func *fn, uint32_t id)
{
	if (id >= fn->ninstrs)
		return NULL;
	// Ids are dense and in block order: binary search on each block's
	// first id.
	uint32_t lo = 0, hi = fn->nblocks;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (fn->blocks[mid].instrs[0].id <= id)
			lo = mid;
		else
			hi = mid;
	}
	const bh_ir_block *b = &fn->blocks[lo];
	return &b->instrs[id - b->instrs[0].id];
}

const bh_ir_instr *bh_ir_instr_of(const bh_ir_func *fn, uint32_t id)
{
	const bh_ir_instr *in = bh_ir_instr_at(fn, id);
	bh_assert(in);
	return in;
}

const bh_ir_instr *bh_ir_block_terminator(const bh_ir_block *b)
{
	return b->ninstrs ? &b->instrs[b->ninstrs - 1] : NULL;
}

uint32_t bh_ir_switch_cases_to(const bh_ir_instr *sw, uint32_t to, uint32_t *first)
{
	uint32_t lo = 0, hi = sw->ncases;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (sw->cases[mid].target < to)
			lo = mid + 1;
		else
			hi = mid;
	}
	uint32_t end = lo;
	while (end < sw->ncases && sw->cases[end].target == to)
		end++;
	*first = lo;
	return end - lo;
}

uint32_t bh_ir_instr_def(const bh_ir_instr *in)
{
	return in->dst.kind == BH_IR_OPND_VAR ? in->dst.var : UINT32_MAX;
}

bool bh_ir_func_returns_constant(const bh_ir_func *fn, int64_t *value)
{
	bool any = false;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (!t || t->op != BH_IR_RET)
			continue;
		if (!t->nargs || t->args[0].kind != BH_IR_OPND_INT || (any && t->args[0].ival != *value))
			return false;
		*value = t->args[0].ival;
		any = true;
	}
	return any;
}

bool bh_ir_func_holds(const bh_ir_func *fn, const bh_loc *l)
{
	uint32_t first = fn->loc.line, last = fn->loc.end_line ? fn->loc.end_line : fn->loc.line;
	return l->path && fn->loc.path && first && l->line >= first && l->line <= last &&
	       (!l->end_line || (l->end_line >= l->line && l->end_line <= last)) &&
	       (l->path == fn->loc.path || strcmp(l->path, fn->loc.path) == 0);
}

// --------------------------------------------------------------- builder

typedef struct {
	BH_VEC(bh_ir_instr) instrs;
	const char *label;   // arena
	bool closed;         // ends with a terminator
	uint32_t seq;        // order of first entry; UINT32_MAX if never entered
} build_block;

typedef struct {
	uint32_t block;      // holds the SWITCH as its terminator
	BH_VEC(bh_ir_case) cases;
} build_switch;

// Open-addressing set of the variable names used so far, with how many
// variables asked for each, so that a shadowing `i` becomes "i.1".
typedef struct {
	const char *name;    // arena
	uint32_t uses;
} name_slot;

struct bh_ir_builder {
	bh_arena *arena;
	const char *name, *usr;
	bh_loc loc;
	BH_VEC(bh_ir_var) vars;
	BH_VEC(build_block) blocks;
	BH_VEC(build_switch) switches;
	name_slot *names;
	size_t names_cap, names_len;
	uint32_t cur;
	uint32_t count;      // instructions added
	uint32_t next_seq;
	uint32_t ntemps;
	unsigned cut;
};

bh_ir_builder *bh_ir_builder_new(bh_arena *arena, const char *name, const char *usr, bh_loc loc)
{
	bh_ir_builder *b = bh_xcalloc(1, sizeof(*b));
	b->arena = arena;
	b->name = bh_arena_strdup(arena, name ? name : "");
	b->usr = usr ? bh_arena_strdup(arena, usr) : NULL;
	b->loc = loc;
	b->cur = bh_ir_builder_block(b, NULL);
	b->blocks.items[0].seq = b->next_seq++;
	return b;
}

void bh_ir_builder_free(bh_ir_builder *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->blocks.len; i++)
		bh_vec_dispose(&b->blocks.items[i].instrs);
	for (size_t i = 0; i < b->switches.len; i++)
		bh_vec_dispose(&b->switches.items[i].cases);
	bh_vec_dispose(&b->blocks);
	bh_vec_dispose(&b->switches);
	bh_vec_dispose(&b->vars);
	free(b->names);
	free(b);
}

static name_slot *name_lookup(bh_ir_builder *b, const char *name)
{
	if ((b->names_len + 1) * 2 > b->names_cap) {
		size_t cap = b->names_cap ? b->names_cap * 2 : 32;
		name_slot *slots = bh_xcalloc(cap, sizeof(*slots));
		for (size_t i = 0; i < b->names_cap; i++) {
			if (!b->names[i].name)
				continue;
			size_t j = bh_hash_string(b->names[i].name) & (cap - 1);
			while (slots[j].name)
				j = (j + 1) & (cap - 1);
			slots[j] = b->names[i];
		}
		free(b->names);
		b->names = slots;
		b->names_cap = cap;
	}
	size_t j = bh_hash_string(name) & (b->names_cap - 1);
	while (b->names[j].name && strcmp(b->names[j].name, name) != 0)
		j = (j + 1) & (b->names_cap - 1);
	if (!b->names[j].name) {
		b->names[j].name = bh_arena_strdup(b->arena, name);
		b->names_len++;
	}
	return &b->names[j];
}

// A name not used yet: `name`, else "name.1", "name.2", ... (a generated
// name can itself be taken by a later C variable called "i.1": it cannot,
// '.' is not an identifier character).
static const char *unique_name(bh_ir_builder *b, const char *name)
{
	if (!name || !name[0])
		name = "<anon>";
	name_slot *s = name_lookup(b, name);
	uint32_t n = s->uses++;
	return n == 0 ? s->name : bh_arena_sprintf(b->arena, "%s.%u", name, n);
}

uint32_t bh_ir_builder_var(bh_ir_builder *b, bh_ir_var_kind kind, const char *name,
			   const char *usr, const char *type, uint64_t size, unsigned flags)
{
	bh_ir_var *v = bh_vec_grow_one(&b->vars);
	v->id = (uint32_t)(b->vars.len - 1);
	v->kind = kind;
	v->flags = flags;
	if (kind == BH_IR_VAR_TEMP)
		v->name = bh_arena_sprintf(b->arena, "%%%u", b->ntemps++);
	else
		v->name = unique_name(b, name);
	v->usr = usr ? bh_arena_strdup(b->arena, usr) : NULL;
	v->type = type ? bh_arena_strdup(b->arena, type) : NULL;
	v->size = size;
	return v->id;
}

void bh_ir_builder_var_flags(bh_ir_builder *b, uint32_t var, unsigned flags)
{
	if (var < b->vars.len)
		b->vars.items[var].flags |= flags;
}

void bh_ir_builder_var_loc(bh_ir_builder *b, uint32_t var, bh_loc loc)
{
	if (var < b->vars.len)
		b->vars.items[var].loc = loc;
}

void bh_ir_builder_var_const(bh_ir_builder *b, uint32_t var, int64_t value, bool is_const)
{
	if (var < b->vars.len) {
		b->vars.items[var].flags |= is_const ? BH_IR_VAR_CONST : BH_IR_VAR_INIT;
		b->vars.items[var].const_value = value;
	}
}

void bh_ir_builder_var_fn_fields(bh_ir_builder *b, uint32_t var, const bh_ir_fn_field *fields,
				 uint32_t n)
{
	if (var < b->vars.len) {
		b->vars.items[var].fn_fields = fields;
		b->vars.items[var].nfn_fields = n;
	}
}

bh_ir_var_kind bh_ir_builder_var_kind(const bh_ir_builder *b, uint32_t var)
{
	return var < b->vars.len ? b->vars.items[var].kind : BH_IR_VAR_TEMP;
}

uint32_t bh_ir_builder_temp(bh_ir_builder *b)
{
	return bh_ir_builder_var(b, BH_IR_VAR_TEMP, NULL, NULL, NULL, 0, 0);
}

uint32_t bh_ir_builder_block(bh_ir_builder *b, const char *label)
{
	build_block *bb = bh_vec_grow_one(&b->blocks);
	bb->label = label ? bh_arena_strdup(b->arena, label) : NULL;
	bb->seq = UINT32_MAX;
	return (uint32_t)(b->blocks.len - 1);
}

uint32_t bh_ir_builder_current(const bh_ir_builder *b)
{
	return b->cur;
}

bool bh_ir_builder_closed(const bh_ir_builder *b)
{
	return b->blocks.items[b->cur].closed;
}

bh_ir_instr *bh_ir_builder_last(bh_ir_builder *b)
{
	build_block *bb = &b->blocks.items[b->cur];
	return !bb->closed && bb->instrs.len ? &bb->instrs.items[bb->instrs.len - 1] : NULL;
}

uint32_t bh_ir_builder_count(const bh_ir_builder *b)
{
	return b->count;
}

void bh_ir_builder_cut(bh_ir_builder *b, unsigned why)
{
	b->cut |= why;
}

static void set_current(bh_ir_builder *b, uint32_t block)
{
	b->cur = block;
	if (b->blocks.items[block].seq == UINT32_MAX)
		b->blocks.items[block].seq = b->next_seq++;
}

void bh_ir_builder_enter(bh_ir_builder *b, uint32_t block, bh_loc loc)
{
	bh_assert(block < b->blocks.len);
	if (block == b->cur)
		return;
	if (!bh_ir_builder_closed(b))
		bh_ir_builder_jmp(b, block, loc);
	// Entering a block that already ended (a front end reusing a join
	// block) must not append after its terminator: later code goes to a
	// fresh block instead, which has no predecessor and is dropped.
	if (b->blocks.items[block].closed)
		block = bh_ir_builder_block(b, NULL);
	set_current(b, block);
}

bh_ir_instr *bh_ir_builder_add(bh_ir_builder *b, bh_ir_op op, bh_loc loc, bh_ir_opnd dst,
			       const bh_ir_opnd *args, uint32_t nargs)
{
	// Code after a terminator is dead: it goes to a block without
	// predecessors, which finish drops.
	if (bh_ir_builder_closed(b))
		set_current(b, bh_ir_builder_block(b, NULL));
	build_block *bb = &b->blocks.items[b->cur];
	bh_ir_instr *in = bh_vec_grow_one(&bb->instrs);
	in->op = op;
	in->loc = loc;
	in->dst = dst;
	in->nargs = nargs;
	in->args = nargs ? bh_arena_memdup(b->arena, args, nargs * sizeof(*args)) : NULL;
	if (bh_ir_op_is_terminator(op))
		bb->closed = true;
	b->count++;
	return in;
}

void bh_ir_builder_jmp(bh_ir_builder *b, uint32_t target, bh_loc loc)
{
	bh_ir_instr *in = bh_ir_builder_add(b, BH_IR_JMP, loc, bh_ir_none_opnd(), NULL, 0);
	in->target[0] = target;
}

void bh_ir_builder_br(bh_ir_builder *b, bh_ir_opnd cond, uint32_t then_bb, uint32_t else_bb,
		      bh_loc loc)
{
	bh_ir_instr *in = bh_ir_builder_add(b, BH_IR_BR, loc, bh_ir_none_opnd(), &cond, 1);
	in->target[0] = then_bb;
	in->target[1] = else_bb;
}

void bh_ir_builder_ret(bh_ir_builder *b, bh_ir_opnd value, bh_loc loc)
{
	bh_ir_builder_add(b, BH_IR_RET, loc, bh_ir_none_opnd(), &value,
			  value.kind == BH_IR_OPND_NONE ? 0 : 1);
}

void bh_ir_builder_unreachable(bh_ir_builder *b, bh_loc loc)
{
	bh_ir_builder_add(b, BH_IR_UNREACHABLE, loc, bh_ir_none_opnd(), NULL, 0);
}

uint32_t bh_ir_builder_switch(bh_ir_builder *b, bh_ir_opnd value, uint32_t default_bb, bh_loc loc)
{
	bh_ir_instr *in = bh_ir_builder_add(b, BH_IR_SWITCH, loc, bh_ir_none_opnd(), &value, 1);
	in->target[0] = default_bb;
	build_switch *sw = bh_vec_grow_one(&b->switches);
	sw->block = b->cur;
	return (uint32_t)(b->switches.len - 1);
}

void bh_ir_builder_case(bh_ir_builder *b, uint32_t sw, int64_t lo, int64_t hi, uint32_t target)
{
	bh_assert(sw < b->switches.len);
	bh_ir_case c = { lo, hi, target };
	bh_vec_push(&b->switches.items[sw].cases, c);
}

void bh_ir_builder_switch_default(bh_ir_builder *b, uint32_t sw, uint32_t target)
{
	bh_assert(sw < b->switches.len);
	build_block *bb = &b->blocks.items[b->switches.items[sw].block];
	bb->instrs.items[bb->instrs.len - 1].target[0] = target;
}

// ---------------------------------------------------------------- finish

// The targets of terminator `in`, in order, possibly repeated.
static uint32_t raw_targets(const bh_ir_instr *in, const build_switch *sw, uint32_t *out)
{
	uint32_t n = 0;
	switch (in->op) {
	case BH_IR_JMP:
		out[n++] = in->target[0];
		break;
	case BH_IR_BR:
		out[n++] = in->target[0];
		out[n++] = in->target[1];
		break;
	case BH_IR_SWITCH:
		for (size_t i = 0; sw && i < sw->cases.len; i++)
			out[n++] = sw->cases.items[i].target;
		out[n++] = in->target[0];
		break;
	default:
		break;
	}
	return n;
}

static uint32_t max_targets(const bh_ir_instr *in, const build_switch *sw)
{
	return in->op == BH_IR_SWITCH ? (uint32_t)(sw ? sw->cases.len : 0) + 1 : 2;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

// Cases in order of their target, in source order among one target's
// (see bh_ir_case): sorts (target, index) pairs packed in one integer.
static void sort_cases_by_target(bh_ir_instr *t)
{
	uint64_t *keys = bh_xmalloc(t->ncases * sizeof(*keys));
	bh_ir_case *was = bh_xmalloc(t->ncases * sizeof(*was));
	memcpy(was, t->cases, t->ncases * sizeof(*was));
	for (uint32_t k = 0; k < t->ncases; k++)
		keys[k] = (uint64_t)t->cases[k].target << 32 | k;
	qsort(keys, t->ncases, sizeof(*keys), cmp_u64);
	for (uint32_t k = 0; k < t->ncases; k++)
		t->cases[k] = was[(uint32_t)keys[k]];
	free(keys);
	free(was);
}

// `switch (7)` (a constant the front end folded, as Juliet's flow variant
// 15 writes it): the switch becomes a jump to the case that matches, or to
// the default, and the other cases go with the blocks nothing else reaches,
// as `if (0)` does.
static void fold_constant_switch(bh_ir_builder *b, build_switch *sw)
{
	build_block *bb = &b->blocks.items[sw->block];
	bh_ir_instr *t = &bb->instrs.items[bb->instrs.len - 1];
	if (t->op != BH_IR_SWITCH || t->nargs != 1 || t->args[0].kind != BH_IR_OPND_INT)
		return;
	int64_t v = t->args[0].ival;
	uint32_t target = t->target[0];
	for (size_t i = 0; i < sw->cases.len; i++)
		if (sw->cases.items[i].lo <= v && v <= sw->cases.items[i].hi) {
			target = sw->cases.items[i].target;
			break;
		}
	t->op = BH_IR_JMP;
	t->nargs = 0;
	t->target[0] = target;
	sw->cases.len = 0;
}

bh_ir_func *bh_ir_builder_finish(bh_ir_builder *b)
{
	bh_loc end = b->loc;
	// Falling off the end of the function returns; any other block left
	// open was never filled (a label nothing jumps to stays unreachable).
	for (size_t i = 0; i < b->blocks.len; i++) {
		if (b->blocks.items[i].closed)
			continue;
		b->cur = (uint32_t)i;
		bh_ir_builder_ret(b, bh_ir_none_opnd(), end);
	}
	for (size_t i = 0; i < b->switches.len; i++)
		fold_constant_switch(b, &b->switches.items[i]);
	size_t nb = b->blocks.len;
	// Which switch each block ends with.
	build_switch **sw_of = bh_xcalloc(nb, sizeof(*sw_of));
	for (size_t i = 0; i < b->switches.len; i++)
		sw_of[b->switches.items[i].block] = &b->switches.items[i];

	// Reachability from the entry (iterative DFS).
	bool *reach = bh_xcalloc(nb, sizeof(*reach));
	uint32_t *stack = bh_xmalloc(nb * sizeof(*stack));
	size_t sp = 0;
	stack[sp++] = 0;
	reach[0] = true;
	BH_VEC(uint32_t) tmp = { 0 };
	while (sp) {
		uint32_t x = stack[--sp];
		build_block *bb = &b->blocks.items[x];
		const bh_ir_instr *t = &bb->instrs.items[bb->instrs.len - 1];
		bh_vec_reserve(&tmp, max_targets(t, sw_of[x]));
		uint32_t n = raw_targets(t, sw_of[x], tmp.items);
		for (uint32_t k = 0; k < n; k++) {
			uint32_t y = tmp.items[k];
			if (y < nb && !reach[y]) {
				reach[y] = true;
				stack[sp++] = y;
			}
		}
	}

	// New numbers: reachable blocks in order of first entry. Blocks never
	// entered (only jumped to, then filled by finish) go last.
	uint32_t *order = bh_xmalloc(nb * sizeof(*order));
	uint32_t nkeep = 0;
	for (size_t i = 0; i < nb; i++)
		if (reach[i])
			order[nkeep++] = (uint32_t)i;
	// Sort (seq, old id) pairs packed in one integer.
	uint64_t *keys = bh_xmalloc((nkeep ? nkeep : 1) * sizeof(*keys));
	for (uint32_t i = 0; i < nkeep; i++) {
		uint64_t seq = b->blocks.items[order[i]].seq;
		keys[i] = (seq << 32) | order[i];
	}
	// The entry was entered first (seq 0), so it stays block 0.
	qsort(keys, nkeep, sizeof(*keys), cmp_u64);
	uint32_t *renum = bh_xmalloc(nb * sizeof(*renum));
	for (size_t i = 0; i < nb; i++)
		renum[i] = UINT32_MAX;
	for (uint32_t i = 0; i < nkeep; i++)
		renum[(uint32_t)keys[i]] = i;

	bh_ir_func *fn = bh_arena_alloc(b->arena, sizeof(*fn));
	fn->name = b->name;
	fn->usr = b->usr;
	fn->loc = b->loc;
	fn->cut = b->cut;
	fn->nvars = (uint32_t)b->vars.len;
	fn->vars = b->vars.len ? bh_arena_memdup(b->arena, b->vars.items,
						 b->vars.len * sizeof(bh_ir_var)) : NULL;
	for (uint32_t i = 0; i < fn->nvars && fn->vars[i].kind == BH_IR_VAR_PARAM; i++)
		fn->nparams = i + 1;
	fn->nblocks = nkeep;
	fn->blocks = bh_arena_alloc(b->arena, (nkeep ? nkeep : 1) * sizeof(bh_ir_block));

	uint32_t next_id = 0;
	uint32_t *npreds = bh_xcalloc(nkeep ? nkeep : 1, sizeof(*npreds));
	uint32_t *listed_by = bh_xcalloc(nkeep ? nkeep : 1, sizeof(*listed_by));
	for (uint32_t i = 0; i < nkeep; i++) {
		uint32_t old = (uint32_t)keys[i];
		build_block *bb = &b->blocks.items[old];
		bh_ir_block *nbk = &fn->blocks[i];
		nbk->id = i;
		nbk->label = bb->label;
		nbk->ninstrs = (uint32_t)bb->instrs.len;
		nbk->instrs = bh_arena_memdup(b->arena, bb->instrs.items,
					      bb->instrs.len * sizeof(bh_ir_instr));
		for (uint32_t k = 0; k < nbk->ninstrs; k++) {
			nbk->instrs[k].id = next_id++;
			nbk->instrs[k].block = i;
		}
		bh_ir_instr *t = &nbk->instrs[nbk->ninstrs - 1];
		const build_switch *sw = sw_of[old];
		bh_vec_reserve(&tmp, max_targets(t, sw));
		uint32_t n = raw_targets(t, sw, tmp.items);
		// Successors: renumbered, without repeats (a block already listed
		// as a successor of block i has listed_by[y] == i + 1), in
		// terminator order.
		nbk->succs = bh_arena_alloc(b->arena, (n ? n : 1) * sizeof(uint32_t));
		for (uint32_t k = 0; k < n; k++) {
			uint32_t y = renum[tmp.items[k]];
			if (listed_by[y] != i + 1) {
				listed_by[y] = i + 1;
				nbk->succs[nbk->nsuccs++] = y;
				npreds[y]++;
			}
		}
		if (t->op == BH_IR_JMP || t->op == BH_IR_BR || t->op == BH_IR_SWITCH)
			t->target[0] = renum[t->target[0]];
		if (t->op == BH_IR_BR)
			t->target[1] = renum[t->target[1]];
		if (t->op == BH_IR_SWITCH && sw && sw->cases.len) {
			t->ncases = (uint32_t)sw->cases.len;
			t->cases = bh_arena_memdup(b->arena, sw->cases.items,
						   sw->cases.len * sizeof(bh_ir_case));
			for (uint32_t k = 0; k < t->ncases; k++)
				t->cases[k].target = renum[t->cases[k].target];
			sort_cases_by_target(t);
		}
	}
	fn->ninstrs = next_id;
	for (uint32_t i = 0; i < nkeep; i++)
		fn->blocks[i].preds = bh_arena_alloc(b->arena, (npreds[i] ? npreds[i] : 1) *
								   sizeof(uint32_t));
	for (uint32_t i = 0; i < nkeep; i++) {
		const bh_ir_block *x = &fn->blocks[i];
		for (uint32_t k = 0; k < x->nsuccs; k++) {
			bh_ir_block *y = &fn->blocks[x->succs[k]];
			y->preds[y->npreds++] = i;
		}
	}
	// Filled in ascending order of i already; sort anyway for clarity of
	// the invariant, it is cheap.
	for (uint32_t i = 0; i < nkeep; i++)
		qsort(fn->blocks[i].preds, fn->blocks[i].npreds, sizeof(uint32_t), cmp_u32);

	bh_ir_straighten_single_trip_loops(fn);
	free(npreds);
	free(listed_by);
	free(renum);
	free(keys);
	free(order);
	free(stack);
	free(reach);
	free(sw_of);
	bh_vec_dispose(&tmp);
	bh_ir_builder_free(b);
	return fn;
}

/* --------------------------------------------------------------- program */

bool bh_ir_stores_in_place(const bh_ir_func *fn, const bh_ir_instr *in, uint32_t a)
{
	return a == 0 && in->nargs && in->args[0].kind == BH_IR_OPND_VAR &&
	       ((in->op == BH_IR_FIELD_STORE && !in->arrow) ||
		(in->op == BH_IR_INDEX_STORE && in->args[0].var < fn->nvars &&
		 (fn->vars[in->args[0].var].flags & BH_IR_VAR_ARRAY)));
}

void bh_ir_program_init(bh_ir_program *p)
{
	memset(p, 0, sizeof(*p));
}

void bh_ir_program_dispose(bh_ir_program *p)
{
	bh_ir_store_free(p->store);
	bh_ir_link_free(p->link);
	for (size_t i = 0; i < p->arenas.len; i++)
		bh_arena_free(p->arenas.items[i]);
	bh_vec_dispose(&p->arenas);
	bh_vec_dispose(&p->units);
}
