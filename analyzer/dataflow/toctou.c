// SPDX-License-Identifier: MIT
// c.toctou (CWE-367): a file is checked by its name (access, stat, lstat,
// faccessat, ...: `check` models), a branch is taken on the outcome, and
// on some path from there a call opens, changes or removes a file by the
// same name (open, fopen, chmod, unlink, rename, execve, ...: `use`
// models). Between the two another process can replace the file, often
// with a symbolic link, and the use acts on a file nobody checked.
//
// The same name is the same value: one variable not reassigned in
// between (copies `p = path` are followed back to what they copy), one
// field `s->path` of one base with no store to that field in between, one
// element `names[i]` with neither reassigned, or equal string literals.
// An array filled again in between (passed as the first argument of a
// call, stored into) holds another name.
//
// Decided: the use counts only where a branch on the check's outcome (its
// result, or the stat buffer it filled, through any computation) decides
// whether it runs (control dependence, over post-dominators): that is a
// decision taken on facts that may be stale. `stat(p, &st)` merely
// followed by `open(p)` is not reported, nor a use after both sides of
// the `if` join. Of several uses, the nearest one is named.
//
// Across functions (summaries): a helper whose every return gives the
// outcome of a check of its parameter is a check at its call (`if
// (can_write(path))`); a callee that uses its parameter as a file name is
// a use at its call.
//
// Not reported: checks on a descriptor (fstat), a check after the use,
// names that are not provably the same, calls that create a name and fail
// when it exists (no `use` model: mkdir, symlink).
//
// Requires: reaching definitions, constants (feasible edges),
// post-dominators. Provides: summary field `param_path`.
#include <string.h>

#include "dataflow/call_checks_internal.h"

// How many copies and field bases are followed to the name's root.
#define MAX_KEY_DEPTH 4

typedef enum { KEY_NONE, KEY_VAR, KEY_FIELD, KEY_INDEX, KEY_STR } key_kind;

// A file name as a value: which variable, field, element or literal holds it.
typedef struct {
	key_kind kind;
	uint32_t var;      // VAR: the variable; FIELD, INDEX: the base variable
	const char *field; // FIELD
	bool arrow;        // FIELD: `->`
	const char *str;   // STR: the bytes
	size_t len;
	bool entry;       // VAR: the value a parameter had on entry
	bh_ir_opnd index; // INDEX: a variable or an integer constant
} path_key;

static bool same_defs(const bh_calls__fctx *c, const bh_ir_instr *a, const bh_ir_instr *b,
		      uint32_t var)
{
	if (!c->reach)
		return false;
	uint32_t da[8], db[8];
	size_t na = bh_flow_reach_at(c->reach, a->id, var, da, 8);
	size_t nb = bh_flow_reach_at(c->reach, b->id, var, db, 8);
	return na == nb && na <= 8 && memcmp(da, db, na * sizeof(*da)) == 0;
}

static path_key key_of(const bh_calls__fctx *c, const bh_ir_instr *at, const bh_ir_opnd *o,
		       int depth);

// A variable's key: the variable itself, or what its only definition
// copied when that still holds at `at`.
static path_key var_key(const bh_calls__fctx *c, const bh_ir_instr *at, uint32_t v, int depth)
{
	path_key k = { .kind = KEY_VAR, .var = v };
	const bh_ir_func *fn = c->fn;
	const bh_ir_instr *d = bh_calls__only_def(c, at, v, &k.entry);
	bool temp = fn->vars[v].kind == BH_IR_VAR_TEMP;
	if (!d || depth >= MAX_KEY_DEPTH) {
		if (temp)
			k.kind = KEY_NONE;
		return k;
	}
	switch (d->op) {
	case BH_IR_ASSIGN: {
		const bh_ir_opnd *src = &d->args[0];
		// `p = path`: p holds path's value as long as path keeps it.
		if (src->kind == BH_IR_OPND_VAR && fn->vars[src->var].kind != BH_IR_VAR_TEMP &&
		    !same_defs(c, d, at, src->var))
			break;
		path_key s = key_of(c, d, src, depth + 1);
		if (s.kind != KEY_NONE)
			return s;
		break;
	}
	case BH_IR_FIELD:
		if (d->args[0].kind == BH_IR_OPND_VAR && d->name) {
			path_key base = var_key(c, d, d->args[0].var, depth + 1);
			if (base.kind == KEY_VAR)
				return (path_key){ .kind = KEY_FIELD,
						   .var = base.var,
						   .field = d->name,
						   .arrow = d->arrow };
		}
		break;
	case BH_IR_INDEX: // names[i]
		if (d->args[0].kind == BH_IR_OPND_VAR &&
		    (d->args[1].kind == BH_IR_OPND_INT ||
		     (d->args[1].kind == BH_IR_OPND_VAR &&
		      fn->vars[d->args[1].var].kind != BH_IR_VAR_TEMP))) {
			path_key base = var_key(c, d, d->args[0].var, depth + 1);
			if (base.kind == KEY_VAR)
				return (path_key){ .kind = KEY_INDEX,
						   .var = base.var,
						   .index = d->args[1] };
		}
		break;
	case BH_IR_INDEX_ADDR: // &buf[0]
		if (d->args[0].kind == BH_IR_OPND_VAR &&
		    (fn->vars[d->args[0].var].flags & BH_IR_VAR_ARRAY) &&
		    d->args[1].kind == BH_IR_OPND_INT && d->args[1].ival == 0)
			return (path_key){ .kind = KEY_VAR, .var = d->args[0].var };
		break;
	default:
		break;
	}
	if (temp)
		k.kind = KEY_NONE;
	return k;
}

static path_key key_of(const bh_calls__fctx *c, const bh_ir_instr *at, const bh_ir_opnd *o,
		       int depth)
{
	path_key none = { .kind = KEY_NONE };
	if (o->kind == BH_IR_OPND_STR && o->str)
		return (path_key){ .kind = KEY_STR, .str = o->str, .len = o->len };
	if (o->kind != BH_IR_OPND_VAR || o->var >= c->fn->nvars)
		return none;
	return var_key(c, at, o->var, depth);
}

static bool same_key(const path_key *a, const path_key *b)
{
	if (a->kind != b->kind || a->kind == KEY_NONE)
		return false;
	switch (a->kind) {
	case KEY_VAR:
		return a->var == b->var;
	case KEY_FIELD:
		return a->var == b->var && a->arrow == b->arrow && strcmp(a->field, b->field) == 0;
	case KEY_INDEX:
		return a->var == b->var && a->index.kind == b->index.kind &&
		       (a->index.kind == BH_IR_OPND_INT ? a->index.ival == b->index.ival
							: a->index.var == b->index.var);
	case KEY_STR:
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	default:
		return false;
	}
}

// Does `in` give the name another value (or another file)?
static bool kills(const bh_calls__fctx *c, const bh_ir_instr *in, const path_key *k)
{
	uint32_t base = k->var;
	switch (k->kind) {
	case KEY_VAR:
		if (in->dst.kind == BH_IR_OPND_VAR && in->dst.var == base)
			return true;
		if (!(c->fn->vars[base].flags & BH_IR_VAR_ARRAY))
			return false;
		// An array is written in place: a[i] = x, or a call that gets
		// it as its destination (snprintf, strcpy, memcpy, read).
		if (in->op == BH_IR_INDEX_STORE && in->args[0].kind == BH_IR_OPND_VAR &&
		    in->args[0].var == base)
			return true;
		return in->op == BH_IR_CALL && in->nargs && in->args[0].kind == BH_IR_OPND_VAR &&
		       in->args[0].var == base;
	case KEY_FIELD:
		if (in->dst.kind == BH_IR_OPND_VAR && in->dst.var == base)
			return true;
		return in->op == BH_IR_FIELD_STORE && in->name && strcmp(in->name, k->field) == 0;
	case KEY_INDEX:
		if (in->dst.kind == BH_IR_OPND_VAR &&
		    (in->dst.var == base ||
		     (k->index.kind == BH_IR_OPND_VAR && in->dst.var == k->index.var)))
			return true;
		return in->op == BH_IR_INDEX_STORE && in->args[0].kind == BH_IR_OPND_VAR &&
		       in->args[0].var == base;
	default:
		return false;
	}
}

// ---------------------------------------------------------- checks, uses

// One check site: the call, the argument it checks, what it fills.
typedef struct {
	const bh_ir_instr *call;
	const char *by; // "access", or the helper "can_write"
	unsigned arg;
	int out;           // the argument it fills, or -1
	const char *inner; // for a helper: the library function that checks, else NULL
	bh_loc inner_loc;
} check_site;

static bool is_check(const bh_calls__fctx *c, const bh_ir_instr *in, unsigned j, check_site *out)
{
	if (in->op != BH_IR_CALL)
		return false;
	bh_calls__target t = bh_calls__resolve(c, in);
	for (size_t i = 0; i < t.nmodels; i++) {
		const bh_calls_model *m = &t.models[i];
		if (m->kind == BH_CALLS_CHECK && m->arg == j && j < in->nargs) {
			*out = (check_site){ in, t.name, j, m->out, NULL, { 0 } };
			return true;
		}
	}
	if (t.sum && j < t.sum->fn->nparams && j < in->nargs &&
	    (t.sum->param_path[j] & BH_CALLS__P_CHECK)) {
		*out = (check_site){ in, t.name, j, -1, t.sum->path_by[j], t.sum->path_loc[j] };
		return true;
	}
	return false;
}

// One use found: the call, and for a callee the library call inside.
typedef struct {
	const bh_ir_instr *call;
	const char *by;    // the function called here
	const char *inner; // for a callee: the library function that uses the name, else NULL
	bh_loc inner_loc;
	bool entry; // the name is a parameter's entry value there
} use_site;

static bool is_use(const bh_calls__fctx *c, const bh_ir_instr *in, const path_key *k, use_site *out)
{
	if (in->op != BH_IR_CALL)
		return false;
	bh_calls__target t = bh_calls__resolve(c, in);
	for (size_t i = 0; i < t.nmodels; i++) {
		const bh_calls_model *m = &t.models[i];
		if (m->kind != BH_CALLS_USE || m->arg >= in->nargs)
			continue;
		path_key u = key_of(c, in, &in->args[m->arg], 0);
		if (same_key(&u, k)) {
			*out = (use_site){ in, t.name, NULL, { 0 }, u.entry };
			return true;
		}
	}
	for (uint32_t j = 0; t.sum && j < t.sum->fn->nparams && j < in->nargs; j++) {
		if (!(t.sum->param_path[j] & BH_CALLS__P_USE))
			continue;
		path_key u = key_of(c, in, &in->args[j], 0);
		if (same_key(&u, k)) {
			*out = (use_site){ in, t.name, t.sum->path_by[j], t.sum->path_loc[j],
					   u.entry };
			return true;
		}
	}
	return false;
}

// ------------------------------------------------------ outcome values

// The variables whose value depends on the outcome of a check: its
// result, the buffer it filled, and everything computed from them
// (flow-insensitive, within the function).
static bool *derived_from(const bh_calls__fctx *c, const check_site *s)
{
	const bh_ir_func *fn = c->fn;
	bool *d = bh_arena_alloc(c->arena, fn->nvars + 1);
	memset(d, 0, fn->nvars + 1);
	if (s->call->dst.kind == BH_IR_OPND_VAR)
		d[s->call->dst.var] = true;
	if (s->out >= 0 && (unsigned)s->out < s->call->nargs) {
		const bh_ir_opnd *o = &s->call->args[s->out];
		if (o->kind == BH_IR_OPND_VAR) {
			const bh_ir_instr *a = bh_ir_def_before(fn, s->call, o->var);
			if (a && a->op == BH_IR_ADDR && a->args[0].kind == BH_IR_OPND_VAR)
				d[a->args[0].var] = true; // &st
			else if (fn->vars[o->var].kind != BH_IR_VAR_TEMP)
				d[o->var] = true; // a pointer to the buffer
		}
	}
	for (bool changed = true; changed;) {
		changed = false;
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; c->feasible[b] && i < fn->blocks[b].ninstrs; i++) {
				const bh_ir_instr *in = &fn->blocks[b].instrs[i];
				if (in->dst.kind != BH_IR_OPND_VAR || d[in->dst.var] ||
				    in == s->call)
					continue;
				for (uint32_t a = 0; a < in->nargs; a++)
					if (in->args[a].kind == BH_IR_OPND_VAR &&
					    d[in->args[a].var]) {
						d[in->dst.var] = true;
						changed = true;
						break;
					}
			}
	}
	return d;
}

// The blocks whose execution the outcome of a check decides: those
// control dependent on a branch on a value derived from it. A use after
// both sides of such an `if` join is not decided by the check.
static bool *decided_by_outcome(bh_calls__fctx *c, const bool *derived)
{
	const bh_ir_func *fn = c->fn;
	bool *decided = bh_arena_alloc(c->arena, fn->nblocks + 1);
	memset(decided, 0, fn->nblocks + 1);
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (c->feasible[b] && t && (t->op == BH_IR_BR || t->op == BH_IR_SWITCH) &&
		    t->nargs && t->args[0].kind == BH_IR_OPND_VAR && derived[t->args[0].var])
			bh_calls__decided_by(c, b, decided);
	}
	return decided;
}

// ---------------------------------------------------------------- search

typedef struct {
	const bh_calls__fctx *c;
	const path_key *key;
	const bool *decided;
	use_site use;
	bool found;
} use_search;

static bh_calls__next visit_use(const bh_ir_instr *in, void *payload)
{
	use_search *s = payload;
	if (s->decided[in->block] && is_use(s->c, in, s->key, &s->use)) {
		s->found = true;
		return BH_CALLS__STOP;
	}
	return kills(s->c, in, s->key) ? BH_CALLS__CUT : BH_CALLS__GO;
}

static const char *key_text(const bh_calls__fctx *c, const check_site *s, const path_key *k)
{
	const bh_ir_func *fn = c->fn;
	bh_arena *a = c->prog->arena;
	// Elements and fields as written: `names[i]`, `s->path`.
	if (k->kind == KEY_INDEX)
		return k->index.kind == BH_IR_OPND_INT
			       ? bh_arena_sprintf(a, "'%s[%lld]'", fn->vars[k->var].name,
						  (long long)k->index.ival)
			       : bh_arena_sprintf(a, "'%s[%s]'", fn->vars[k->var].name,
						  fn->vars[k->index.var].name);
	if (k->kind == KEY_FIELD)
		return bh_arena_sprintf(a, "'%s%s%s'", fn->vars[k->var].name, k->arrow ? "->" : ".",
					k->field);
	const bh_ir_opnd *o = &s->call->args[s->arg];
	const char *t = bh_calls__operand_name(c, s->call, o);
	if (!t)
		return "the file name";
	// A literal comes in double quotes already.
	return o->kind == BH_IR_OPND_STR ? t : bh_arena_sprintf(a, "'%s'", t);
}

static void report(const bh_calls__fctx *c, const check_site *s, const path_key *k,
		   const use_site *u)
{
	bh_arena *a = c->prog->arena;
	const char *name = key_text(c, s, k);
	bh_finding_step steps[4];
	size_t n = 0;
	if (s->inner)
		steps[n++] = (bh_finding_step){
			s->inner_loc, bh_arena_sprintf(a, "%s() checks the name here", s->inner)
		};
	steps[n++] =
		(bh_finding_step){ s->call->loc,
				   bh_arena_sprintf(a, "%s is checked by %s() here", name, s->by) };
	const char *via = "";
	if (u->inner) {
		steps[n++] = (bh_finding_step){
			u->inner_loc, bh_arena_sprintf(a, "%s() uses the name here", u->inner)
		};
		via = bh_arena_sprintf(a, ", which passes it to %s()", u->inner);
	}
	bh_calls__report(
		c, BH_RULE_C_TOCTOU, u->call, name, steps, n,
		"used here, on the strength of the earlier check",
		"%s is checked by %s() at line %u and then used by %s()%s: the file can be "
		"replaced in between",
		name, s->by, s->call->loc.line, u->by, via);
}

// Search the uses that follow check `s` on name `k`.
static void follow_check(bh_calls__fctx *c, const check_site *s, const path_key *k)
{
	use_search us = { c, k, decided_by_outcome(c, derived_from(c, s)), { 0 }, false };
	bh_calls__walk(c, s->call, visit_use, &us);
	if (us.found)
		report(c, s, k, &us.use);
}

// ------------------------------------------------------------- summaries

// Parameter j's entry value, used as a file name by `in`? Note it.
static void note_param_use(bh_calls__fctx *c, const bh_ir_instr *in)
{
	for (uint32_t j = 0; j < c->fn->nparams; j++) {
		if (c->sum->param_path[j] & BH_CALLS__P_USE)
			continue;
		path_key k = { .kind = KEY_VAR, .var = j, .entry = true };
		use_site u;
		// Only the value the caller passed: after `path = other;` the
		// name is another one.
		if (!is_use(c, in, &k, &u) || !u.entry)
			continue;
		c->sum->param_path[j] |= BH_CALLS__P_USE;
		c->sum->path_by[j] = u.inner ? u.inner : u.by;
		c->sum->path_loc[j] = u.inner ? u.inner_loc : in->loc;
	}
}

// Does the value `ret` returns depend on the outcome: computed from it,
// or set on a path the outcome chooses (`return lstat(p, &st) == 0 &&
// S_ISREG(st.st_mode);` is 1 or 0 by the branches)?
static bool returns_outcome(const bh_calls__fctx *c, const bh_ir_instr *ret, const bool *derived,
			    const bool *decided)
{
	const bh_ir_opnd *o = &ret->args[0];
	if (decided[ret->block] || (o->kind == BH_IR_OPND_VAR && derived[o->var]))
		return true;
	if (o->kind != BH_IR_OPND_VAR || !c->reach)
		return false;
	uint32_t defs[8];
	size_t n = bh_flow_reach_at(c->reach, ret->id, o->var, defs, 8);
	for (size_t i = 0; i < n && i < 8; i++) {
		const bh_ir_instr *d = bh_ir_instr_at(c->fn, c->reach->defs[defs[i]].instr);
		if (d && decided[d->block])
			return true;
	}
	return false;
}

// A check of parameter j whose outcome is what the function returns, on
// every path, is a check where it is called (`int can_write(const char
// *p) { return access(p, W_OK) == 0; }`). A function that also uses the
// name, or returns other things on other paths (a writer that stats the
// file somewhere and returns 1 on one failure), is not.
static void note_param_check(bh_calls__fctx *c, const check_site *s, const path_key *k)
{
	if (k->kind != KEY_VAR || !k->entry || k->var >= c->fn->nparams ||
	    (c->sum->param_path[k->var] & (BH_CALLS__P_CHECK | BH_CALLS__P_USE)))
		return;
	const bh_ir_func *fn = c->fn;
	const bool *derived = derived_from(c, s);
	const bool *decided = decided_by_outcome(c, derived);
	size_t rets = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *ret = bh_ir_block_terminator(&fn->blocks[b]);
		if (!c->feasible[b] || !ret || ret->op != BH_IR_RET)
			continue;
		if (!ret->nargs || !returns_outcome(c, ret, derived, decided))
			return;
		rets++;
	}
	if (!rets)
		return;
	c->sum->param_path[k->var] |= BH_CALLS__P_CHECK;
	c->sum->path_by[k->var] = s->by;
	c->sum->path_loc[k->var] = s->call->loc;
}

// The checks of parameters count only once the whole function has been
// seen: a use of the parameter anywhere rules the function out.
static void note_param_checks(bh_calls__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; c->feasible[b] && i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			for (uint32_t j = 0; in->op == BH_IR_CALL && j < in->nargs; j++) {
				check_site s;
				if (!is_check(c, in, j, &s))
					continue;
				path_key k = key_of(c, in, &in->args[j], 0);
				if (k.kind != KEY_NONE)
					note_param_check(c, &s, &k);
			}
		}
}

// ------------------------------------------------------------------ rule

void bh_calls__toctou(bh_calls__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		if (!c->feasible[b])
			continue;
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op != BH_IR_CALL)
				continue;
			note_param_use(c, in);
			for (uint32_t j = 0; j < in->nargs; j++) {
				check_site s;
				if (!is_check(c, in, j, &s))
					continue;
				path_key k = key_of(c, in, &in->args[j], 0);
				if (k.kind != KEY_NONE && c->out)
					follow_check(c, &s, &k);
			}
		}
	}
	note_param_checks(c);
}
