// SPDX-License-Identifier: MIT
// The checks of the bounds checker: each access through a pointer whose
// object is known (an index, a dereference, a field through a pointer, a
// library call's reads and writes) is compared with the object's size,
// and what library calls write changes the object's string length.
//
// When is an access reported? Offsets and sizes are intervals that join
// the values of every path reaching the access. An overflow is reported
// when the access certainly leaves the object (its lowest end is past the
// largest size), or when its highest end is past the largest size and
// every bound involved is finite: a finite interval comes from constants,
// tested conditions and loop bounds, so its extreme is a value the
// program computes on some path. An unbounded offset (an index nothing
// limits) proves nothing either way and is the taint rules' business.
#include <string.h>

#include "dataflow/bounds_internal.h"

typedef struct {
	const bh_ir_instr *in;
	const char *subject;   // "memcpy()", "'buf[i]'"
	const char *detail;    // appended in parentheses, or NULL
	const char *snippet;   // what the fingerprint hashes
	bool write;
	const bh_ir_instr *input; // the call that read the index, for the path, or NULL
} access_desc;

static const bh_rule *rule_for(const bh_bnd_object *ob, bool write, bool under)
{
	if (!write)
		return bh_rule_get(under ? BH_RULE_C_BUFFER_UNDER_READ : BH_RULE_C_BUFFER_OVER_READ);
	if (under)
		return bh_rule_get(BH_RULE_C_BUFFER_UNDERWRITE);
	switch (ob->storage) {
	case BH_BND_STACK:
		return bh_rule_get(BH_RULE_C_STACK_BUFFER_OVERFLOW);
	case BH_BND_HEAP:
		return bh_rule_get(BH_RULE_C_HEAP_BUFFER_OVERFLOW);
	default:
		return bh_rule_get(BH_RULE_C_BUFFER_OVERFLOW);
	}
}

static const char *plural(int64_t n)
{
	return n == 1 ? "" : "s";
}

// Where the object came from, as the first steps of the finding's path.
static void add_origin(bh_bnd_fctx *c, bh_finding *fd, const bh_bnd_object *ob, const char *what,
		       const char *bytes)
{
	bh_findings *out = c->prog->out;
	bh_arena *a = out->arena;
	if (ob->kind == BH_BND_OBJ_PARAM) {
		if (ob->origin.line)
			bh_finding_add_flow(out, fd, ob->origin,
					    bh_arena_sprintf(a, "%s (%s bytes)", ob->origin_text ? ob->origin_text : "the memory", bytes));
	} else if (ob->kind == BH_BND_OBJ_ARRAY || ob->kind == BH_BND_OBJ_VAR) {
		const bh_ir_var *v = &c->fn->vars[ob->var];
		if (v->loc.line)
			bh_finding_add_flow(out, fd, v->loc,
					    bh_arena_sprintf(a, "'%s' is declared with %s bytes", v->name, bytes));
	} else if (ob->site != UINT32_MAX) {
		const bh_ir_instr *site = bh_ir_instr_at(c->fn, ob->site);
		if (site && (ob->kind == BH_BND_OBJ_ALLOC || ob->kind == BH_BND_OBJ_RESULT))
			bh_finding_add_flow(out, fd, site->loc,
					    bh_arena_sprintf(a, "%s() allocates %s bytes here", ob->by ? ob->by : "?", bytes));
		else if (site)
			bh_finding_add_flow(out, fd, site->loc, bh_arena_sprintf(a, "%s has %s bytes", what, bytes));
	}
	if (c->ctx)
		bh_finding_add_flow(out, fd, c->ctx->call,
				    bh_arena_sprintf(a, "%s() calls %s() here", c->ctx->caller ? c->ctx->caller : "?",
						     c->fn->name));
}

// An access, described by texts: where it starts (NULL: at the object's
// start), how many bytes, the object's size, and by how many bytes it
// leaves the object.
typedef struct {
	const char *at, *need, *size;
	bool one_byte;
	int64_t amount;
	const char *amount_text; // instead of `amount` ("n * 3 bytes")
} access_text;

static void report_text(bh_bnd_fctx *c, const access_desc *d, uint32_t obj, const access_text *t,
			bool under)
{
	const bh_bnd_object *ob = &c->objs[obj - 1];
	const bh_rule *rule = rule_for(ob, d->write, under);
	bh_findings *out = c->prog->out;
	if (bh_bnd_reported(c->prog, rule, &d->in->loc))
		return; // one finding per rule and place, whatever the context
	bh_arena *a = c->prog->arena;
	const char *what = bh_bnd_object_text(c, obj);
	const char *in_ctx = "";
	if (c->ctx)
		in_ctx = bh_arena_sprintf(a, " when %s() calls it at line %u",
					  c->ctx->caller ? c->ctx->caller : "?", c->ctx->call.line);
	const char *at = t->at ? bh_arena_sprintf(a, " at offset %s", t->at) : "";
	const char *amount = t->amount_text ? t->amount_text
			     : bh_arena_sprintf(a, "%lld byte%s", (long long)t->amount, plural(t->amount));
	bh_finding *fd = bh_finding_add(
		out, rule, d->in->loc, "%s %s %s byte%s%s %s %s (%s bytes)%s: %s %s%s%s",
		d->subject, d->write ? "writes" : "reads", t->need, t->one_byte ? "" : "s", at,
		d->write ? "into" : "from", what, t->size, in_ctx, amount,
		under ? "before its start" : "past its end", d->detail ? "; " : "",
		d->detail ? d->detail : "");
	fd->function = bh_arena_strdup(out->arena, c->fn->name);
	fd->snippet = d->snippet ? bh_arena_strdup(out->arena, d->snippet) : NULL;
	bh_bnd_add_input_step(out, fd, d->input, out->arena);
	add_origin(c, fd, ob, what, t->size);
	bh_finding_add_flow(out, fd, d->in->loc,
			    under ? "the access starts before the object" : "the access ends past the object");
}

static void report(bh_bnd_fctx *c, const access_desc *d, uint32_t obj, bh_bnd_itv off,
		   bh_bnd_itv need, bh_bnd_itv size, bool under, int64_t amount)
{
	bh_arena *a = c->prog->arena;
	int64_t k;
	access_text t = { bh_bnd_itv_is_const(off, &k) && k == 0 ? NULL : bh_bnd_itv_text(a, off),
			  bh_bnd_itv_text(a, need), bh_bnd_itv_text(a, size), need.lo == 1 && need.hi == 1,
			  amount, NULL };
	report_text(c, d, obj, &t, under);
}

// Is the offset of access `in` a constant of the code: `s[-1]`, or a
// field of `s - 3` (a header before the pointer)?
static bool constant_step(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	if (in->op == BH_IR_INDEX || in->op == BH_IR_INDEX_STORE)
		return in->nargs > 1 && in->args[1].kind == BH_IR_OPND_INT;
	if (in->op == BH_IR_CALL || !in->nargs || in->args[0].kind != BH_IR_OPND_VAR)
		return false;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, in, in->args[0].var);
	return d && d->op == BH_IR_BINOP && d->size && d->nargs == 2 && d->args[1].kind == BH_IR_OPND_INT;
}

static int64_t end_of(int64_t off, int64_t need)
{
	if (off == BH_BND_NINF || need == BH_BND_NINF)
		return BH_BND_NINF;
	if (off == BH_BND_PINF || need == BH_BND_PINF || off > BH_BND_PINF - need)
		return BH_BND_PINF;
	return off + need;
}

// The access against the object's size as relations to one symbol
// (`p[i]` with i at most n into `malloc(n * 4)`): when the size is
// exactly k * S + c and the access ends at (or, from a test, up to)
// k * S + c' with c' > c, it ends c' - c bytes past the block whatever S
// is. An end a test set is one the program lets through (`i <= n`). An
// end that grows faster than the size (`malloc(n)` for n ints, CWE-131)
// is past it for every S from 1 on, by (k' - k) * S + c' - c bytes.
static bool check_relation(bh_bnd_fctx *c, void *f, const access_desc *d, bh_bnd_val p,
			   bh_bnd_val need)
{
	bh_bnd_rel size = bh_bnd_objs_of(f)[p.obj - 1].srel, end;
	int64_t k;
	if (!size.sym || size.upper)
		return false;
	if (p.rel.sym && bh_bnd_itv_is_const(need.v, &k))
		end = bh_bnd_rel_shift(p.rel, k);
	else if (!p.rel.sym && need.rel.sym && bh_bnd_itv_is_const(p.v, &k) && k >= 0)
		end = bh_bnd_rel_shift(need.rel, k);
	else
		return false;
	// Past the end at S = 1, and not growing slower than the size.
	if (end.sym != size.sym || end.k < size.k || (int64_t)end.k - size.k + end.c - size.c <= 0)
		return false;
	bh_arena *a = c->prog->arena;
	const char *need_text = need.rel.sym && !p.rel.sym ? bh_bnd_rel_text(c, need.rel)
							   : bh_bnd_itv_text(a, need.v);
	access_text t = { NULL, need_text, bh_bnd_rel_text(c, size),
			  !need.rel.sym && need.v.lo == 1 && need.v.hi == 1, (int64_t)end.c - size.c, NULL };
	if (end.k != size.k) {
		bh_bnd_rel over = { end.sym, 0, end.k - size.k, end.c - size.c };
		const char *sym = bh_bnd_rel_text(c, (bh_bnd_rel){ end.sym, 0, 1, 0 });
		t.amount_text = bh_arena_sprintf(a, "%s bytes (when %s is at least 1)", bh_bnd_rel_text(c, over), sym);
	}
	if (p.rel.sym)
		t.at = bh_arena_sprintf(a, "%s%s", p.rel.upper ? "up to " : "", bh_bnd_rel_text(c, p.rel));
	else if (!bh_bnd_itv_is_const(p.v, &k) || k != 0)
		t.at = bh_bnd_itv_text(a, p.v);
	report_text(c, d, p.obj, &t, false);
	return true;
}

// The access against the intervals of its offset, its count and the size:
// true when it is reported.
static bool check_interval(bh_bnd_fctx *c, void *f, const access_desc *d, bh_bnd_val p,
			   bh_bnd_val need_val)
{
	bh_bnd_itv need = need_val.v;
	const bh_bnd_object *ob = &c->objs[p.obj - 1];
	bh_bnd_itv size = bh_bnd_objs_of(f)[p.obj - 1].size;
	if (bh_bnd_itv_is_empty(size) || size.hi == BH_BND_PINF || size.lo < 0)
		return false;
	if (need.lo < 1)
		need.lo = 1;
	int64_t end_lo = end_of(p.v.lo, need.lo);
	int64_t end_hi = end_of(p.v.hi, need.hi);
	// A possible overflow needs ends that are values of some path, and
	// one of offset and count fixed: when both vary, they usually vary
	// together (`memcpy(buf + used, src, MIN(n, sizeof buf - used))`),
	// which intervals cannot see.
	// An index read from input into memory reached through a pointer: its
	// sender picks any value its type and the program's tests leave (the
	// taint rules judge indexes into arrays and array parameters).
	bool chosen = p.input && ob->kind != BH_BND_OBJ_ARRAY && ob->kind != BH_BND_OBJ_PARAM &&
		      need.lo == need.hi;
	bool past_evidence = p.v.hi != BH_BND_PINF && ((p.ev & BH_BND_EV_HI) || chosen) &&
			     need.hi != BH_BND_PINF && (need_val.ev & BH_BND_EV_HI) &&
			     (p.v.lo == p.v.hi || need.lo == need.hi);
	bool before_evidence = p.v.lo != BH_BND_NINF && ((p.ev & BH_BND_EV_LO) || chosen);
	if (p.v.lo < 0 && (p.v.hi < 0 || before_evidence)) {
		// A callee that always steps back from the pointer it gets (`s[-1]`,
		// an sds header) expects a pointer into the middle of a block: the
		// caller passing a buffer's start is another function's contract,
		// usually kept by a test this analysis does not correlate. An index
		// that is negative on some paths only is the callee's own bug.
		bool steps_back = ob->kind == BH_BND_OBJ_PARAM && p.v.hi < 0 &&
				  bh_bnd_object_arg(c, ob)->v.lo >= 0 && constant_step(c, d->in);
		if (!steps_back)
			report(c, d, p.obj, p.v, need, size, true,
			       p.v.lo == BH_BND_NINF ? -p.v.hi : -p.v.lo);
		return true;
	}
	// On a caller's object, a count or offset that only a test bounded (`if
	// (len >= 4096)` on a parameter) proves nothing of what this caller
	// passes: even a certain overflow needs evidence there.
	bool certain_evidence = ob->kind != BH_BND_OBJ_PARAM ||
				((p.ev & BH_BND_EV_LO) && (need_val.ev & BH_BND_EV_LO));
	if (end_lo != BH_BND_NINF && end_lo != BH_BND_PINF && end_lo > size.hi && certain_evidence) {
		report(c, d, p.obj, p.v, need, size, false, (past_evidence ? end_hi : end_lo) - size.hi);
		return true;
	}
	// One element past the end at the top of a range the program bounded
	// (`if (n > 64) return; buf[n]` on 64 bytes, `i <= sizeof buf`): the
	// bound is the buffer's size, off by one (CWE-193), whether or not
	// anything shows the values reach it.
	int64_t unit = need.lo == need.hi ? need.hi : 1;
	bool tested = (need.lo == need.hi && (p.ev & BH_BND_TEST_HI)) ||
		      (p.v.lo == p.v.hi && (need_val.ev & BH_BND_TEST_HI));
	bool off_by_one = tested && p.v.hi != BH_BND_PINF && need.hi != BH_BND_PINF &&
			  end_hi - size.hi == unit && size.lo == size.hi;
	if (!(past_evidence || off_by_one) || end_hi <= size.hi)
		return false;
	report(c, d, p.obj, p.v, need, size, false, end_hi - size.hi);
	return true;
}

// Judge `need` bytes at pointer `p` (see the head comment).
static void check_range(bh_bnd_fctx *c, void *f, const access_desc *d, bh_bnd_val p, bh_bnd_val need_val)
{
	bh_bnd_itv need = need_val.v;
	if (!p.obj || bh_bnd_itv_is_empty(need) || need.hi <= 0 || bh_bnd_itv_is_empty(p.v))
		return;
	const bh_bnd_object *ob = &c->objs[p.obj - 1];
	if (d->write && ob->storage == BH_BND_LITERAL)
		return; // writing to a literal is wrong at any offset: not a bounds question
	// A caller's literal read by a string routine (a format parser, a URI
	// scanner): the routine stops at characters this analysis does not
	// know, only the literal's length; its walks prove nothing.
	if (!d->write && ob->kind == BH_BND_OBJ_PARAM && ob->storage == BH_BND_LITERAL)
		return;
	// Numbers say more than symbols: the relations judge what the
	// intervals leave open.
	if (!check_interval(c, f, d, p, need_val))
		check_relation(c, f, d, p, need_val);
}

// ------------------------------------------------------- string lengths

// A length computed from string lengths. [0, inf] is "unknown": its 0 is
// no evidence; a known length's ends are (fgets leaves up to n - 1
// characters: n - 1 is a length some input gives).
static bh_bnd_val exact(bh_bnd_itv v)
{
	uint32_t ev = (v.lo > 0 || v.lo == v.hi ? BH_BND_EV_LO : 0) |
		      (v.hi != BH_BND_PINF ? BH_BND_EV_HI : 0);
	return bh_bnd_int(v, ev);
}

// The length in bytes (before the first NUL unit) of the string operand
// `o` points to: exact for a narrow literal, the object's for a pointer at
// a known offset, else unknown ([0, inf]). A wide string of n characters
// is 4n bytes long: lengths are in bytes throughout, and a model's `unit`
// converts its counts. An unknown length in an object of known size is
// below that size (else reading it is the over-read reported elsewhere):
// a bound, but no evidence (see bh_bnd_val).
static bh_bnd_val object_string_len(const bh_bnd_fctx *c, void *f, const bh_ir_opnd *o)
{
	if (o->kind == BH_IR_OPND_STR && o->str)
		return bh_bnd_const((int64_t)strnlen(o->str, o->len));
	bh_bnd_val p = bh_bnd_eval(c, f, o);
	int64_t k;
	if (p.obj && bh_bnd_itv_is_const(p.v, &k) && k >= 0) {
		const bh_bnd_ostate *st = &bh_bnd_objs_of(f)[p.obj - 1];
		bh_bnd_itv len = st->len;
		if (!bh_bnd_itv_is_empty(len) && len.lo >= k && len.hi != BH_BND_PINF)
			return exact(bh_bnd_itv_sub(len, bh_bnd_itv_const(k)));
		if (!bh_bnd_itv_is_empty(st->size) && st->size.hi != BH_BND_PINF && st->size.hi - k >= 1) {
			int64_t lo = !bh_bnd_itv_is_empty(len) && len.lo > k ? len.lo - k : 0;
			int64_t hi = st->size.hi - k - 1;
			return bh_bnd_int(bh_bnd_itv_make(lo < hi ? lo : hi, hi), lo > 0 ? BH_BND_EV_LO : 0);
		}
		if (!bh_bnd_itv_is_empty(len) && len.lo >= k)
			return exact(bh_bnd_itv_sub(len, bh_bnd_itv_const(k)));
	}
	return bh_bnd_int(bh_bnd_itv_make(0, BH_BND_PINF), 0);
}

// The symbol of the length of the string operand `o` of `in` points to:
// a variable's (strlen(s)), or a field slot's when `o` is a temporary
// read from the slot in this block with nothing written since
// (`strlen(r->name)`, then `strcpy(buf, r->name)`: two reads of one
// slot, which no store changed between them). UINT32_MAX when none.
static uint32_t string_sym(const bh_bnd_fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	if (c->fn->vars[o->var].kind != BH_IR_VAR_TEMP)
		return bh_bnd_sym_strlen(c->fn, o->var);
	const bh_ir_instr *d = bh_ir_def_before(c->fn, in, o->var);
	if (!d || (d->op != BH_IR_FIELD && d->op != BH_IR_LOAD && d->op != BH_IR_INDEX))
		return UINT32_MAX;
	uint32_t s = bh_bnd_slot_of(c, d);
	if (s == UINT32_MAX)
		return UINT32_MAX;
	const bh_ir_block *b = &c->fn->blocks[in->block];
	for (uint32_t i = 0; i < b->ninstrs && b->instrs[i].id != in->id; i++) {
		const bh_ir_instr *x = &b->instrs[i];
		if (x->id <= d->id)
			continue;
		if (x->op == BH_IR_FIELD_STORE || x->op == BH_IR_STORE || x->op == BH_IR_INDEX_STORE ||
		    x->op == BH_IR_CALL || x->op == BH_IR_OPAQUE ||
		    (x->dst.kind == BH_IR_OPND_VAR && x->dst.var == d->args[0].var))
			return UINT32_MAX;
	}
	return bh_bnd_sym_slot_strlen(c, s - c->ntracked);
}

// ... narrowed by what a tested length of that string says
// (bh_bnd_rel_bounds): a pointer parameter has no object here, so only
// the test `if (strlen(s) >= sizeof buf) return;` bounds its string.
static bh_bnd_val string_len_itv(const bh_bnd_fctx *c, void *f, const bh_ir_opnd *o, uint32_t sym)
{
	bh_bnd_val r = object_string_len(c, f, o);
	if (sym == UINT32_MAX)
		return r;
	bh_bnd_val t = bh_bnd_rel_bounds(c, f, sym);
	return bh_bnd_val_meet(r, t.v, t.ev);
}

// ... with its relation to that length.
bh_bnd_val bh_bnd_string_len(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	uint32_t sym = string_sym(c, in, o);
	bh_bnd_val r = string_len_itv(c, f, o, sym);
	if (sym != UINT32_MAX)
		r.rel = bh_bnd_rel_self(c, sym);
	return r;
}

static bh_bnd_itv string_len(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	return string_len_itv(c, f, o, string_sym(c, in, o)).v;
}

// A string with no NUL anywhere in its object: reading it runs past the end.
static void check_terminated(bh_bnd_fctx *c, void *f, const access_desc *d, const bh_ir_opnd *o)
{
	bh_bnd_val p = bh_bnd_eval(c, f, o);
	int64_t k;
	if (!p.obj || !bh_bnd_itv_is_const(p.v, &k) || k < 0)
		return;
	const bh_bnd_ostate *st = &bh_bnd_objs_of(f)[p.obj - 1];
	if (bh_bnd_itv_is_empty(st->size) || bh_bnd_itv_is_empty(st->len) || st->size.hi == BH_BND_PINF ||
	    st->len.lo < st->size.hi)
		return;
	access_desc rd = *d;
	rd.write = false;
	rd.detail = "the string it holds has no terminating NUL";
	check_range(c, f, &rd, p, bh_bnd_const(st->size.hi - k + 1));
}

// ----------------------------------------------------------- the checks

static bh_bnd_val arg_value(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, int i)
{
	if (i < 0 || (uint32_t)i >= in->nargs)
		return bh_bnd_top();
	bh_bnd_val v = bh_bnd_eval(c, f, &in->args[i]);
	return v.obj ? bh_bnd_top() : v;
}

// A string copy whose largest write ends inside the smallest size of
// its destination, in the function's own analysis (a calling context
// proves nothing for the other callers): it fits on every path.
static void note_fits(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, bh_bnd_val dst, bh_bnd_itv need)
{
	if (!c->prog->proved_fits || c->ctx || !dst.obj || need.hi == BH_BND_PINF || dst.v.lo < 0 ||
	    dst.v.hi == BH_BND_PINF)
		return;
	bh_bnd_itv size = bh_bnd_objs_of(f)[dst.obj - 1].size;
	if (bh_bnd_itv_is_empty(size) || size.lo < 0 || dst.v.hi + need.hi > size.lo)
		return;
	bh_bnd_fits(c->prog, &in->loc);
}

static bh_bnd_itv arg_count(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, int i)
{
	return arg_value(c, f, in, i).v;
}

// The byte count of a model's `n` (times `n2`) in units of `unit`.
static bh_bnd_val model_count(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in,
			      const bh_bnd_model *m)
{
	bh_bnd_val n = arg_value(c, f, in, m->n);
	if (m->n2 >= 0)
		n = bh_bnd_val_mul(n, arg_value(c, f, in, m->n2));
	if (n.v.lo < 0 && n.v.lo != BH_BND_NINF) // a negative size_t is huge: not ours
		n.v = bh_bnd_itv_make(n.v.hi < 0 ? n.v.hi : 0, n.v.hi);
	return bh_bnd_val_mul(n, bh_bnd_const(m->unit));
}

static bh_bnd_itv model_bytes(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in,
			      const bh_bnd_model *m)
{
	return model_count(c, f, in, m).v;
}

static const char *call_subject(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	return bh_arena_sprintf(c->prog->arena, "%s()", in->callee.str ? in->callee.str : "?");
}

static const char *call_snippet(const bh_bnd_fctx *c, const bh_ir_instr *in, int arg)
{
	const char *t = arg >= 0 && (uint32_t)arg < in->nargs
				? bh_ir_operand_text(c->fn, in, &in->args[arg], c->prog->arena)
				: NULL;
	return bh_arena_sprintf(c->prog->arena, "%s(%s)", in->callee.str ? in->callee.str : "?",
				t ? t : "");
}

// The size arguments of a library call, which must not have wrapped.
static void check_size_args(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_bnd_model *m)
{
	if (m->kind == BH_BND_M_STRDUP || m->kind == BH_BND_M_STRCPY || m->kind == BH_BND_M_STRCAT ||
	    m->kind == BH_BND_M_STRLEN || m->kind == BH_BND_M_READONLY || m->kind == BH_BND_M_FORMAT)
		return;
	const char *role = bh_arena_sprintf(c->prog->arena, "the %s of %s()",
					    m->kind == BH_BND_M_ALLOC ? "size" : "length",
					    in->callee.str ? in->callee.str : "?");
	int args[2] = { m->n, m->n2 };
	for (int i = 0; i < 2; i++) {
		if (args[i] < 0 || (uint32_t)args[i] >= in->nargs)
			continue;
		bh_bnd_val v = bh_bnd_eval(c, f, &in->args[args[i]]);
		bh_bnd_check_wrapped(c, in, v, role, false, -1);
		bh_bnd_check_negative_size(c, in, &in->args[args[i]], v, role);
	}
}

static void check_call(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_bnd_model *m)
{
	check_size_args(c, f, in, m);
	access_desc d = { in, call_subject(c, in), NULL, call_snippet(c, in, m->dst), true, NULL };
	bh_bnd_val dst = m->dst >= 0 && (uint32_t)m->dst < in->nargs ? bh_bnd_eval(c, f, &in->args[m->dst])
								    : bh_bnd_top();
	bh_bnd_val src = m->src >= 0 && (uint32_t)m->src < in->nargs ? bh_bnd_eval(c, f, &in->args[m->src])
								    : bh_bnd_top();
	const bh_ir_opnd *srco = m->src >= 0 && (uint32_t)m->src < in->nargs ? &in->args[m->src] : NULL;
	// A string routine reads at least the first byte of its source: one
	// that starts outside its object (`strcpy(d, buf - 8)`) reads there.
	if (srco && (m->kind == BH_BND_M_STRCPY || m->kind == BH_BND_M_STRCAT || m->kind == BH_BND_M_STRNCAT ||
		     m->kind == BH_BND_M_STRLEN || m->kind == BH_BND_M_STRDUP)) {
		access_desc rd = { in, d.subject, "the string starts outside its object",
				   call_snippet(c, in, m->src), false, NULL };
		check_range(c, f, &rd, src, bh_bnd_const(1));
	}
	switch (m->kind) {
	case BH_BND_M_COPY: {
		bh_bnd_val n = model_count(c, f, in, m);
		check_range(c, f, &d, dst, n);
		access_desc rd = { in, d.subject, NULL, call_snippet(c, in, m->src), false, NULL };
		check_range(c, f, &rd, src, n);
		break;
	}
	case BH_BND_M_FILL:
		check_range(c, f, &d, dst, model_count(c, f, in, m));
		break;
	case BH_BND_M_BOUNDED: {
		bh_bnd_val n = model_count(c, f, in, m);
		d.detail = "the size passed is larger than the buffer";
		check_range(c, f, &d, dst, n);
		break;
	}
	case BH_BND_M_STRNCPY:
		check_range(c, f, &d, dst, model_count(c, f, in, m));
		break;
	case BH_BND_M_STRCPY:
		if (srco) {
			check_terminated(c, f, &d, srco);
			bh_bnd_val len = bh_bnd_val_add(bh_bnd_string_len(c, f, in, srco), bh_bnd_const(m->unit));
			d.detail = "the string copied and its terminating NUL";
			check_range(c, f, &d, dst, len);
			note_fits(c, f, in, dst, len.v);
		}
		break;
	case BH_BND_M_STRCAT:
	case BH_BND_M_STRNCAT:
		if (srco && m->dst >= 0) {
			bh_bnd_val add = bh_bnd_string_len(c, f, in, srco);
			if (m->kind == BH_BND_M_STRNCAT) {
				bh_bnd_val n = bh_bnd_val_mul(arg_value(c, f, in, m->n), bh_bnd_const(m->unit));
				// min: its ends are the smaller ends, with their evidence.
				bh_bnd_val lim = add;
				lim.v = bh_bnd_itv_min(add.v, n.v);
				lim.ev = (add.v.lo <= n.v.lo ? add.ev : n.ev) & BH_BND_EV_LO;
				lim.ev |= (add.v.hi <= n.v.hi ? add.ev : n.ev) & BH_BND_EV_HI;
				add = lim;
			}
			bh_bnd_val have = bh_bnd_string_len(c, f, in, &in->args[m->dst]);
			bh_bnd_val len = bh_bnd_val_add(bh_bnd_val_add(have, add), bh_bnd_const(m->unit));
			d.detail = "the string already there, the one appended and the terminating NUL";
			check_range(c, f, &d, dst, len);
			note_fits(c, f, in, dst, len.v);
		}
		break;
	case BH_BND_M_FORMAT: {
		bh_bnd_val n = bh_bnd_val_add(bh_bnd_format_len(c, f, in, m->src, m->n), bh_bnd_const(1));
		d.detail = "the formatted text and its terminating NUL";
		check_range(c, f, &d, dst, n);
		note_fits(c, f, in, dst, n.v);
		break;
	}
	case BH_BND_M_READ2: {
		bh_bnd_val n = model_count(c, f, in, m);
		d.write = false;
		check_range(c, f, &d, dst, n);
		access_desc rd = { in, d.subject, NULL, call_snippet(c, in, m->src), false, NULL };
		check_range(c, f, &rd, src, n);
		break;
	}
	case BH_BND_M_READ: {
		access_desc rd = { in, d.subject, NULL, call_snippet(c, in, m->src), false, NULL };
		check_range(c, f, &rd, src, model_count(c, f, in, m));
		break;
	}
	case BH_BND_M_STRLEN:
	case BH_BND_M_STRDUP:
		if (srco) {
			access_desc rd = { in, d.subject, NULL, call_snippet(c, in, m->src), false, NULL };
			check_terminated(c, f, &rd, srco);
		}
		break;
	default:
		break;
	}
}

void bh_bnd_check_access(bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	bh_arena *a = c->prog->arena;
	switch (in->op) {
	case BH_IR_INDEX:
	case BH_IR_INDEX_STORE: {
		bh_bnd_val base = bh_bnd_eval(c, f, &in->args[0]);
		bh_bnd_val ix = bh_bnd_eval(c, f, &in->args[1]);
		if (!ix.obj) {
			int64_t extent = -1;
			if (base.obj && in->size && bh_bnd_objs_of(f)[base.obj - 1].size.hi != BH_BND_PINF &&
			    base.v.lo == base.v.hi)
				extent = (bh_bnd_objs_of(f)[base.obj - 1].size.hi - base.v.lo) / in->size;
			bh_bnd_check_wrapped(c, in, ix, "an index", true, extent);
		}
		if (!base.obj || ix.obj || !in->size)
			return;
		bh_bnd_val off = bh_bnd_val_add(bh_bnd_as_int(base), bh_bnd_val_mul(ix, bh_bnd_const(in->size)));
		const char *bt = bh_ir_operand_text(c->fn, in, &in->args[0], a);
		const bh_bnd_object *bo = &c->objs[base.obj - 1];
		const bh_ir_instr *site = bo->site != UINT32_MAX ? bh_ir_instr_at(c->fn, bo->site) : NULL;
		if (!bt && bo->kind == BH_BND_OBJ_FIELD && site && site->nargs) {
			// `p->buf[i]`: the base is the field's address.
			const char *owner = bh_ir_operand_text(c->fn, site, &site->args[0], a);
			bt = bh_arena_sprintf(a, "%s%s%s", owner ? owner : "...", site->arrow ? "->" : ".",
					      bo->by ? bo->by : "?");
		}
		const char *it = bh_ir_operand_text(c->fn, in, &in->args[1], a);
		access_desc d = { in, NULL, NULL, NULL, in->op == BH_IR_INDEX_STORE, NULL };
		d.subject = bh_arena_sprintf(a, "'%s[%s]'", bt ? bt : "...",
					     it ? it : bh_bnd_itv_text(a, ix.v));
		d.snippet = d.subject;
		// The index as a relation when the access is judged by one (`i is
		// at most n`), else its interval; never `n is n`.
		const char *rt = ix.rel.sym && bh_bnd_objs_of(f)[base.obj - 1].srel.sym
					 ? bh_bnd_rel_text(c, ix.rel) : NULL;
		if (it && rt && strcmp(rt, it) != 0)
			d.detail = bh_arena_sprintf(a, "%s is %s%s", it, ix.rel.upper ? "at most " : "", rt);
		else if (it && !rt)
			d.detail = bh_arena_sprintf(a, "%s is %s", it, bh_bnd_itv_text(a, ix.v));
		bh_bnd_val at = bh_bnd_ptr(base.obj, off.v, off.ev);
		at.rel = off.rel;
		// Input tested on one side (`if (data >= 0)`): the program meant to
		// bound it and did not. Input it never tested is the taint rules'.
		at.input = ix.ev & BH_BND_EV_BOTH ? ix.input : 0;
		if (at.input) {
			const char *from = bh_bnd_input_origin(c, ix.input, a, &d.input);
			d.detail = bh_arena_sprintf(a, "%s%s", d.detail ? d.detail : "the index", from);
		}
		check_range(c, f, &d, at, bh_bnd_const(in->size));
		return;
	}
	case BH_IR_LOAD:
	case BH_IR_STORE:
	case BH_IR_FIELD:
	case BH_IR_FIELD_STORE: {
		bool field = in->op == BH_IR_FIELD || in->op == BH_IR_FIELD_STORE;
		if (field && !in->arrow)
			return;
		bh_bnd_val p = bh_bnd_eval(c, f, &in->args[0]);
		// A field lies at some offset >= 0 inside what p points to: at
		// least its first byte must be there.
		uint32_t size = field ? 1 : in->size;
		if (!p.obj || !size)
			return;
		const char *pt = bh_ir_operand_text(c->fn, in, &in->args[0], a);
		access_desc d = { in, NULL, NULL, NULL, in->op == BH_IR_STORE || in->op == BH_IR_FIELD_STORE, NULL };
		d.subject = field ? bh_arena_sprintf(a, "'%s->%s'", pt ? pt : "...", in->name ? in->name : "?")
				  : bh_arena_sprintf(a, "'*%s'", pt ? pt : "...");
		d.snippet = d.subject;
		check_range(c, f, &d, p, bh_bnd_const(size));
		return;
	}
	case BH_IR_CALL: {
		const bh_bnd_model *m =
			in->callee.kind == BH_IR_OPND_FUNC ? bh_bnd_model_of(c->prog, in->callee.str) : NULL;
		if (m)
			check_call(c, f, in, m);
		return;
	}
	default:
		return;
	}
}

// --------------------------------------------------------- model effects

void bh_bnd_apply_model(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_bnd_model *m)
{
	bh_bnd_ostate *os = bh_bnd_objs_of(f);
	bh_bnd_val dst = m->dst >= 0 && (uint32_t)m->dst < in->nargs ? bh_bnd_eval(c, f, &in->args[m->dst])
								    : bh_bnd_top();
	const bh_ir_opnd *srco = m->src >= 0 && (uint32_t)m->src < in->nargs ? &in->args[m->src] : NULL;
	bh_bnd_ostate *d = dst.obj && c->objs[dst.obj - 1].kind != BH_BND_OBJ_VAR ? &os[dst.obj - 1] : NULL;
	bh_bnd_val result = bh_bnd_top();
	int64_t k;
	bool at_start = d && bh_bnd_itv_is_const(dst.v, &k) && k == 0;
	bool writes = m->kind == BH_BND_M_COPY || m->kind == BH_BND_M_FILL || m->kind == BH_BND_M_STRCPY ||
		      m->kind == BH_BND_M_STRCAT || m->kind == BH_BND_M_STRNCPY ||
		      m->kind == BH_BND_M_STRNCAT || m->kind == BH_BND_M_BOUNDED || m->kind == BH_BND_M_FORMAT;
	if (writes && dst.obj && c->objs[dst.obj - 1].kind == BH_BND_OBJ_VAR)
		bh_bnd_clobber_through(c, f, dst); // `memcpy(&n, p, 4)`: n is what p held
	else if (writes)
		bh_bnd_rel_kill_strings(c, f, dst.obj);
	switch (m->kind) {
	case BH_BND_M_ALLOC:
	case BH_BND_M_STRDUP: {
		uint32_t o = c->site_obj[in->id];
		if (!o)
			break;
		bh_bnd_val size;
		if (m->kind == BH_BND_M_ALLOC) {
			size = model_count(c, f, in, m);
		} else {
			bh_bnd_val len = srco ? bh_bnd_string_len(c, f, in, srco) : bh_bnd_int(bh_bnd_itv_make(0, BH_BND_PINF), 0);
			if (m->n >= 0) { // strndup: a relation to one of two lengths is none
				len.v = bh_bnd_itv_min(len.v, arg_count(c, f, in, m->n));
				memset(&len.rel, 0, sizeof(len.rel));
			}
			size = bh_bnd_val_add(len, bh_bnd_const(m->unit));
			os[o - 1].len = len.v;
		}
		os[o - 1].size = size.v;
		os[o - 1].srel = size.rel.upper ? (bh_bnd_rel){ 0, 0, 0, 0 } : size.rel;
		bh_bnd_rel_note(c, os[o - 1].srel);
		// calloc zeroes the block: it holds the empty string.
		os[o - 1].len = m->kind == BH_BND_M_STRDUP ? os[o - 1].len
			      : m->n2 >= 0 && strcmp(in->callee.str, "calloc") == 0 ? bh_bnd_itv_const(0)
										  : bh_bnd_itv_make(0, BH_BND_PINF);
		result = bh_bnd_ptr(o, bh_bnd_itv_const(0), BH_BND_EV_BOTH);
		break;
	}
	case BH_BND_M_FILL:
		if (!m->fill_zero) // read(), recv(), fread() into `&n`
			bh_bnd_input_through(c, f, dst, in);
		if (d) {
			bh_bnd_itv val = bh_bnd_itv_top();
			if (m->fill_zero)
				val = srco ? (bh_bnd_eval(c, f, srco).obj ? bh_bnd_itv_top() : bh_bnd_eval(c, f, srco).v)
					   : bh_bnd_itv_const(0);
			bh_bnd_itv n = model_bytes(c, f, in, m);
			if (bh_bnd_itv_is_const(n, &k))
				bh_bnd_store_bytes(d, dst.v, k, val);
			else
				d->len = bh_bnd_itv_make(0, BH_BND_PINF);
		}
		break;
	case BH_BND_M_COPY:
		if (d) {
			bh_bnd_itv n = model_bytes(c, f, in, m);
			bh_bnd_itv slen = srco ? string_len(c, f, in, srco) : bh_bnd_itv_make(0, BH_BND_PINF);
			int64_t nk;
			if (at_start && bh_bnd_itv_is_const(n, &nk) && slen.hi < nk)
				d->len = slen; // the terminator was copied too
			else if (bh_bnd_itv_is_const(n, &nk))
				bh_bnd_store_bytes(d, dst.v, nk, slen.lo >= nk ? bh_bnd_itv_const(1) : bh_bnd_itv_top());
			else
				d->len = bh_bnd_itv_make(0, BH_BND_PINF);
		}
		break;
	case BH_BND_M_STRCPY:
	case BH_BND_M_STRNCPY:
		if (d) {
			bh_bnd_itv slen = srco ? string_len(c, f, in, srco) : bh_bnd_itv_make(0, BH_BND_PINF);
			if (m->kind == BH_BND_M_STRNCPY) {
				bh_bnd_itv n = arg_count(c, f, in, m->n);
				if (!(slen.hi < n.lo)) {
					// No terminator unless the source was shorter.
					bh_bnd_store_bytes(d, dst.v, bh_bnd_itv_is_const(n, &k) ? k : 0,
							   slen.lo >= n.hi ? bh_bnd_itv_const(1) : bh_bnd_itv_top());
					break;
				}
			}
			if (at_start)
				d->len = slen;
			else
				d->len = bh_bnd_itv_make(0, BH_BND_PINF);
		}
		break;
	case BH_BND_M_STRCAT:
	case BH_BND_M_STRNCAT:
		if (d) {
			bh_bnd_itv add = srco ? string_len(c, f, in, srco) : bh_bnd_itv_make(0, BH_BND_PINF);
			if (m->kind == BH_BND_M_STRNCAT)
				add = bh_bnd_itv_min(add, bh_bnd_itv_mul(arg_count(c, f, in, m->n),
									 bh_bnd_itv_const(m->unit)));
			d->len = at_start ? bh_bnd_itv_add(d->len, add) : bh_bnd_itv_make(0, BH_BND_PINF);
			if (d->len.lo < 0)
				d->len = bh_bnd_itv_make(0, BH_BND_PINF);
		}
		break;
	case BH_BND_M_BOUNDED:
		if (d) {
			bh_bnd_itv n = arg_count(c, f, in, m->n);
			d->len = at_start && n.lo >= 1 && n.hi != BH_BND_PINF
					 ? bh_bnd_itv_make(0, bh_bnd_itv_mul(bh_bnd_itv_const(n.hi - 1), bh_bnd_itv_const(m->unit)).hi)
									    : bh_bnd_itv_make(0, BH_BND_PINF);
		}
		break;
	case BH_BND_M_FORMAT:
		if (d) {
			bh_bnd_itv n = bh_bnd_format_len(c, f, in, m->src, m->n).v;
			d->len = at_start ? n : bh_bnd_itv_make(0, BH_BND_PINF);
		}
		break;
	case BH_BND_M_STRLEN:
		if (srco) {
			bh_bnd_val len = bh_bnd_string_len(c, f, in, srco);
			len.v = bh_bnd_itv_div(len.v, bh_bnd_itv_const(m->unit));
			if (m->unit != 1) // the symbol counts bytes, wcslen() characters
				memset(&len.rel, 0, sizeof(len.rel));
			result = len;
		}
		break;
	default:
		break;
	}
	bh_bnd_set_dst(c, f, in, result);
}
