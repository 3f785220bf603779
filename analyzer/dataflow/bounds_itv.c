// SPDX-License-Identifier: MIT
// The interval domain of the bounds checker: closed int64 intervals whose
// ends may be infinite, with saturating arithmetic (a result that leaves
// int64 is unbounded rather than wrong) and the refinement that a
// comparison's outcome gives.
#include <stdio.h>

#include "dataflow/bounds_internal.h"
#include "bulkhead/ir.h"

#define NINF BH_BND_NINF
#define PINF BH_BND_PINF

bh_bnd_itv bh_bnd_itv_make(int64_t lo, int64_t hi)
{
	bh_bnd_itv r = { lo, hi };
	return r;
}

bh_bnd_itv bh_bnd_itv_const(int64_t v)
{
	return bh_bnd_itv_make(v, v);
}

bh_bnd_itv bh_bnd_itv_top(void)
{
	return bh_bnd_itv_make(NINF, PINF);
}

bool bh_bnd_itv_is_top(bh_bnd_itv a)
{
	return a.lo == NINF && a.hi == PINF;
}

bool bh_bnd_itv_is_empty(bh_bnd_itv a)
{
	return a.lo > a.hi;
}

bool bh_bnd_itv_is_const(bh_bnd_itv a, int64_t *v)
{
	if (a.lo != a.hi || a.lo == NINF || a.lo == PINF)
		return false;
	if (v)
		*v = a.lo;
	return true;
}

bool bh_bnd_itv_finite(bh_bnd_itv a)
{
	return a.lo != NINF && a.hi != PINF && a.lo <= a.hi;
}

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static int64_t max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

bh_bnd_itv bh_bnd_itv_join(bh_bnd_itv a, bh_bnd_itv b)
{
	if (bh_bnd_itv_is_empty(a))
		return b;
	if (bh_bnd_itv_is_empty(b))
		return a;
	return bh_bnd_itv_make(min64(a.lo, b.lo), max64(a.hi, b.hi));
}

bh_bnd_itv bh_bnd_itv_meet(bh_bnd_itv a, bh_bnd_itv b)
{
	return bh_bnd_itv_make(max64(a.lo, b.lo), min64(a.hi, b.hi));
}

bh_bnd_itv bh_bnd_itv_widen(bh_bnd_itv prev, bh_bnd_itv next)
{
	if (bh_bnd_itv_is_empty(prev))
		return next;
	if (bh_bnd_itv_is_empty(next))
		return prev;
	return bh_bnd_itv_make(next.lo < prev.lo ? NINF : prev.lo, next.hi > prev.hi ? PINF : prev.hi);
}

// One end of a sum: an infinite operand wins, an overflow saturates
// towards the direction of the end being computed.
static int64_t add_end(int64_t a, int64_t b, int64_t inf)
{
	if (a == inf || b == inf)
		return inf;
	if (a == NINF || a == PINF)
		return a;
	if (b == NINF || b == PINF)
		return b;
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return inf;
	return r;
}

static int64_t neg_end(int64_t a)
{
	if (a == NINF)
		return PINF;
	if (a == PINF)
		return NINF;
	return -a;
}

bh_bnd_itv bh_bnd_itv_neg(bh_bnd_itv a)
{
	if (bh_bnd_itv_is_empty(a))
		return a;
	return bh_bnd_itv_make(neg_end(a.hi), neg_end(a.lo));
}

bh_bnd_itv bh_bnd_itv_add(bh_bnd_itv a, bh_bnd_itv b)
{
	if (bh_bnd_itv_is_empty(a) || bh_bnd_itv_is_empty(b))
		return bh_bnd_itv_make(1, 0);
	// -inf + +inf has no meaning: such an end is unbounded either way.
	int64_t lo = (a.lo == NINF || b.lo == NINF) ? NINF : add_end(a.lo, b.lo, NINF);
	int64_t hi = (a.hi == PINF || b.hi == PINF) ? PINF : add_end(a.hi, b.hi, PINF);
	return bh_bnd_itv_make(lo, hi);
}

bh_bnd_itv bh_bnd_itv_sub(bh_bnd_itv a, bh_bnd_itv b)
{
	return bh_bnd_itv_add(a, bh_bnd_itv_neg(b));
}

// A product of two ends, infinities and overflows saturated by sign
// (0 times an infinity is 0: the end of an interval, not a limit).
static int64_t mul_end(int64_t a, int64_t b)
{
	if (a == 0 || b == 0)
		return 0;
	bool neg = (a < 0) != (b < 0);
	int64_t r;
	if (a == NINF || a == PINF || b == NINF || b == PINF || __builtin_mul_overflow(a, b, &r))
		return neg ? NINF : PINF;
	return r;
}

bh_bnd_itv bh_bnd_itv_mul(bh_bnd_itv a, bh_bnd_itv b)
{
	if (bh_bnd_itv_is_empty(a) || bh_bnd_itv_is_empty(b))
		return bh_bnd_itv_make(1, 0);
	int64_t p[4] = { mul_end(a.lo, b.lo), mul_end(a.lo, b.hi), mul_end(a.hi, b.lo),
			 mul_end(a.hi, b.hi) };
	int64_t lo = p[0], hi = p[0];
	for (int i = 1; i < 4; i++) {
		lo = min64(lo, p[i]);
		hi = max64(hi, p[i]);
	}
	return bh_bnd_itv_make(lo, hi);
}

bh_bnd_itv bh_bnd_itv_div(bh_bnd_itv a, bh_bnd_itv b)
{
	int64_t d;
	if (bh_bnd_itv_is_empty(a) || !bh_bnd_itv_is_const(b, &d) || d <= 0)
		return bh_bnd_itv_top();
	// C division truncates towards zero; a non-negative dividend keeps its sign.
	int64_t lo = a.lo == NINF ? NINF : a.lo / d;
	int64_t hi = a.hi == PINF ? PINF : a.hi / d;
	return bh_bnd_itv_make(lo, hi);
}

bh_bnd_itv bh_bnd_itv_rem(bh_bnd_itv a, bh_bnd_itv b)
{
	int64_t d;
	if (!bh_bnd_itv_is_const(b, &d) || d == 0 || d == NINF)
		return bh_bnd_itv_top();
	if (d < 0)
		d = -d;
	if (!bh_bnd_itv_is_empty(a) && a.lo >= 0)
		return bh_bnd_itv_make(0, a.hi < d ? a.hi : d - 1);
	return bh_bnd_itv_make(-(d - 1), d - 1);
}

bh_bnd_itv bh_bnd_itv_shl(bh_bnd_itv a, bh_bnd_itv b)
{
	int64_t s;
	if (!bh_bnd_itv_is_const(b, &s) || s < 0 || s > 62)
		return bh_bnd_itv_top();
	return bh_bnd_itv_mul(a, bh_bnd_itv_const((int64_t)1 << s));
}

bh_bnd_itv bh_bnd_itv_shr(bh_bnd_itv a, bh_bnd_itv b)
{
	int64_t s;
	if (bh_bnd_itv_is_empty(a) || !bh_bnd_itv_is_const(b, &s) || s < 0 || s > 62 || a.lo < 0)
		return bh_bnd_itv_top();
	return bh_bnd_itv_make(a.lo >> s, a.hi == PINF ? PINF : a.hi >> s);
}

bh_bnd_itv bh_bnd_itv_and(bh_bnd_itv a, bh_bnd_itv b)
{
	// A non-negative mask bounds the result whatever the other side is.
	int64_t hi = PINF;
	if (!bh_bnd_itv_is_empty(a) && a.lo >= 0)
		hi = a.hi;
	if (!bh_bnd_itv_is_empty(b) && b.lo >= 0)
		hi = min64(hi, b.hi);
	if (hi == PINF)
		return bh_bnd_itv_top();
	return bh_bnd_itv_make(0, hi);
}

bh_bnd_itv bh_bnd_itv_min(bh_bnd_itv a, bh_bnd_itv b)
{
	return bh_bnd_itv_make(min64(a.lo, b.lo), min64(a.hi, b.hi));
}

// An unsigned comparison sees a negative value as a huge one: such an
// interval is left alone rather than ordered wrongly.
static bool unsigned_safe(bh_bnd_itv a, bh_bnd_itv b)
{
	return a.lo >= 0 && b.lo >= 0;
}

bh_bnd_itv bh_bnd_itv_compare(int op, bool is_unsigned, bh_bnd_itv a, bh_bnd_itv b)
{
	bh_bnd_itv yes = bh_bnd_itv_const(1), no = bh_bnd_itv_const(0), maybe = bh_bnd_itv_make(0, 1);
	if (bh_bnd_itv_is_empty(a) || bh_bnd_itv_is_empty(b))
		return maybe;
	if (is_unsigned && !unsigned_safe(a, b))
		return maybe;
	switch (op) {
	case BH_IR_BIN_LT:
		return a.hi < b.lo ? yes : a.lo >= b.hi ? no : maybe;
	case BH_IR_BIN_LE:
		return a.hi <= b.lo ? yes : a.lo > b.hi ? no : maybe;
	case BH_IR_BIN_GT:
		return a.lo > b.hi ? yes : a.hi <= b.lo ? no : maybe;
	case BH_IR_BIN_GE:
		return a.lo >= b.hi ? yes : a.hi < b.lo ? no : maybe;
	case BH_IR_BIN_EQ:
		if (a.lo == a.hi && b.lo == b.hi && a.lo == b.lo && bh_bnd_itv_finite(a))
			return yes;
		return a.hi < b.lo || b.hi < a.lo ? no : maybe;
	case BH_IR_BIN_NE:
		if (a.lo == a.hi && b.lo == b.hi && a.lo == b.lo && bh_bnd_itv_finite(a))
			return no;
		return a.hi < b.lo || b.hi < a.lo ? yes : maybe;
	default:
		return maybe;
	}
}

bh_bnd_itv bh_bnd_itv_refine(int op, bool is_unsigned, bool truth, bh_bnd_itv a, bh_bnd_itv b)
{
	if (!truth)
		op = bh_ir_cmp_negate(op);
	if (bh_bnd_itv_is_empty(a) || bh_bnd_itv_is_empty(b))
		return a;
	if (is_unsigned) {
		// `a < b` unsigned with b non-negative: a negative a (a huge
		// unsigned value) fails it, so on its true side a is in [0, b).
		if (b.lo < 0)
			return a;
		// Nothing known below: an unsigned operand, whose negative part
		// is only our signed representation.
		if (a.lo == NINF)
			a.lo = 0;
		if (a.lo < 0) {
			if (op == BH_IR_BIN_LT || op == BH_IR_BIN_LE)
				a.lo = 0;
			else
				return a; // `a >= b` holds for every negative a as well
		}
	}
	switch (op) {
	case BH_IR_BIN_LT:
		if (b.hi != PINF)
			a.hi = min64(a.hi, b.hi == NINF ? NINF : b.hi - 1);
		break;
	case BH_IR_BIN_LE:
		a.hi = min64(a.hi, b.hi);
		break;
	case BH_IR_BIN_GT:
		if (b.lo != NINF)
			a.lo = max64(a.lo, b.lo == PINF ? PINF : b.lo + 1);
		break;
	case BH_IR_BIN_GE:
		a.lo = max64(a.lo, b.lo);
		break;
	case BH_IR_BIN_EQ:
		a = bh_bnd_itv_meet(a, b);
		break;
	case BH_IR_BIN_NE: {
		int64_t v;
		if (bh_bnd_itv_is_const(b, &v)) {
			if (a.lo == v)
				a.lo = v + 1;
			else if (a.hi == v)
				a.hi = v - 1;
		}
		break;
	}
	default:
		break;
	}
	return a;
}

const char *bh_bnd_itv_text(bh_arena *arena, bh_bnd_itv a)
{
	if (bh_bnd_itv_is_empty(a))
		return "no value";
	if (a.lo == a.hi && bh_bnd_itv_finite(a))
		return bh_arena_sprintf(arena, "%lld", (long long)a.lo);
	if (a.lo == NINF && a.hi == PINF)
		return "any value";
	if (a.lo == NINF)
		return bh_arena_sprintf(arena, "at most %lld", (long long)a.hi);
	if (a.hi == PINF)
		return bh_arena_sprintf(arena, "at least %lld", (long long)a.lo);
	return bh_arena_sprintf(arena, "%lld..%lld", (long long)a.lo, (long long)a.hi);
}
