// SPDX-License-Identifier: MIT
// bh_callgraph: the whole program's functions indexed by USR, their call
// edges, and Tarjan's strongly connected components, callees first.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/callgraph.h"
#include "bulkhead/strset.h"
#include "dataflow/fnptr_internal.h"
#include "dataflow/union_find.h"

static const char *func_key(const bh_ir_func *fn)
{
	return fn->usr ? fn->usr : fn->name;
}

// The slot of `key` in g->by_key: where its node is, or the empty slot
// where it would go.
static size_t key_slot(const bh_callgraph *g, const char *key)
{
	size_t j = bh_hash_string(key) & (g->cap - 1);
	while (g->by_key[j] && strcmp(func_key(g->funcs[g->by_key[j] - 1]), key) != 0)
		j = (j + 1) & (g->cap - 1);
	return j;
}

// The analyses look a callee up at each call they transfer, by the same IR
// string every time: the node of every key string the program's function
// operands and tables name is also kept by the string's address, found
// without hashing or comparing the USR (that was about 5 % of the CPU time
// of a redis rescan). Other strings take the way by content.
// A key string's entry in `known`, one word for both answers (one map,
// not two: it holds an entry for every key string of the program): the
// node it links to (UINT32_MAX for none) and 1 + the unit whose IR holds
// it.
_Static_assert(UINTPTR_MAX >= UINT64_MAX, "a key entry packs two 32-bit numbers");

static uintptr_t key_entry(size_t node, size_t unit)
{
	// (A program of 2^32 functions would not fit in memory.)
	bh_assert((node == SIZE_MAX || node < UINT32_MAX) && unit < UINT32_MAX);
	return (uintptr_t)(node == SIZE_MAX ? UINT32_MAX : (uint32_t)node) | (uintptr_t)(unit + 1) << 32;
}

static size_t entry_node(uintptr_t e)
{
	uint32_t n = (uint32_t)e;
	return n == UINT32_MAX ? SIZE_MAX : n;
}

static size_t entry_unit(uintptr_t e)
{
	return (size_t)(e >> 32) - 1;
}

size_t bh_callgraph_node(const bh_callgraph *g, const char *key)
{
	if (!key || !g->cap)
		return SIZE_MAX;
	uintptr_t known;
	if (bh_ptrmap_get(&g->known, key, &known))
		return entry_node(known);
	size_t j = key_slot(g, key);
	return g->by_key[j] ? g->by_key[j] - 1 : SIZE_MAX;
}

// How many leading directories two context paths share.
static size_t shared_dirs(const char *a, const char *b)
{
	size_t n = 0;
	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			n++;
	return n;
}

bool bh_callgraph_nearer(const char *from, const char *a, const char *b)
{
	if (!a || !b)
		return a && !b;
	bool same_a = from && strcmp(from, a) == 0, same_b = from && strcmp(from, b) == 0;
	if (same_a != same_b)
		return same_a;
	size_t dirs_a = from ? shared_dirs(from, a) : 0, dirs_b = from ? shared_dirs(from, b) : 0;
	if (dirs_a != dirs_b)
		return dirs_a > dirs_b;
	return strcmp(a, b) < 0;
}

// Which of the definitions of one name a unit links to: its own, else
// the one nearest in the directory tree (bh_callgraph_nearer). Several
// programs in one build context (a server and its client, copies of a
// library vendored twice) each define `main`, `usage` or a helper with
// external linkage; a call that went to the first definition analysed
// another program's code and lost its own flows.
static size_t link_from_unit(const bh_callgraph *g, size_t first, size_t unit)
{
	if (g->same_key[first] == SIZE_MAX || g->unit_of[first] == unit)
		return first;
	const char *from = g->unit_paths[unit];
	size_t best = first;
	for (size_t n = g->same_key[first]; n != SIZE_MAX; n = g->same_key[n]) {
		if (g->unit_of[n] == unit)
			return n;
		if (bh_callgraph_nearer(from, g->unit_paths[g->unit_of[n]], g->unit_paths[g->unit_of[best]]))
			best = n;
	}
	return best;
}

const char *bh_callgraph_key_unit(const bh_callgraph *g, const char *key)
{
	uintptr_t known;
	return key && bh_ptrmap_get(&g->known, key, &known) ? g->unit_paths[entry_unit(known)] : NULL;
}

// The node a key string of unit `unit`'s IR links to, kept by the
// string's address: a unit's strings are its own (ir_pack.c interns them
// per unit), so every later lookup of that string is from that unit.
static size_t link_key(bh_callgraph *g, const char *key, size_t unit)
{
	if (!key)
		return SIZE_MAX;
	uintptr_t known;
	if (bh_ptrmap_get(&g->known, key, &known))
		return entry_node(known);
	size_t j = key_slot(g, key);
	size_t n = g->by_key[j] ? link_from_unit(g, g->by_key[j] - 1, unit) : SIZE_MAX;
	bh_ptrmap_put(&g->known, key, key_entry(n, unit));
	return n;
}

size_t bh_callgraph_node_of_opnd(const bh_callgraph *g, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_FUNC)
		return SIZE_MAX;
	return bh_callgraph_node(g, o->usr ? o->usr : o->str);
}

const char *bh_callgraph_global_key(const bh_ir_var *v)
{
	return v->usr ? v->usr : v->name;
}

uint32_t bh_callgraph_global_var(const bh_ir_func *fn, const char *key)
{
	for (uint32_t v = fn->nparams; key && v < fn->nvars; v++)
		if (bh_ir_var_is_global(&fn->vars[v]) && strcmp(bh_callgraph_global_key(&fn->vars[v]), key) == 0)
			return v;
	return UINT32_MAX;
}

bool bh_callgraph_global_written(const bh_callgraph *g, const bh_ir_var *v)
{
	return bh_strset_contains(&g->written, bh_callgraph_global_key(v));
}

bool bh_callgraph_call_const(const bh_callgraph *g, const bh_ir_instr *call, int64_t *value)
{
	if (call->op != BH_IR_CALL || call->callee.kind != BH_IR_OPND_FUNC)
		return false;
	size_t n = bh_callgraph_node_of_opnd(g, &call->callee);
	if (n == SIZE_MAX || !g->returns_const[n])
		return false;
	*value = g->const_value[n];
	return true;
}

// `flag = 0;` for a global initialised with 0: the value it always holds.
static bool stores_initial_value(const bh_ir_instr *in, const bh_ir_var *v)
{
	return in->op == BH_IR_ASSIGN && in->nargs == 1 && in->args[0].kind == BH_IR_OPND_INT &&
	       (v->flags & BH_IR_VAR_INIT) && in->args[0].ival == v->const_value;
}

// Which globals and fields any function reads (the call checks: a result
// stored in one that no code reads is never checked). Taking an address
// counts as a read: the pointer may be read through.
static void note_reads(bh_callgraph *g, const bh_ir_func *fn, const bh_ir_instr *in)
{
	if ((in->op == BH_IR_FIELD || in->op == BH_IR_FIELD_ADDR) && in->name)
		bh_strset_insert(&g->fields_read, in->name);
	for (uint32_t a = 0; a < in->nargs; a++) {
		const bh_ir_opnd *o = &in->args[a];
		if (o->kind == BH_IR_OPND_VAR && o->var < fn->nvars && bh_ir_var_is_global(&fn->vars[o->var]) &&
		    !bh_ir_stores_in_place(fn, in, a))
			bh_strset_insert(&g->read, bh_callgraph_global_key(&fn->vars[o->var]));
	}
}

// A global is written where it is assigned, stored into, or where its
// address escapes (then anything may write it); assigning the constant it
// is initialised with changes nothing (Juliet's `goodStatic = 0;` before
// a call that tests it). Reads are noted on the way.
static void note_accesses(bh_callgraph *g, const bh_ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			note_reads(g, fn, in);
			const bh_ir_opnd *w = NULL;
			if (in->dst.kind == BH_IR_OPND_VAR)
				w = &in->dst;
			if (in->op == BH_IR_ADDR || in->op == BH_IR_FIELD_STORE ||
			    in->op == BH_IR_INDEX_STORE || in->op == BH_IR_FIELD_ADDR ||
			    in->op == BH_IR_INDEX_ADDR)
				w = &in->args[0];
			if (w && w->kind == BH_IR_OPND_VAR) {
				const bh_ir_var *v = &fn->vars[w->var];
				if (bh_ir_var_is_global(v) && !(w == &in->dst && stores_initial_value(in, v)))
					bh_strset_insert(&g->written, bh_callgraph_global_key(v));
			}
		}
}

static bool same_place(const bh_loc *a, const bh_loc *b)
{
	return a->line == b->line && a->col == b->col && a->path && b->path &&
	       strcmp(a->path, b->path) == 0;
}

// A global's definition in a unit (an operations table, or any global of
// external linkage), for indexes sorted by key, then unit.
typedef struct {
	const char *key;
	size_t unit;
	const bh_ir_table *table; // an operations table's, else NULL
} unit_def;

static int def_order(const void *a, const void *b)
{
	const unit_def *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->unit > y->unit) - (x->unit < y->unit);
}

static void index_tables(bh_callgraph *g, const bh_ir_program *prog)
{
	size_t n = 0;
	for (size_t u = 0; u < prog->units.len; u++)
		for (const bh_ir_table *t = prog->units.items[u].tables; t; t = t->next)
			n++;
	unit_def *all = bh_xcalloc(n + 1, sizeof(*all));
	for (size_t u = 0; u < prog->units.len; u++)
		for (const bh_ir_table *t = prog->units.items[u].tables; t; t = t->next)
			all[g->ntables++] = (unit_def){ t->key, u, t };
	qsort(all, g->ntables, sizeof(*all), def_order);
	g->tables = bh_xcalloc(n + 1, sizeof(*g->tables));
	g->table_unit = bh_xcalloc(n + 1, sizeof(*g->table_unit));
	for (size_t i = 0; i < g->ntables; i++) {
		g->tables[i] = all[i].table;
		g->table_unit[i] = all[i].unit;
	}
	free(all);
}

// The first of the tables named `key`, or ntables.
static size_t first_table(const bh_callgraph *g, const char *key)
{
	size_t lo = 0, hi = g->ntables;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(g->tables[mid]->key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->ntables && strcmp(g->tables[lo]->key, key) == 0 ? lo : g->ntables;
}

const char *bh_callgraph_program(const bh_callgraph *g, size_t n)
{
	return n < g->nfuncs && g->program_of ? g->unit_paths[g->program_of[g->unit_of[n]]] : NULL;
}

const bh_ir_table *bh_callgraph_table(const bh_callgraph *g, const char *key, const bh_ir_func *from)
{
	size_t i = first_table(g, key);
	uintptr_t known;
	if (i == g->ntables || !from || !g->program_of || !bh_ptrmap_get(&g->known, func_key(from), &known))
		return i < g->ntables ? g->tables[i] : NULL;
	size_t u = entry_unit(known), best = SIZE_MAX;
	for (; i < g->ntables && strcmp(g->tables[i]->key, key) == 0; i++) {
		size_t t = g->table_unit[i];
		if (g->program_of[t] == g->program_of[u] &&
		    (best == SIZE_MAX || bh_callgraph_nearer(g->unit_paths[u], g->unit_paths[t],
							     g->unit_paths[g->table_unit[best]])))
			best = i;
	}
	return best == SIZE_MAX ? NULL : g->tables[best];
}

// Whether one of the definitions of a key (`first` and the others after
// it) is at `loc`.
static bool seen_at(const bh_callgraph *g, size_t first, const bh_loc *loc)
{
	for (size_t n = first; n != SIZE_MAX; n = g->same_key[n])
		if (same_place(&g->funcs[n]->loc, loc))
			return true;
	return false;
}

static void index_functions(bh_callgraph *g, const bh_ir_program *prog)
{
	size_t n = 0;
	index_tables(g, prog);
	for (size_t u = 0; u < prog->units.len; u++)
		n += prog->units.items[u].nfuncs;
	g->cap = 16;
	while (g->cap < n * 2)
		g->cap *= 2;
	g->by_key = bh_xcalloc(g->cap, sizeof(*g->by_key));
	g->funcs = bh_xcalloc(n + 1, sizeof(*g->funcs));
	g->same_key = bh_xcalloc(n + 1, sizeof(*g->same_key));
	g->unit_of = bh_xcalloc(n + 1, sizeof(*g->unit_of));
	g->unit_paths = bh_xcalloc(prog->units.len + 1, sizeof(*g->unit_paths));
	g->program_of = bh_xcalloc(prog->units.len + 1, sizeof(*g->program_of));
	for (size_t u = 0; u < prog->units.len; u++)
		g->program_of[u] = u;
	size_t *last_same = bh_xcalloc(n + 1, sizeof(*last_same)); // per first node: its chain's end
	for (size_t u = 0; u < prog->units.len; u++) {
		g->unit_paths[u] = prog->units.items[u].path;
		for (const bh_ir_func *fn = prog->units.items[u].first; fn; fn = fn->next) {
			size_t j = key_slot(g, func_key(fn));
			if (g->by_key[j] && seen_at(g, g->by_key[j] - 1, &fn->loc))
				continue; // an inline function of a header, seen again
			size_t node = g->nfuncs++;
			g->funcs[node] = fn;
			g->unit_of[node] = u;
			g->same_key[node] = SIZE_MAX;
			if (!g->by_key[j]) {
				g->by_key[j] = node + 1;
				last_same[node] = node;
			} else {
				size_t first = g->by_key[j] - 1;
				g->same_key[last_same[first]] = node;
				last_same[first] = node;
			}
		}
	}
	free(last_same);
}

// Programs: units joined when one links to a definition in the other
// (union-find over g->program_of, the smaller unit the root).
static void join_programs(bh_callgraph *g, size_t a, size_t b)
{
	bh_uf_join(g->program_of, a, b);
}

// The units defining each global of external linkage, sorted by key.
typedef BH_VEC(unit_def) global_defs;

static global_defs index_global_defs(const bh_ir_program *prog)
{
	global_defs defs = { 0 };
	for (size_t u = 0; u < prog->units.len; u++)
		for (const bh_ir_global_def *d = prog->units.items[u].defs; d; d = d->next)
			bh_vec_push(&defs, ((unit_def){ d->key, u, NULL }));
	if (defs.len)
		qsort(defs.items, defs.len, sizeof(*defs.items), def_order);
	return defs;
}

// The unit defining global `key` that unit `from` links with, chosen as a
// function's definition is (bh_callgraph_nearer), or SIZE_MAX.
static size_t global_def_unit(const bh_callgraph *g, const global_defs *defs, const char *key, size_t from)
{
	size_t lo = 0, hi = defs->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(defs->items[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t best = SIZE_MAX;
	for (size_t i = lo; i < defs->len && strcmp(defs->items[i].key, key) == 0; i++) {
		size_t u = defs->items[i].unit;
		if (best == SIZE_MAX || bh_callgraph_nearer(g->unit_paths[from], g->unit_paths[u], g->unit_paths[best]))
			best = u;
	}
	return best;
}

// The functions the units' operations tables name, linked from their units.
static void link_tables(bh_callgraph *g, const bh_ir_program *prog)
{
	for (size_t u = 0; u < prog->units.len; u++)
		for (const bh_ir_table *t = prog->units.items[u].tables; t; t = t->next)
			for (uint32_t k = 0; k < t->nfields; k++) {
				size_t n = link_key(g, t->fields[k].usr ? t->fields[k].usr : t->fields[k].func, u);
				if (n != SIZE_MAX)
					join_programs(g, u, g->unit_of[n]);
			}
}

typedef BH_VEC(size_t) size_vec;

// Places that name each function (bh_callgraph.uses), 2 for "more".
static void count_use(uint8_t *uses, size_t node, uint8_t n)
{
	if (node != SIZE_MAX)
		uses[node] = (uint8_t)(uses[node] + n > 2 ? 2 : uses[node] + n);
}

// A function operand of an instruction of a function of unit `unit`: a
// call or its address taken.
static void add_callee(bh_callgraph *g, size_vec *out, const bh_ir_opnd *o, size_t unit)
{
	if (o->kind != BH_IR_OPND_FUNC)
		return;
	size_t n = link_key(g, o->usr ? o->usr : o->str, unit);
	if (n == SIZE_MAX)
		return;
	bh_vec_push(out, n);
	count_use(g->uses, n, 1);
}

// Indirect-call edges join the graph only where they add no cycle. A
// callback or an operations table usually calls back into the code that
// registered it (a database's VFS methods, a server's event handlers), and
// such an edge would merge hundreds of functions into one component whose
// summaries no longer converge in a few rounds (sqlite3: one component of
// 1,448 functions). Without the edge the callee's summary may simply not be
// ready when the call is analysed, the same as an unresolved call.
#define REACH_BUDGET 50000 // nodes one cycle check may visit; past it the edge is dropped

typedef struct {
	const bh_callgraph *g;
	size_vec *extra;      // per node: indirect edges accepted so far
	unsigned *seen;       // stamps
	unsigned stamp;
	size_vec stack;
} reach_check;

// True when `to` may be reachable from `from` (or the budget ran out).
static bool may_reach(reach_check *r, size_t from, size_t to)
{
	r->stamp++;
	r->stack.len = 0;
	bh_vec_push(&r->stack, from);
	r->seen[from] = r->stamp;
	size_t visited = 0;
	while (r->stack.len) {
		size_t n = r->stack.items[--r->stack.len];
		if (n == to || ++visited > REACH_BUDGET)
			return true;
		for (int pass = 0; pass < 2; pass++) {
			const size_t *e = pass ? r->extra[n].items : &r->g->succ[r->g->succ_start[n]];
			size_t ne = pass ? r->extra[n].len : r->g->succ_start[n + 1] - r->g->succ_start[n];
			for (size_t k = 0; k < ne; k++)
				if (r->seen[e[k]] != r->stamp) {
					r->seen[e[k]] = r->stamp;
					bh_vec_push(&r->stack, e[k]);
				}
		}
	}
	return false;
}

// Merge the accepted indirect edges into the CSR arrays.
static void add_extra_edges(bh_callgraph *g, size_vec *extra)
{
	size_t total = g->succ_start[g->nfuncs];
	for (size_t n = 0; n < g->nfuncs; n++)
		total += extra[n].len;
	size_t *succ = bh_xcalloc(total + 1, sizeof(*succ));
	size_t *start = bh_xcalloc(g->nfuncs + 1, sizeof(*start));
	size_t k = 0;
	for (size_t n = 0; n < g->nfuncs; n++) {
		start[n] = k;
		for (size_t e = g->succ_start[n]; e < g->succ_start[n + 1]; e++)
			succ[k++] = g->succ[e];
		for (size_t e = 0; e < extra[n].len; e++)
			succ[k++] = extra[n].items[e];
	}
	start[g->nfuncs] = k;
	free(g->succ);
	free(g->succ_start);
	g->succ = succ;
	g->succ_start = start;
}

// In the order the calls were scanned (caller, then instruction): which
// edges a cycle check keeps depends on the order.
static void add_indirect_edges(bh_callgraph *g)
{
	reach_check r = { g, bh_xcalloc(g->nfuncs + 1, sizeof(size_vec)),
			  bh_xcalloc(g->nfuncs + 1, sizeof(unsigned)), 0, { 0 } };
	bool any = false;
	for (size_t k = 0; k < bh_fnptr__count(g->indirect); k++) {
		size_t u;
		const size_t *targets;
		size_t nt = bh_fnptr__entry(g->indirect, k, &u, &targets);
		for (size_t t = 0; t < nt; t++) {
			size_t v = targets[t];
			bool known = v == u;
			for (size_t e = 0; e < r.extra[u].len && !known; e++)
				known = r.extra[u].items[e] == v;
			if (!known && !may_reach(&r, v, u)) {
				bh_vec_push(&r.extra[u], v);
				any = true;
			}
		}
	}
	if (any)
		add_extra_edges(g, r.extra);
	for (size_t n = 0; n < g->nfuncs; n++)
		bh_vec_dispose(&r.extra[n]);
	free(r.extra);
	free(r.seen);
	bh_vec_dispose(&r.stack);
}

// An operations table counts as many uses: its functions are called from
// wherever the table is.
static void count_table_uses(const bh_callgraph *g, uint8_t *uses)
{
	for (size_t t = 0; t < g->ntables; t++)
		for (uint32_t k = 0; k < g->tables[t]->nfields; k++) {
			const bh_ir_fn_field *f = &g->tables[t]->fields[k];
			count_use(uses, bh_callgraph_node(g, f->usr ? f->usr : f->func), 2);
		}
}

const bh_ir_func *bh_callgraph_function_at(const bh_callgraph *g, const bh_loc *loc)
{
	const bh_ir_func *best = NULL;
	for (size_t i = 0; loc->path && i < g->nfuncs; i++) {
		const bh_ir_func *fn = g->funcs[i];
		if (fn->loc.path && strcmp(fn->loc.path, loc->path) == 0 && fn->loc.line <= loc->line &&
		    (!best || fn->loc.line > best->loc.line))
			best = fn;
	}
	return best;
}

bool bh_callgraph_single_use(const bh_callgraph *g, size_t n)
{
	return n < g->nfuncs && g->uses && g->uses[n] == 1;
}

void bh_callgraph_build(bh_callgraph *g, const bh_ir_program *prog)
{
	memset(g, 0, sizeof(*g));
	index_functions(g, prog);
	link_tables(g, prog);
	// One walk over every body (each decoded once): globals written,
	// what function pointers may hold, direct edges, constant returns.
	bh_fnptr__resolver *fr = bh_fnptr__begin(g);
	global_defs defs = index_global_defs(prog);
	size_vec edges = { 0 };
	g->succ_start = bh_xcalloc(g->nfuncs + 1, sizeof(*g->succ_start));
	g->uses = bh_xcalloc(g->nfuncs + 1, sizeof(*g->uses));
	g->returns_const = bh_xcalloc(g->nfuncs + 1, sizeof(*g->returns_const));
	g->const_value = bh_xcalloc(g->nfuncs + 1, sizeof(*g->const_value));
	for (size_t s = 0; s < g->nfuncs; s++) {
		g->succ_start[s] = edges.len;
		const bh_ir_func *fn = g->funcs[s];
		size_t unit = g->unit_of[s];
		bh_ir_func_acquire(fn);
		note_accesses(g, fn);
		(void)link_key(g, func_key(fn), unit);
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
				const bh_ir_instr *in = &fn->blocks[b].instrs[i];
				add_callee(g, &edges, &in->callee, unit);
				for (uint32_t a = 0; a < in->nargs; a++)
					add_callee(g, &edges, &in->args[a], unit);
			}
		// Functions in the operations tables it reads (`ops.release(p)`).
		for (uint32_t v = 0; v < fn->nvars; v++) {
			// (A global another unit defines, `extern struct cmd
			// commands[];`, links the two units into one program.)
			if (fn->vars[v].kind == BH_IR_VAR_GLOBAL) {
				size_t d = global_def_unit(g, &defs, bh_callgraph_global_key(&fn->vars[v]), unit);
				if (d != SIZE_MAX)
					join_programs(g, unit, d);
			}
			for (uint32_t k = 0; k < fn->vars[v].nfn_fields; k++) {
				const bh_ir_fn_field *ff = &fn->vars[v].fn_fields[k];
				size_t n = link_key(g, ff->usr ? ff->usr : ff->func, unit);
				if (n != SIZE_MAX)
					bh_vec_push(&edges, n);
			}
		}
		// A program is the units its functions reach this way (the
		// resolver keeps each program's members and globals apart).
		for (size_t e = g->succ_start[s]; e < edges.len; e++)
			join_programs(g, unit, g->unit_of[edges.items[e]]);
		// (After the names it uses are linked: the resolver looks them up.)
		bh_fnptr__scan(fr, s);
		// (Asked at every call the analyses fold: a walk over the
		// callee's blocks each time was 1 % of a redis rescan.)
		g->returns_const[s] = bh_ir_func_returns_constant(fn, &g->const_value[s]);
		bh_ir_func_release(fn);
	}
	g->succ_start[g->nfuncs] = edges.len;
	g->succ = edges.items;
	bh_vec_dispose(&defs);
	for (size_t u = 0; u < prog->units.len; u++)
		g->program_of[u] = bh_uf_root(g->program_of, u);
	g->indirect = bh_fnptr__finish(fr);
	add_indirect_edges(g);
	g->as_opnd = bh_xcalloc(g->nfuncs + 1, sizeof(*g->as_opnd));
	for (size_t n = 0; n < g->nfuncs; n++)
		g->as_opnd[n] = (bh_ir_opnd){ .kind = BH_IR_OPND_FUNC, .str = g->funcs[n]->name,
					      .usr = g->funcs[n]->usr };
	count_table_uses(g, g->uses);
}

void bh_callgraph_dispose(bh_callgraph *g)
{
	free(g->uses);
	free(g->funcs);
	free(g->by_key);
	free(g->same_key);
	free(g->unit_of);
	free(g->unit_paths);
	free(g->program_of);
	free(g->succ_start);
	free(g->succ);
	bh_strset_dispose(&g->written);
	bh_strset_dispose(&g->read);
	bh_strset_dispose(&g->fields_read);
	bh_fnptr__free(g->indirect);
	free(g->tables);
	free(g->table_unit);
	free(g->as_opnd);
	bh_ptrmap_dispose(&g->known);
	free(g->returns_const);
	free(g->const_value);
	memset(g, 0, sizeof(*g));
}

const bh_callgraph *bh_callgraph_acquire(const bh_callgraph *shared, bh_callgraph *own,
					 const bh_ir_program *prog)
{
	if (shared)
		return shared;
	bh_callgraph_build(own, prog);
	return own;
}

void bh_callgraph_release(const bh_callgraph *used, bh_callgraph *own)
{
	if (used == own)
		bh_callgraph_dispose(own);
}

size_t bh_callgraph_indirect(const bh_callgraph *g, const bh_ir_func *fn, const bh_ir_instr *call,
			     const size_t **targets)
{
	return bh_fnptr__targets(g->indirect, fn, call, targets);
}

const bh_ir_opnd *bh_callgraph_single_callee(const bh_callgraph *g, const bh_ir_func *fn, const bh_ir_instr *call,
					     const bh_ir_opnd *const *fn_value)
{
	if (call->callee.kind == BH_IR_OPND_FUNC)
		return &call->callee;
	if (call->callee.kind != BH_IR_OPND_VAR)
		return NULL;
	if (fn_value && fn_value[call->callee.var])
		return fn_value[call->callee.var];
	const size_t *targets;
	return bh_callgraph_indirect(g, fn, call, &targets) == 1 ? &g->as_opnd[targets[0]] : NULL;
}

bh_callgraph_via bh_callgraph_indirect_via(const bh_callgraph *g, const bh_ir_func *fn, const bh_ir_instr *call)
{
	return bh_fnptr__via(g->indirect, fn, call);
}

bool bh_callgraph_calls_itself(const bh_callgraph *g, size_t n)
{
	for (size_t e = g->succ_start[n]; e < g->succ_start[n + 1]; e++)
		if (g->succ[e] == n)
			return true;
	return false;
}

// Tarjan's algorithm with an explicit stack of frames (node, next edge),
// so that deep call chains cannot overflow the C stack.
typedef struct {
	size_t *index, *low;
	bool *on_stack;
	size_t *stack, sp;
	size_t next;
} tarjan;

typedef struct {
	size_t node, edge;
} frame;

void bh_callgraph_components(const bh_callgraph *g,
			     bool (*emit)(const size_t *nodes, size_t n, void *payload),
			     void *payload)
{
	size_t n = g->nfuncs + 1;
	tarjan t = {
		bh_xcalloc(n, sizeof(size_t)), bh_xcalloc(n, sizeof(size_t)),
		bh_xcalloc(n, sizeof(bool)), bh_xcalloc(n, sizeof(size_t)), 0, 1,
	};
	frame *calls = bh_xcalloc(n, sizeof(*calls));
	bool go = true;
	for (size_t root = 0; go && root < g->nfuncs; root++) {
		if (t.index[root])
			continue;
		size_t depth = 0;
		calls[depth++] = (frame){ root, g->succ_start[root] };
		t.index[root] = t.low[root] = t.next++;
		t.stack[t.sp++] = root;
		t.on_stack[root] = true;
		while (go && depth) {
			frame *f = &calls[depth - 1];
			if (f->edge < g->succ_start[f->node + 1]) {
				size_t w = g->succ[f->edge++];
				if (!t.index[w]) {
					t.index[w] = t.low[w] = t.next++;
					t.stack[t.sp++] = w;
					t.on_stack[w] = true;
					calls[depth++] = (frame){ w, g->succ_start[w] };
				} else if (t.on_stack[w] && t.index[w] < t.low[f->node]) {
					t.low[f->node] = t.index[w];
				}
				continue;
			}
			size_t v = f->node;
			depth--;
			if (depth && t.low[v] < t.low[calls[depth - 1].node])
				t.low[calls[depth - 1].node] = t.low[v];
			if (t.low[v] == t.index[v]) {
				size_t start = t.sp;
				do {
					start--;
					t.on_stack[t.stack[start]] = false;
				} while (t.stack[start] != v);
				go = emit(&t.stack[start], t.sp - start, payload);
				t.sp = start;
			}
		}
	}
	free(calls);
	free(t.index);
	free(t.low);
	free(t.on_stack);
	free(t.stack);
}
