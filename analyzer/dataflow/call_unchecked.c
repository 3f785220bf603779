// SPDX-License-Identifier: MIT
// c.unchecked-return (CWE-252, CWE-253): the result of a call whose failure
// matters for security is never looked at, or is looked at in a way that
// cannot see the failure.
//
//   ignored   a must-check call (setuid, chroot, chdir, mlock, setrlimit;
//             rules/c/calls.models) or a wrapper of the program that returns
//             such a result, whose value no feasible path reads: an
//             expression statement, a variable or copy never read (reaching
//             definitions; reads under a constant-false condition do not
//             count), a global or a field no function of the program reads,
//             or a parameter the callee never reads (liveness). A `(void)`
//             cast is no excuse: the IR does not keep casts, and for these
//             calls a failure leaves the process less safe than it believes.
//   partial   the count of read/recv/fread is ignored while the buffer is
//             used afterwards: a short read leaves part of it stale.
//   wrong     a comparison of a status or pointer result with a constant
//             that gives the same outcome for failure as for some success:
//             `setuid(u) == 1`, `pthread_mutex_lock(&m) == -1`,
//             `malloc(n) < 0`, `mmap(...) == NULL`.
//
// Not reported: results of calls without a model, results read anywhere
// (whatever the test), a setuid whose effect is verified afterwards with a
// getter of the model's verify= list (`if (getuid() != uid) abort();`).
//
// Requires: reaching definitions, constants (feasible blocks), liveness
// for the parameter summary. Provides: summary fields `must`,
// `param_unread`.
#include <stdio.h>
#include <string.h>

#include "dataflow/call_checks_internal.h"

// How many copies of a result are followed (`rc2 = rc;`).
#define MAX_COPY_DEPTH 4

// Where an unread result went, for the message and the path.
typedef struct {
	const char *how; // "is stored in 'rc' and never read", or NULL: discarded at once
	bh_loc loc;
} sink;

static void note_sink(sink *sk, const char *how, bh_loc loc)
{
	if (!sk->how) {
		sk->how = how;
		sk->loc = loc;
	}
}

static bool value_read(const bh_calls__fctx *c, const bh_ir_instr *def, int depth, sink *sk);

// Is the value of `def` read by `use`, which mentions it? Only a copy, a
// store into a field nothing reads and an argument the callee ignores do
// not count by themselves.
static bool use_reads(const bh_calls__fctx *c, const bh_ir_instr *def, const bh_ir_instr *use,
		      int depth, sink *sk)
{
	const bh_ir_func *fn = c->fn;
	uint32_t v = def->dst.var;
	bh_arena *a = c->prog->arena;
	switch (use->op) {
	case BH_IR_ASSIGN:
		if (use->dst.kind != BH_IR_OPND_VAR || depth >= MAX_COPY_DEPTH)
			return true;
		if (value_read(c, use, depth + 1, sk))
			return true;
		note_sink(sk,
			  bh_arena_sprintf(a, "is copied to '%s', which is never read",
					   fn->vars[use->dst.var].name),
			  use->loc);
		return false;
	case BH_IR_FIELD_STORE: {
		if (use->nargs < 2 || use->args[1].kind != BH_IR_OPND_VAR ||
		    use->args[1].var != v ||
		    (use->args[0].kind == BH_IR_OPND_VAR && use->args[0].var == v) || !use->name)
			return true;
		if (bh_calls__field_read(c->prog, use->name))
			return true;
		const char *base = bh_calls__operand_name(c, use, &use->args[0]);
		note_sink(sk,
			  bh_arena_sprintf(a, "is stored in '%s%s%s', a field no function reads",
					   base ? base : "", use->arrow ? "->" : ".", use->name),
			  use->loc);
		return false;
	}
	case BH_IR_CALL: {
		if (use->callee.kind == BH_IR_OPND_VAR && use->callee.var == v)
			return true;
		bh_calls__target t = bh_calls__resolve(c, use);
		for (uint32_t j = 0; j < use->nargs; j++) {
			if (use->args[j].kind != BH_IR_OPND_VAR || use->args[j].var != v)
				continue;
			if (!t.sum || j >= t.sum->fn->nparams || !t.sum->param_unread[j])
				return true;
		}
		note_sink(sk,
			  bh_arena_sprintf(a, "is passed to %s(), which never reads it", t.name),
			  use->loc);
		return false;
	}
	default:
		return true;
	}
}

// Is the value instruction `def` gives its variable read on some
// feasible path? Unknowns answer yes.
static bool value_read(const bh_calls__fctx *c, const bh_ir_instr *def, int depth, sink *sk)
{
	if (def->dst.kind != BH_IR_OPND_VAR)
		return false;
	const bh_ir_func *fn = c->fn;
	uint32_t v = def->dst.var;
	const bh_ir_var *var = &fn->vars[v];
	if (bh_ir_var_is_global(var)) {
		if (bh_calls__global_read(c->prog, bh_callgraph_global_key(var)))
			return true;
		note_sink(sk,
			  bh_arena_sprintf(c->prog->arena,
					   "is stored in '%s', which no function reads", var->name),
			  def->loc);
		return false;
	}
	if (var->flags & BH_IR_VAR_ADDRESSED)
		return true; // may be read through a pointer
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		if (!c->feasible[b])
			continue;
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *use = &fn->blocks[b].instrs[i];
			if (use == def || !bh_calls__reads(c, use, v) ||
			    !bh_calls__reaches(c, def, use, v))
				continue;
			if (use_reads(c, def, use, depth, sk))
				return true;
		}
	}
	if (var->kind != BH_IR_VAR_TEMP)
		note_sink(sk,
			  bh_arena_sprintf(c->prog->arena, "is stored in '%s', which is never read",
					   var->name),
			  def->loc);
	return false;
}

// ------------------------------------------------------------- summaries

// Parameters whose value the function never reads: an argument passed
// there is dropped (`audit("setuid", setuid(uid))` with an audit() that
// only logs its first argument).
static void find_unread_params(bh_calls__fctx *c)
{
	bh_flow_live *live;
	if (bh_flow_compute_live(&live, c->arena, c->fn, NULL) != BH_FLOW_DONE)
		return;
	for (uint32_t j = 0; j < c->fn->nparams; j++)
		c->sum->param_unread[j] = !(c->fn->vars[j].flags & BH_IR_VAR_ADDRESSED) &&
					  !bh_flow_live_at(live, 0, false, j);
}

// The call that computed the value `o` holds at `at` (through copies), or NULL.
static const bh_ir_instr *source_call(const bh_calls__fctx *c, const bh_ir_instr *at,
				      const bh_ir_opnd *o)
{
	for (int depth = 0; depth < MAX_COPY_DEPTH && o->kind == BH_IR_OPND_VAR; depth++) {
		const bh_ir_instr *d = bh_calls__only_def(c, at, o->var, NULL);
		if (!d)
			return NULL;
		if (d->op == BH_IR_CALL)
			return d;
		if (d->op != BH_IR_ASSIGN)
			return NULL;
		at = d;
		o = &d->args[0];
	}
	return NULL;
}

// What must be checked about call `in`: its model or its wrapper's.
// `by`/`loc` get the library call that fails (inside a wrapper, its own).
static const bh_calls_model *must_check(const bh_calls__fctx *c, const bh_ir_instr *in,
					const char **by, bh_loc *loc)
{
	bh_calls__target t = bh_calls__resolve(c, in);
	const bh_calls_model *m = bh_calls__model(&t, BH_CALLS_MUST_CHECK);
	if (m) {
		*by = t.name;
		*loc = in->loc;
		return m;
	}
	if (t.sum && t.sum->must) {
		*by = t.sum->must_by;
		*loc = t.sum->must_loc;
		return t.sum->must;
	}
	return NULL;
}

// A function that returns what a must-check call returned is a wrapper:
// its callers must check its result in turn.
static void find_wrapped_result(bh_calls__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t b = 0; b < fn->nblocks && !c->sum->must; b++) {
		const bh_ir_instr *ret = bh_ir_block_terminator(&fn->blocks[b]);
		if (!c->feasible[b] || !ret || ret->op != BH_IR_RET || !ret->nargs)
			continue;
		const bh_ir_instr *call = source_call(c, ret, &ret->args[0]);
		const char *by;
		bh_loc loc;
		const bh_calls_model *m = call ? must_check(c, call, &by, &loc) : NULL;
		if (m) {
			c->sum->must = m;
			c->sum->must_by = by;
			c->sum->must_loc = loc;
		}
	}
}

// ------------------------------------------------------- ignored results

typedef struct {
	const bh_calls__fctx *c;
	const bh_calls_model *model;
	const bh_ir_instr *target; // what the walk looks for
	const bh_ir_instr *found;
} search;

static bool names_verifier(const bh_calls_model *m, const char *name)
{
	for (size_t i = 0; name && m->verify[i]; i++)
		if (strcmp(m->verify[i], name) == 0)
			return true;
	return false;
}

static bh_calls__next visit_verifier(const bh_ir_instr *in, void *payload)
{
	search *s = payload;
	if (in->op != BH_IR_CALL || in->dst.kind != BH_IR_OPND_VAR)
		return BH_CALLS__GO;
	bh_calls__target t = bh_calls__resolve(s->c, in);
	if (!names_verifier(s->model, t.name))
		return BH_CALLS__GO;
	sink ignored = { NULL, { 0 } };
	if (!value_read(s->c, in, 0, &ignored))
		return BH_CALLS__GO;
	s->found = in;
	return BH_CALLS__STOP;
}

// Is the effect of `in` verified afterwards by a getter whose result is
// read (`setuid(uid); if (getuid() != uid) abort();`)?
static bool verified_later(const bh_calls__fctx *c, const bh_ir_instr *in, const bh_calls_model *m)
{
	if (!m->verify[0])
		return false;
	search s = { c, m, NULL, NULL };
	bh_calls__walk(c, in, visit_verifier, &s);
	return s.found != NULL;
}

static bh_calls__next visit_target(const bh_ir_instr *in, void *payload)
{
	search *s = payload;
	if (in != s->target)
		return BH_CALLS__GO;
	s->found = in;
	return BH_CALLS__STOP;
}

// A chroot() call from which `in` can be reached, or NULL: a chdir that
// fails after it leaves the working directory outside the new root.
static const bh_ir_instr *chroot_before(const bh_calls__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; c->feasible[b] && i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *x = &fn->blocks[b].instrs[i];
			if (x->op != BH_IR_CALL || x == in)
				continue;
			bh_calls__target t = bh_calls__resolve(c, x);
			if (!t.name || strcmp(t.name, "chroot") != 0 || t.sum)
				continue;
			search s = { c, NULL, in, NULL };
			bh_calls__walk(c, x, visit_target, &s);
			if (s.found)
				return x;
		}
	return NULL;
}

static void check_ignored(const bh_calls__fctx *c, const bh_ir_instr *in)
{
	const char *by;
	bh_loc by_loc;
	const bh_calls_model *m = must_check(c, in, &by, &by_loc);
	if (!m)
		return;
	sink sk = { NULL, { 0 } };
	if (value_read(c, in, 0, &sk) || verified_later(c, in, m))
		return;
	bh_calls__target t = bh_calls__resolve(c, in);
	bh_arena *a = c->prog->arena;
	const char *consequence = m->consequence ? m->consequence : "the failure goes unnoticed";
	const bh_ir_instr *jail = strcmp(by, "chdir") == 0 && !t.sum ? chroot_before(c, in) : NULL;
	if (jail)
		consequence =
			bh_arena_sprintf(a,
					 "the working directory stays outside the root set by "
					 "chroot() at line %u",
					 jail->loc.line);
	bh_finding_step steps[4];
	size_t n = 0;
	if (jail)
		steps[n++] =
			(bh_finding_step){ jail->loc, "chroot() changes the root directory here" };
	const char *what = bh_arena_sprintf(a, "%s()", t.name);
	const char *inner = "";
	if (t.sum) {
		steps[n++] = (bh_finding_step){ by_loc, bh_arena_sprintf(a,
									 "%s() returns the result "
									 "of %s() made here",
									 t.name, by) };
		bool here = by_loc.path && in->loc.path && strcmp(by_loc.path, in->loc.path) == 0;
		inner = here ? bh_arena_sprintf(a, " (it returns the result of %s() at line %u)",
						by, by_loc.line)
			     : bh_arena_sprintf(a, " (it returns the result of %s() at %s:%u)", by,
						by_loc.path ? by_loc.path : "?", by_loc.line);
	}
	// The path ends at the call, then where the value went when that is
	// somewhere else (a copy, a store).
	bool elsewhere = sk.how && (sk.loc.line != in->loc.line || sk.loc.col != in->loc.col);
	steps[n++] =
		(bh_finding_step){ in->loc, sk.how && !elsewhere
						    ? bh_arena_sprintf(a, "its result %s", sk.how)
						    : "its result is discarded here" };
	if (elsewhere)
		steps[n++] =
			(bh_finding_step){ sk.loc, bh_arena_sprintf(a, "the result %s", sk.how) };
	if (sk.how)
		bh_calls__report(c, BH_RULE_C_UNCHECKED_RETURN, in, what, steps, n, NULL,
				 "the result of %s%s %s: if it fails, %s", what, inner, sk.how,
				 consequence);
	else
		bh_calls__report(c, BH_RULE_C_UNCHECKED_RETURN, in, what, steps, n, NULL,
				 "the result of %s%s is ignored: if it fails, %s", what, inner,
				 consequence);
}

// ------------------------------------------------------- partial reads

// The variable whose memory operand `o` of `in` points to: `buf` for an
// array or pointer variable, `hdr` for `&hdr`; UINT32_MAX if unknown.
static uint32_t buffer_var(const bh_calls__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	const bh_ir_var *v = &c->fn->vars[o->var];
	if (v->kind != BH_IR_VAR_TEMP)
		return o->var;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, in, o->var);
	if (d &&
	    (d->op == BH_IR_ADDR ||
	     (d->op == BH_IR_INDEX_ADDR && d->args[0].kind == BH_IR_OPND_VAR &&
	      (c->fn->vars[d->args[0].var].flags & BH_IR_VAR_ARRAY))) &&
	    d->args[0].kind == BH_IR_OPND_VAR)
		return d->args[0].var;
	return UINT32_MAX;
}

typedef struct {
	const bh_calls__fctx *c;
	uint32_t buf;
	const bh_ir_instr *use;
} buffer_search;

// Another counted read into the same buffer refills it: what is read
// after that is that call's business.
static bool refills(const bh_calls__fctx *c, const bh_ir_instr *in, uint32_t buf)
{
	if (in->op != BH_IR_CALL)
		return false;
	bh_calls__target t = bh_calls__resolve(c, in);
	const bh_calls_model *m = bh_calls__model(&t, BH_CALLS_COUNT);
	return m && m->arg < in->nargs && buffer_var(c, in, &in->args[m->arg]) == buf;
}

static bh_calls__next visit_buffer_use(const bh_ir_instr *in, void *payload)
{
	buffer_search *s = payload;
	if (refills(s->c, in, s->buf))
		return BH_CALLS__CUT;
	if (bh_calls__reads(s->c, in, s->buf)) {
		s->use = in;
		return BH_CALLS__STOP;
	}
	if (in->dst.kind == BH_IR_OPND_VAR && in->dst.var == s->buf)
		return BH_CALLS__CUT; // a pointer set to other memory
	return BH_CALLS__GO;
}

static void check_partial(const bh_calls__fctx *c, const bh_ir_instr *in)
{
	bh_calls__target t = bh_calls__resolve(c, in);
	const bh_calls_model *m = bh_calls__model(&t, BH_CALLS_COUNT);
	if (!m || m->arg >= in->nargs)
		return;
	sink sk = { NULL, { 0 } };
	if (value_read(c, in, 0, &sk))
		return;
	buffer_search s = { c, buffer_var(c, in, &in->args[m->arg]), NULL };
	if (s.buf == UINT32_MAX)
		return;
	bh_calls__walk(c, in, visit_buffer_use, &s);
	if (!s.use)
		return; // drained, not used: nothing depends on how much came
	bh_arena *a = c->prog->arena;
	const char *name = c->fn->vars[s.buf].name;
	bh_finding_step steps[2] = {
		{ in->loc, bh_arena_sprintf(a,
					    "%s() may fill only part of '%s', and its count is "
					    "discarded",
					    t.name, name) },
		{ s.use->loc,
		  bh_arena_sprintf(a, "'%s' is used here as if it were complete", name) },
	};
	bh_calls__report(
		c, BH_RULE_C_UNCHECKED_RETURN, in, bh_arena_sprintf(a, "%s()", t.name), steps, 2,
		NULL,
		"the result of %s() is ignored, but '%s' is used at line %u: a short or failed "
		"read leaves part of it stale",
		t.name, name, s.use->loc.line);
}

// -------------------------------------------------- wrong comparisons

// The values a result takes on success (`failure` false) or on failure.
static bool in_outcome(bh_calls_failure f, bool failure, int64_t x)
{
	switch (f) {
	case BH_CALLS_FAIL_MINUS1:
		return failure ? x == -1 : x == 0;
	case BH_CALLS_FAIL_ERRNO:
		return failure ? x >= 1 && x <= 4095 : x == 0;
	case BH_CALLS_FAIL_NULL:
		return failure ? x == 0 : x != 0;
	case BH_CALLS_FAIL_MAP_FAILED:
		return failure ? x == -1 : x != 0 && x != -1;
	}
	return false;
}

static bool compare(int op, int64_t x, int64_t k, bool is_unsigned)
{
	uint64_t ux = (uint64_t)x, uk = (uint64_t)k;
	switch (op) {
	case BH_IR_BIN_LT:
		return is_unsigned ? ux < uk : x < k;
	case BH_IR_BIN_GT:
		return is_unsigned ? ux > uk : x > k;
	case BH_IR_BIN_LE:
		return is_unsigned ? ux <= uk : x <= k;
	case BH_IR_BIN_GE:
		return is_unsigned ? ux >= uk : x >= k;
	case BH_IR_BIN_EQ:
		return x == k;
	default:
		return x != k;
	}
}

// The outcomes (bit 0: false seen, bit 1: true seen) of `x op k` over the
// success or failure values. The sets are unions of intervals whose ends
// are among the probes in both signed and unsigned order, and `x op k`
// changes only around k: the probes see every outcome.
static unsigned outcomes(bh_calls_failure f, bool failure, int op, int64_t k, bool is_unsigned)
{
	const int64_t probes[] = {
		0,
		1,
		2,
		-1,
		-2,
		4095,
		4096,
		INT64_MAX,
		INT64_MIN,
		k,
		(int64_t)((uint64_t)k - 1),
		(int64_t)((uint64_t)k + 1),
	};
	unsigned seen = 0;
	for (size_t i = 0; i < BH_ARRAY_LEN(probes); i++)
		if (in_outcome(f, failure, probes[i]))
			seen |= 1u << compare(op, probes[i], k, is_unsigned);
	return seen;
}

static const char *failure_text(bh_arena *a, bh_calls_failure f, const char *fn)
{
	switch (f) {
	case BH_CALLS_FAIL_MINUS1:
		return bh_arena_sprintf(a, "%s() returns 0 on success and -1 on failure", fn);
	case BH_CALLS_FAIL_ERRNO:
		return bh_arena_sprintf(a,
					"%s() returns 0 on success and a positive error number "
					"on failure",
					fn);
	case BH_CALLS_FAIL_NULL:
		return bh_arena_sprintf(a, "%s() returns NULL on failure", fn);
	case BH_CALLS_FAIL_MAP_FAILED:
		return bh_arena_sprintf(a, "%s() returns MAP_FAILED on failure, not NULL", fn);
	}
	return "";
}

static const char *constant_text(bh_arena *a, bh_calls_failure f, int op, int64_t k)
{
	bool pointer = f == BH_CALLS_FAIL_NULL || f == BH_CALLS_FAIL_MAP_FAILED;
	if (pointer && k == 0 && (op == BH_IR_BIN_EQ || op == BH_IR_BIN_NE))
		return "NULL";
	if (f == BH_CALLS_FAIL_MAP_FAILED && k == -1)
		return "MAP_FAILED";
	return bh_arena_sprintf(a, "%lld", (long long)k);
}

// The library call with a status model whose result `o` is at `in`.
static const bh_calls_model *status_source(const bh_calls__fctx *c, const bh_ir_instr *in,
					   const bh_ir_opnd *o, const bh_ir_instr **call,
					   const char **name)
{
	const bh_ir_instr *d = source_call(c, in, o);
	if (!d)
		return NULL;
	bh_calls__target t = bh_calls__resolve(c, d);
	const bh_calls_model *m = bh_calls__model(&t, BH_CALLS_MUST_CHECK);
	if (!m)
		m = bh_calls__model(&t, BH_CALLS_STATUS);
	*call = d;
	*name = t.name;
	return m;
}

static int swapped(int op)
{
	switch (op) {
	case BH_IR_BIN_LT:
		return BH_IR_BIN_GT;
	case BH_IR_BIN_GT:
		return BH_IR_BIN_LT;
	case BH_IR_BIN_LE:
		return BH_IR_BIN_GE;
	case BH_IR_BIN_GE:
		return BH_IR_BIN_LE;
	default:
		return op;
	}
}

static bool is_comparison(int op)
{
	return op == BH_IR_BIN_LT || op == BH_IR_BIN_GT || op == BH_IR_BIN_LE ||
	       op == BH_IR_BIN_GE || op == BH_IR_BIN_EQ || op == BH_IR_BIN_NE;
}

static void check_comparison(const bh_calls__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_opnd *value;
	int op;
	int64_t k = 0;
	bool is_unsigned = false, truth_test = false;
	if (in->op == BH_IR_BINOP && in->nargs == 2 && is_comparison(in->sub)) {
		int64_t v;
		bool left = bh_flow_const_of(&c->consts, &in->args[0], &v);
		bool right = bh_flow_const_of(&c->consts, &in->args[1], &k);
		if (left == right)
			return;
		value = left ? &in->args[1] : &in->args[0];
		op = left ? swapped(in->sub) : in->sub;
		if (left)
			k = v;
		is_unsigned = in->is_unsigned;
	} else if ((in->op == BH_IR_BR && in->nargs == 1) ||
		   (in->op == BH_IR_UNOP && in->sub == BH_IR_UN_LNOT && in->nargs == 1)) {
		value = &in->args[0];
		op = in->op == BH_IR_BR ? BH_IR_BIN_NE : BH_IR_BIN_EQ;
		truth_test = true;
	} else {
		return;
	}
	const bh_ir_instr *call;
	const char *name;
	const bh_calls_model *m = status_source(c, in, value, &call, &name);
	if (!m)
		return;
	unsigned on_failure = outcomes(m->failure, true, op, k, is_unsigned);
	unsigned on_success = outcomes(m->failure, false, op, k, is_unsigned);
	if (!on_failure || (on_failure & ~on_success))
		return; // some outcome of the test means failure
	bh_arena *a = c->prog->arena;
	const char *test =
		truth_test ? bh_arena_sprintf(a, "testing the result of %s() for %s", name,
					      m->failure == BH_CALLS_FAIL_MAP_FAILED ||
							      m->failure == BH_CALLS_FAIL_NULL
						      ? "NULL"
						      : "zero")
			   : bh_arena_sprintf(a, "comparing the result of %s() with '%s %s'", name,
					      bh_ir_binop_spelling((bh_ir_binop)op),
					      constant_text(a, m->failure, op, k));
	bh_finding_step step = { call->loc, bh_arena_sprintf(a, "%s() is called here", name) };
	bh_calls__report(c, BH_RULE_C_UNCHECKED_RETURN, in, bh_arena_sprintf(a, "%s()", name),
			 &step, 1, "this test cannot see the failure",
			 "%s cannot tell failure from success: %s", test,
			 failure_text(a, m->failure, name));
}

// ------------------------------------------------------------------ rule

void bh_calls__unchecked(bh_calls__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	find_unread_params(c);
	find_wrapped_result(c);
	for (uint32_t b = 0; b < fn->nblocks && c->out; b++) {
		if (!c->feasible[b])
			continue;
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op == BH_IR_CALL) {
				check_ignored(c, in);
				check_partial(c, in);
			}
			check_comparison(c, in);
		}
	}
}
