// SPDX-License-Identifier: MIT
// Integer wrap-around in size computations, on the bounds checker's
// values: c.integer-overflow (CWE-190/680), c.integer-underflow (CWE-191)
// and c.integer-truncation (CWE-197).
//
// The front end gives every `+ - * <<` the width and signedness of the
// type it is computed in, and makes a conversion to a narrower integer
// type an ASSIGN with `bits`. Here the exact result (the operands'
// intervals, computed without limits) is compared with the type's range.
// A result that leaves the range on an end that is evidence (a constant,
// a bound the program tested) or that an input reaches (a number from
// atoi(), ntohl(), a byte from getc(): its sender picks it) wraps on some
// path: the value is marked with the instruction, and the mark follows it
// through copies and arithmetic.
//
// Wrapping alone is often meant (hashes, `while (n--)`), so a mark is
// reported where the value is used as a size: the size of an allocation,
// the length of a copy or a fill, an index or a pointer offset. A
// comparison of the marked value clears the mark: the program checks it
// (`if (total < n)`, `if (total / size != n)`). A signed overflow that
// happens on every path is undefined behaviour and reported where it is.
#include <string.h>

#include "dataflow/bounds_internal.h"

enum {
	WRAP_OVER = 1,
	WRAP_UNDER,
	WRAP_TRUNC,
};

struct bh_bnd_wrap_site {
	uint8_t kind;          // WRAP_*, 0 when the instruction never wrapped
	bool reported;
	bh_bnd_itv exact;      // the value without limits
	bh_bnd_itv range;      // what the type holds
	uint32_t input;        // the input that reached it (bh_bnd_val.input)
};

// What an integer type of `bits` bits holds; 64-bit types hold every
// value the intervals can tell apart.
static bh_bnd_itv type_range(unsigned bits, bool is_unsigned)
{
	if (bits >= 64)
		return bh_bnd_itv_make(is_unsigned ? 0 : BH_BND_NINF, BH_BND_PINF);
	if (is_unsigned)
		return bh_bnd_itv_make(0, (int64_t)((UINT64_C(1) << bits) - 1));
	int64_t half = (int64_t)(UINT64_C(1) << (bits - 1));
	return bh_bnd_itv_make(-half, half - 1);
}

static const char *type_text(unsigned bits, bool is_unsigned)
{
	switch (bits) {
	case 8: return is_unsigned ? "unsigned char" : "signed char";
	case 16: return is_unsigned ? "unsigned short" : "short";
	case 32: return is_unsigned ? "unsigned int" : "int";
	default: return is_unsigned ? "a 64-bit unsigned type" : "a 64-bit type";
	}
}

static struct bh_bnd_wrap_site *site_at(bh_bnd_fctx *c, uint32_t id)
{
	if (!c->wraps) {
		c->wraps = bh_arena_alloc(c->arena, (c->fn->ninstrs + 1) * sizeof(*c->wraps));
		memset(c->wraps, 0, (c->fn->ninstrs + 1) * sizeof(*c->wraps));
	}
	return id < c->fn->ninstrs ? &c->wraps[id] : NULL;
}

// `v` moved by whole turns of a type of `bits` bits into `t`, when all of
// it lies on one side of `t` within one turn: the exact wrapped values.
static bool wrap_exactly(bh_bnd_itv v, bh_bnd_itv t, unsigned bits, bh_bnd_itv *out)
{
	const int64_t far = INT64_C(1) << 62;
	if (bits > 32 || v.lo < -far || v.hi > far)
		return false;
	int64_t turn = INT64_C(1) << bits;
	int64_t k = v.lo > t.hi ? (v.lo - t.lo) / turn : -((t.lo - v.lo + turn - 1) / turn);
	bh_bnd_itv w = bh_bnd_itv_make(v.lo - k * turn, v.hi - k * turn);
	if (w.lo < t.lo || w.hi > t.hi)
		return false;
	*out = w;
	return true;
}

static void report_at_site(bh_bnd_fctx *c, const bh_ir_instr *site, struct bh_bnd_wrap_site *s,
			   const bh_ir_instr *use, const char *role);

bh_bnd_val bh_bnd_wrap(bh_bnd_fctx *c, const bh_ir_instr *in, bh_bnd_val r, bh_bnd_val a, bh_bnd_val b)
{
	bool conversion = in->op == BH_IR_ASSIGN;
	if (!conversion) {
		// A remainder, a mask or a shift down is a deliberate reduction
		// (`h % nbuckets` of a hash that wraps by design): the wrap is
		// not passed on; the input is.
		bool grows = in->sub == BH_IR_BIN_ADD || in->sub == BH_IR_BIN_SUB ||
			     in->sub == BH_IR_BIN_MUL || in->sub == BH_IR_BIN_SHL;
		r.input = bh_bnd_mark_join(a.input, b.input);
		r.wrap = grows ? bh_bnd_mark_join(a.wrap, b.wrap) : 0;
	}
	if (!in->bits || r.obj || a.obj || (!conversion && b.obj) || bh_bnd_itv_is_empty(r.v))
		return r;
	bh_bnd_itv t = type_range(in->bits, in->is_unsigned);
	bh_bnd_itv x = r.v; // the exact result
	if (!conversion && r.input) {
		// An input operand can be any value of the type it is used in.
		if (a.input)
			a.v = bh_bnd_itv_meet(a.v, t);
		if (b.input && in->sub != BH_IR_BIN_SHL)
			b.v = bh_bnd_itv_meet(b.v, t);
		x = in->sub == BH_IR_BIN_ADD ? bh_bnd_itv_add(a.v, b.v)
		  : in->sub == BH_IR_BIN_SUB ? bh_bnd_itv_meet(bh_bnd_itv_sub(a.v, b.v), bh_bnd_rel_difference(a, b))
		  : in->sub == BH_IR_BIN_MUL ? bh_bnd_itv_mul(a.v, b.v)
		  : in->sub == BH_IR_BIN_SHL ? bh_bnd_itv_shl(a.v, b.v)
					     : bh_bnd_itv_meet(x, t);
	}
	// An unsigned operand below zero is a large constant seen as int64
	// (`(size_t)-1`): the exact result is not known.
	if (bh_bnd_itv_is_empty(x) || (!conversion && in->is_unsigned && (a.v.lo < 0 || b.v.lo < 0)))
		return r;
	bool over = x.hi > t.hi, under = x.lo < t.lo;
	// Input the program tested on some side, but not enough. Input it
	// never tested is the taint rules' (c.tainted-alloc-size,
	// c.tainted-length), which report it without an upper bound.
	bool input = (a.input && a.ev & BH_BND_EV_BOTH) || (!conversion && b.input && b.ev & BH_BND_EV_BOTH);
	bool ev_over = over && ((r.ev & BH_BND_EV_HI && x.hi != BH_BND_PINF) || input);
	bool ev_under = under && ((r.ev & BH_BND_EV_LO && x.lo != BH_BND_NINF) || input);
	// Without evidence the ends only say what nothing bounds (a loop
	// counter still growing): the value stays as the interval says.
	if (!ev_over && !ev_under)
		return r;
	bool definite = x.lo > t.hi || x.hi < t.lo;
	bh_bnd_val out = r;
	out.mod = out.rem = 0;
	memset(&out.rel, 0, sizeof(out.rel)); // k * S + c no longer
	if (!(definite && wrap_exactly(x, t, in->bits, &out.v))) {
		out.v = t;
		out.ev = 0;
	}
	struct bh_bnd_wrap_site *s = site_at(c, in->id);
	if (!s)
		return out;
	s->kind = conversion ? WRAP_TRUNC : ev_over ? WRAP_OVER : WRAP_UNDER;
	s->exact = x;
	s->range = t;
	s->input = r.input;
	out.wrap = in->id + 1;
	// A signed overflow on every path is undefined behaviour wherever
	// its value goes.
	if (c->reporting && definite && !conversion && !in->is_unsigned && !input)
		report_at_site(c, in, s, NULL, NULL);
	return out;
}

bh_bnd_itv bh_bnd_var_range(const bh_ir_var *v)
{
	if (v->flags & (BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD | BH_IR_VAR_POINTER) ||
	    (v->size != 1 && v->size != 2 && v->size != 4 && v->size != 8))
		return bh_bnd_itv_top();
	return type_range((unsigned)v->size * 8, v->flags & BH_IR_VAR_UNSIGNED);
}

// ------------------------------------------------------------- reporting

// Where `input` came from, for messages: " (input from atoi() at line 5)",
// " (input from the caller)", or "" when it is 0; `*call` is the call that
// read it, when it is one of this function.
const char *bh_bnd_input_origin(const bh_bnd_fctx *c, uint32_t input, bh_arena *a,
				const bh_ir_instr **call)
{
	*call = NULL;
	if (!input)
		return "";
	const bh_ir_instr *in = input == BH_BND_INPUT_CALLER ? NULL : bh_ir_instr_at(c->fn, input - 1);
	if (!in || in->op != BH_IR_CALL)
		return " (input from the caller)";
	*call = in;
	return bh_arena_sprintf(a, " (input from %s() at line %u)", in->callee.str ? in->callee.str : "?",
				in->loc.line);
}

// The first step of a finding whose value `call` read.
void bh_bnd_add_input_step(bh_findings *out, bh_finding *fd, const bh_ir_instr *call, bh_arena *a)
{
	if (call)
		bh_finding_add_flow(out, fd, call->loc,
				    bh_arena_sprintf(a, "%s() reads a value the sender chooses",
						     call->callee.str ? call->callee.str : "?"));
}

// What the wrapping instruction computes: "'count * 16'", "'len'".
static const char *site_text(const bh_bnd_fctx *c, const bh_ir_instr *site, bh_arena *a)
{
	const char *x = site->nargs ? bh_ir_operand_text(c->fn, site, &site->args[0], a) : NULL;
	if (site->op == BH_IR_ASSIGN)
		return bh_arena_sprintf(a, "'%s'", x ? x : "the value");
	int64_t k;
	const char *y = NULL;
	if (site->nargs > 1) {
		y = bh_ir_operand_text(c->fn, site, &site->args[1], a);
		if (!y && site->args[1].kind == BH_IR_OPND_INT) {
			k = site->args[1].ival;
			y = bh_arena_sprintf(a, "%lld", (long long)k);
		}
	}
	if (!x && site->args[0].kind == BH_IR_OPND_INT)
		x = bh_arena_sprintf(a, "%lld", (long long)site->args[0].ival);
	return bh_arena_sprintf(a, "'%s %s %s'", x ? x : "...",
				bh_ir_binop_spelling((bh_ir_binop)site->sub), y ? y : "...");
}

static void report_at_site(bh_bnd_fctx *c, const bh_ir_instr *site, struct bh_bnd_wrap_site *s,
			   const bh_ir_instr *use, const char *role)
{
	const bh_rule *rule = bh_rule_get(s->kind == WRAP_OVER ? BH_RULE_C_INTEGER_OVERFLOW
					  : s->kind == WRAP_UNDER ? BH_RULE_C_INTEGER_UNDERFLOW
								  : BH_RULE_C_INTEGER_TRUNCATION);
	s->reported = true;
	bh_findings *out = c->prog->out;
	if (bh_bnd_reported(c->prog, rule, &site->loc))
		return; // one finding per rule and place, whatever the context
	bh_arena *a = c->prog->arena;
	const char *what = site_text(c, site, a);
	const char *ty = type_text(site->bits, site->is_unsigned);
	bh_bnd_itv t = s->range, x = s->exact;
	// The side that leaves the type: an overflow past its largest value
	// (a conversion that cuts a large value counts as one), else below.
	bool above = s->kind == WRAP_OVER || (s->kind == WRAP_TRUNC && x.hi > t.hi);
	int64_t k;
	const char *reach = bh_bnd_itv_is_const(x, &k) ? bh_arena_sprintf(a, "%lld", (long long)k)
			  : above ? (x.hi == BH_BND_PINF ? bh_arena_sprintf(a, "larger than %lld", (long long)t.hi)
						     : bh_arena_sprintf(a, "up to %lld", (long long)x.hi))
				  : (x.lo == BH_BND_NINF ? (t.lo == 0 ? "negative"
								      : bh_arena_sprintf(a, "smaller than %lld", (long long)t.lo))
							 : bh_arena_sprintf(a, "as low as %lld", (long long)x.lo));
	const char *values = bh_arena_sprintf(a, "%s %s %s, %s the %s value of %s (%lld)%s", what,
					      bh_bnd_itv_is_const(x, &k) ? "is" : "can be", reach,
					      above ? "past" : "below", above ? "largest" : "smallest", ty,
					      (long long)(above ? t.hi : t.lo),
					      s->kind == WRAP_TRUNC ? ", which it is converted to" : "");
	const bh_ir_instr *src;
	const char *from = bh_bnd_input_origin(c, s->input, a, &src);
	const char *in_ctx = c->ctx ? bh_arena_sprintf(a, " when %s() calls it at line %u",
						       c->ctx->caller ? c->ctx->caller : "?", c->ctx->call.line)
				    : "";
	bh_finding *fd;
	if (use)
		fd = bh_finding_add(out, rule, site->loc, "%s%s%s: the value wraps around, and the wrapped value is %s at line %u",
				    values, from, in_ctx, role, use->loc.line);
	else
		fd = bh_finding_add(out, rule, site->loc, "%s%s: signed overflow is undefined behaviour",
				    values, in_ctx);
	fd->function = bh_arena_strdup(out->arena, c->fn->name);
	fd->snippet = bh_arena_strdup(out->arena, what);
	bh_bnd_add_input_step(out, fd, src, a);
	if (c->ctx)
		bh_finding_add_flow(out, fd, c->ctx->call,
				    bh_arena_sprintf(a, "%s() calls %s() here", c->ctx->caller ? c->ctx->caller : "?",
						     c->fn->name));
	bh_finding_add_flow(out, fd, site->loc,
			    s->kind == WRAP_TRUNC ? "the conversion cuts the value here" : "the computation wraps here");
	if (use)
		bh_finding_add_flow(out, fd, use->loc, bh_arena_sprintf(a, "the wrapped value is %s", role));
}

void bh_bnd_check_wrapped(bh_bnd_fctx *c, const bh_ir_instr *in, bh_bnd_val v, const char *role,
			  bool index, int64_t extent)
{
	if (!c->reporting || !v.wrap || v.obj)
		return;
	// A parameter whose caller's argument wrapped: the wrap is the
	// caller's (and maybe its caller's) to report.
	uint32_t mark = v.wrap;
	while (mark >= BH_BND_WRAP_PARAM && c->ctx && c->ctx->caller_fctx &&
	       mark - BH_BND_WRAP_PARAM < BH_BND_MAX_PARAMS) {
		mark = c->ctx->arg[mark - BH_BND_WRAP_PARAM].wrap;
		c = c->ctx->caller_fctx;
	}
	if (!mark || mark >= BH_BND_WRAP_PARAM || !c->wraps)
		return;
	v.wrap = mark;
	struct bh_bnd_wrap_site *s = site_at(c, v.wrap - 1);
	if (!s || !s->kind || s->reported)
		return;
	// A wrapped index that stays inside its array (a byte cut from an int,
	// used on a 256-entry table) reads a wrong element, not past one.
	if (index && (s->kind == WRAP_TRUNC || (extent >= 0 && s->range.lo >= 0 && s->range.hi < extent)))
		return;
	const bh_ir_instr *site = bh_ir_instr_at(c->fn, v.wrap - 1);
	if (site)
		report_at_site(c, site, s, in, role);
}

void bh_bnd_check_negative_size(bh_bnd_fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o,
				bh_bnd_val v, const char *role)
{
	// Negative on every path with evidence (`n = -1` reaching a copy), or
	// an input the program tested but not enough (`if (len < 2)` before
	// `len - 4`). An input never tested is the taint rules'
	// (c.tainted-length, c.tainted-alloc-size); a value that is negative on some paths only
	// by the look of separate tests (a loop index and a later branch) is
	// too often kept apart by conditions the intervals do not relate.
	if (!c->reporting || v.obj || v.wrap || bh_bnd_itv_is_empty(v.v) || v.v.lo >= 0 ||
	    !((v.ev & BH_BND_EV_LO && v.v.hi < 0) || (v.input && v.ev & BH_BND_EV_BOTH)))
		return;
	// In an unsigned variable, "negative" is a large value that a wrapped
	// computation left, reported where it wrapped.
	const bh_ir_instr *d = o->kind == BH_IR_OPND_VAR ? bh_ir_def_before(c->fn, in, o->var) : NULL;
	if (o->kind == BH_IR_OPND_VAR && o->var < c->fn->nvars &&
	    (c->fn->vars[o->var].flags & BH_IR_VAR_UNSIGNED || (d && d->op == BH_IR_BINOP && d->is_unsigned)))
		return;
	const bh_rule *rule = bh_rule_get(BH_RULE_C_INTEGER_UNDERFLOW);
	bh_findings *out = c->prog->out;
	if (bh_bnd_reported(c->prog, rule, &in->loc))
		return;
	bh_arena *a = c->prog->arena;
	// Name the computation when the operand is a temporary made for it.
	const char *what = bh_ir_operand_text(c->fn, in, o, a);
	if (d && d->op == BH_IR_BINOP && d->nargs == 2 && d->dst.kind == BH_IR_OPND_VAR &&
	    d->dst.var < c->fn->nvars && c->fn->vars[d->dst.var].kind == BH_IR_VAR_TEMP)
		what = site_text(c, d, a);
	else
		what = what ? bh_arena_sprintf(a, "'%s'", what) : "the value";
	const bh_ir_instr *src;
	const char *from = bh_bnd_input_origin(c, v.input, a, &src);
	const char *low = v.v.lo == BH_BND_NINF ? "negative" : bh_arena_sprintf(a, "as low as %lld", (long long)v.v.lo);
	bh_finding *fd = bh_finding_add(out, rule, in->loc,
					"%s, %s, can be %s%s: as a size_t it wraps around to a huge value",
					what, role, low, from);
	fd->function = bh_arena_strdup(out->arena, c->fn->name);
	fd->snippet = bh_arena_strdup(out->arena, what);
	bh_bnd_add_input_step(out, fd, src, a);
	if (d && d->loc.line)
		bh_finding_add_flow(out, fd, d->loc, bh_arena_sprintf(a, "%s is computed here", what));
	bh_finding_add_flow(out, fd, in->loc, bh_arena_sprintf(a, "a negative value is %s here", role));
}

// ---------------------------------------------------------------- inputs

// Library functions whose result is input, and the values it can take.
// No evidence: whoever sends the input picks among them, which is what
// `input` says (an index from input is the taint rules' to report).
typedef struct {
	const char *name;
	int64_t lo, hi;
} input_fn;

// Sorted by name (bsearch).
static const input_fn input_fns[] = {
	{ "_IO_getc", -1, 255 },
	{ "atoi", INT32_MIN, INT32_MAX },
	{ "atol", BH_BND_NINF, BH_BND_PINF },
	{ "atoll", BH_BND_NINF, BH_BND_PINF },
	{ "be16toh", 0, 65535 },
	{ "be32toh", 0, 4294967295 },
	{ "be64toh", 0, BH_BND_PINF },
	{ "fgetc", -1, 255 },
	{ "fgetc_unlocked", -1, 255 },
	{ "getc", -1, 255 },
	{ "getc_unlocked", -1, 255 },
	{ "getchar", -1, 255 },
	{ "getchar_unlocked", -1, 255 },
	{ "le16toh", 0, 65535 },
	{ "le32toh", 0, 4294967295 },
	{ "le64toh", 0, BH_BND_PINF },
	{ "ntohl", 0, 4294967295 },
	{ "ntohs", 0, 65535 },
	{ "rand", 0, 2147483647 },
	{ "random", 0, 2147483647 },
	{ "strtoimax", BH_BND_NINF, BH_BND_PINF },
	{ "strtol", BH_BND_NINF, BH_BND_PINF },
	{ "strtoll", BH_BND_NINF, BH_BND_PINF },
	{ "strtoul", 0, BH_BND_PINF },
	{ "strtoull", 0, BH_BND_PINF },
	{ "strtoumax", 0, BH_BND_PINF },
};

static int cmp_input(const void *key, const void *elem)
{
	return strcmp(key, ((const input_fn *)elem)->name);
}

bool bh_bnd_input_result(const bh_ir_instr *in, bh_bnd_val *out)
{
	if (in->op != BH_IR_CALL || in->callee.kind != BH_IR_OPND_FUNC || !in->callee.str)
		return false;
	const input_fn *m = bsearch(in->callee.str, input_fns, sizeof(input_fns) / sizeof(input_fns[0]),
				    sizeof(input_fns[0]), cmp_input);
	if (!m)
		return false;
	*out = bh_bnd_int(bh_bnd_itv_make(m->lo, m->hi), 0);
	out->input = in->id + 1;
	return true;
}

bool bh_bnd_reads_input_into_args(const char *name)
{
	static const char *const scanners[] = {
		"__isoc23_fscanf", "__isoc23_scanf", "__isoc23_sscanf", "__isoc99_fscanf",
		"__isoc99_scanf", "__isoc99_sscanf", "fscanf", "scanf", "sscanf",
	};
	for (size_t i = 0; name && i < sizeof(scanners) / sizeof(scanners[0]); i++)
		if (strcmp(name, scanners[i]) == 0)
			return true;
	return false;
}

// For the unit test that checks the table's order.
size_t bh_bnd__input_count(void)
{
	return sizeof(input_fns) / sizeof(input_fns[0]);
}

const char *bh_bnd__input_name(size_t i)
{
	return i < bh_bnd__input_count() ? input_fns[i].name : NULL;
}
