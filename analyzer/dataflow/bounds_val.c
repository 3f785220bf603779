// SPDX-License-Identifier: MIT
// Values of the bounds checker: intervals with the evidence of their ends
// (see bh_bnd_val in bounds_internal.h) and the operations that keep
// track of which ends are values the program really computes.
#include "dataflow/bounds_internal.h"

bh_bnd_val bh_bnd_int(bh_bnd_itv v, uint32_t ev)
{
	bh_bnd_val r = { v, 0, ev, 0, 0, 0, 0, { 0, 0, 0, 0 } };
	return r;
}

bh_bnd_val bh_bnd_as_int(bh_bnd_val v)
{
	v.obj = 0;
	return v;
}

// ------------------------------------------------------------ congruence

// A value's congruence: (m >= 2, r) from the value, (0, k) for the
// constant k, else (1, 0): nothing known.
typedef struct {
	uint64_t m;
	int64_t r;
} cong;

static cong cong_of(bh_bnd_val v)
{
	cong c = { 1, 0 };
	if (v.mod >= 2) {
		c.m = v.mod;
		c.r = v.rem;
	} else if (v.v.lo == v.v.hi && bh_bnd_itv_finite(v.v)) {
		c.m = 0;
		c.r = v.v.lo;
	}
	return c;
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static uint64_t absdiff(int64_t a, int64_t b)
{
	return a > b ? (uint64_t)a - (uint64_t)b : (uint64_t)b - (uint64_t)a;
}

// Store congruence (m, r) into v (canonical: mod 0 unless m >= 2).
static bh_bnd_val with_cong(bh_bnd_val v, uint64_t m, int64_t r)
{
	v.mod = v.rem = 0;
	if (m >= 2 && m <= UINT32_MAX / 2) {
		int64_t k = r % (int64_t)m;
		if (k < 0)
			k += (int64_t)m;
		v.mod = (uint32_t)m;
		v.rem = (uint32_t)k;
	}
	return v;
}

static bh_bnd_val join_cong(bh_bnd_val r, bh_bnd_val a, bh_bnd_val b)
{
	cong x = cong_of(a), y = cong_of(b);
	if (x.m == 1 || y.m == 1)
		return with_cong(r, 1, 0);
	uint64_t m = gcd(gcd(x.m, y.m), absdiff(x.r, y.r));
	return with_cong(r, m, x.r);
}

static bh_bnd_val add_cong(bh_bnd_val r, bh_bnd_val a, bh_bnd_val b, bool sub)
{
	cong x = cong_of(a), y = cong_of(b);
	uint64_t m = gcd(x.m, y.m);
	if (m < 2 || x.r > INT32_MAX || x.r < INT32_MIN || y.r > INT32_MAX || y.r < INT32_MIN)
		return with_cong(r, 1, 0);
	return with_cong(r, m, sub ? x.r - y.r : x.r + y.r);
}

static bh_bnd_val mul_cong(bh_bnd_val r, bh_bnd_val a, bh_bnd_val b)
{
	cong x = cong_of(a), y = cong_of(b);
	// (m, r) * k = (m * |k|, r * k); k * k' is exact and in the interval.
	if (x.m == 0 && y.m == 0)
		return with_cong(r, 1, 0);
	if (y.m != 0) {
		cong t = x;
		x = y;
		y = t;
	}
	if (y.m != 0 || x.m < 2 || y.r == 0 || y.r > 1 << 16 || y.r < -(1 << 16) || x.r > INT32_MAX)
		return with_cong(r, 1, 0);
	return with_cong(r, x.m * (uint64_t)(y.r < 0 ? -y.r : y.r), x.r * y.r);
}

bh_bnd_val bh_bnd_val_snap(bh_bnd_val v)
{
	if (v.mod < 2 || bh_bnd_itv_is_empty(v.v))
		return v;
	int64_t m = v.mod, r = v.rem;
	if (v.v.lo != BH_BND_NINF) {
		int64_t k = ((v.v.lo - r) % m + m) % m; // distance above the last allowed value
		if (k && v.v.lo <= BH_BND_PINF - (m - k))
			v.v.lo += m - k;
	}
	if (v.v.hi != BH_BND_PINF) {
		int64_t k = ((v.v.hi - r) % m + m) % m;
		if (v.v.hi >= BH_BND_NINF + k)
			v.v.hi -= k;
	}
	return v;
}

bh_bnd_val bh_bnd_const(int64_t k)
{
	return bh_bnd_int(bh_bnd_itv_const(k), BH_BND_EV_BOTH);
}

bh_bnd_val bh_bnd_top(void)
{
	return bh_bnd_int(bh_bnd_itv_top(), 0);
}

bh_bnd_val bh_bnd_ptr(uint32_t obj, bh_bnd_itv off, uint32_t ev)
{
	bh_bnd_val r = { off, obj, ev, 0, 0, 0, 0, { 0, 0, 0, 0 } };
	return r;
}

// The quality of each end: evidence or growth (see bounds_internal.h).
static uint32_t lo_q(uint32_t ev)
{
	return ev & (BH_BND_EV_LO | BH_BND_GROW_LO);
}

static uint32_t hi_q(uint32_t ev)
{
	return ev & (BH_BND_EV_HI | BH_BND_GROW_HI);
}

// The ends of a result computed from ends that all have a quality.
static uint32_t ends(bh_bnd_itv r, bool lo_ok, bool hi_ok)
{
	uint32_t ev = 0;
	if (lo_ok)
		ev |= r.lo == BH_BND_NINF ? BH_BND_GROW_LO : BH_BND_EV_LO;
	if (hi_ok)
		ev |= r.hi == BH_BND_PINF ? BH_BND_GROW_HI : BH_BND_EV_HI;
	return ev;
}

uint32_t bh_bnd_mark_join(uint32_t a, uint32_t b)
{
	return !a ? b : !b ? a : a < b ? a : b;
}

bh_bnd_val bh_bnd_val_join(bh_bnd_val a, bh_bnd_val b)
{
	bh_bnd_val r = { bh_bnd_itv_join(a.v, b.v), a.obj, 0, 0, 0, 0, 0, { 0, 0, 0, 0 } };
	if (bh_bnd_itv_is_empty(a.v))
		return b;
	if (bh_bnd_itv_is_empty(b.v))
		return a;
	r = join_cong(r, a, b);
	r.input = bh_bnd_mark_join(a.input, b.input);
	r.wrap = bh_bnd_mark_join(a.wrap, b.wrap);
	r.rel = bh_bnd_rel_join(a.rel, b.rel);
	r.ev |= a.v.lo < b.v.lo ? lo_q(a.ev) : b.v.lo < a.v.lo ? lo_q(b.ev) : lo_q(a.ev | b.ev);
	r.ev |= a.v.hi > b.v.hi ? hi_q(a.ev) : b.v.hi > a.v.hi ? hi_q(b.ev) : hi_q(a.ev | b.ev);
	r.ev |= ((a.v.hi >= b.v.hi ? a.ev : 0) | (b.v.hi >= a.v.hi ? b.ev : 0)) & BH_BND_TEST_HI;
	return r;
}

bh_bnd_val bh_bnd_val_meet(bh_bnd_val a, bh_bnd_itv b, uint32_t b_ev)
{
	bh_bnd_itv m = bh_bnd_itv_meet(a.v, b);
	if (bh_bnd_itv_is_empty(m))
		return a;
	if (m.hi < a.v.hi)
		a.ev = (a.ev & ~(uint32_t)(BH_BND_EV_HI | BH_BND_GROW_HI | BH_BND_TEST_HI)) |
		       (b_ev & (BH_BND_EV_HI | BH_BND_GROW_HI | BH_BND_TEST_HI));
	if (m.lo > a.v.lo)
		a.ev = (a.ev & ~(uint32_t)(BH_BND_EV_LO | BH_BND_GROW_LO)) | lo_q(b_ev);
	a.v = m;
	return a;
}

bh_bnd_val bh_bnd_val_widen(bh_bnd_val prev, bh_bnd_val next)
{
	bh_bnd_itv w = bh_bnd_itv_widen(prev.v, next.v);
	uint32_t ev = 0;
	if (w.lo == next.v.lo)
		ev |= lo_q(next.ev);
	else if (lo_q(prev.ev) && lo_q(next.ev))
		ev |= BH_BND_GROW_LO;
	if (w.hi == next.v.hi)
		ev |= hi_q(next.ev) | (next.ev & BH_BND_TEST_HI);
	else if (hi_q(prev.ev) && hi_q(next.ev))
		ev |= BH_BND_GROW_HI;
	next = join_cong(next, prev, next);
	next.v = w;
	next.ev = ev;
	next.input = bh_bnd_mark_join(prev.input, next.input);
	next.wrap = bh_bnd_mark_join(prev.wrap, next.wrap);
	next.rel = bh_bnd_rel_widen(prev.rel, next.rel);
	return next;
}

// Two quantities that both vary usually vary together (a base and an
// index computed from one length): the extremes of their sum are rarely
// reached together, so such a sum has no evidence.
static bool both_vary(bh_bnd_val a, bh_bnd_val b)
{
	return a.v.lo != a.v.hi && b.v.lo != b.v.hi;
}

static const bh_bnd_rel no_rel;

// The constant b is, for relations: a value with a relation plus one
// without keeps the relation only if the other is a known constant.
static bool const_of(bh_bnd_val b, int64_t *k)
{
	return bh_bnd_itv_is_const(b.v, k) && *k != BH_BND_NINF && *k != BH_BND_PINF;
}

// The test mark of the one operand that is not a constant.
static uint32_t tested_hi(bh_bnd_val a, bh_bnd_val b)
{
	int64_t k;
	return const_of(b, &k) ? a.ev & BH_BND_TEST_HI : const_of(a, &k) ? b.ev & BH_BND_TEST_HI : 0;
}

static bh_bnd_rel rel_add(bh_bnd_val a, bh_bnd_val b, bool sub)
{
	int64_t k;
	if (a.rel.sym && const_of(b, &k))
		return bh_bnd_rel_shift(a.rel, sub ? -k : k);
	if (!sub && b.rel.sym && const_of(a, &k))
		return bh_bnd_rel_shift(b.rel, k);
	return no_rel;
}

bh_bnd_val bh_bnd_val_add(bh_bnd_val a, bh_bnd_val b)
{
	bh_bnd_itv r = bh_bnd_itv_add(a.v, b.v);
	bool ok = !both_vary(a, b);
	bh_bnd_val out = add_cong(bh_bnd_int(r, ends(r, ok && lo_q(a.ev) && lo_q(b.ev), ok && hi_q(a.ev) && hi_q(b.ev))),
				  a, b, false);
	out.rel = rel_add(a, b, false);
	out.ev |= tested_hi(a, b);
	return out;
}

bh_bnd_itv bh_bnd_rel_difference(bh_bnd_val a, bh_bnd_val b)
{
	bh_bnd_itv top = bh_bnd_itv_make(BH_BND_NINF, BH_BND_PINF);
	if (!a.rel.sym || a.rel.sym != b.rel.sym || a.rel.k != b.rel.k || (a.rel.upper && b.rel.upper))
		return top;
	int64_t d = (int64_t)a.rel.c - b.rel.c;
	return bh_bnd_itv_make(a.rel.upper ? BH_BND_NINF : d, b.rel.upper ? BH_BND_PINF : d);
}

bh_bnd_val bh_bnd_val_sub(bh_bnd_val a, bh_bnd_val b)
{
	// lo = a.lo - b.hi, hi = a.hi - b.lo, within what their relations to
	// one symbol allow (`len - off` after `if (off > len) return;`).
	bh_bnd_itv r = bh_bnd_itv_sub(a.v, b.v);
	bh_bnd_itv m = bh_bnd_itv_meet(r, bh_bnd_rel_difference(a, b));
	if (!bh_bnd_itv_is_empty(m))
		r = m;
	bool ok = !both_vary(a, b);
	bh_bnd_val out = add_cong(bh_bnd_int(r, ends(r, ok && lo_q(a.ev) && hi_q(b.ev), ok && hi_q(a.ev) && lo_q(b.ev))),
				  a, b, true);
	out.rel = rel_add(a, b, true);
	int64_t k;
	out.ev |= const_of(b, &k) ? a.ev & BH_BND_TEST_HI : 0;
	return out;
}

static bh_bnd_val mul_ends(bh_bnd_val a, bh_bnd_val b);

static bh_bnd_rel rel_mul(bh_bnd_val a, bh_bnd_val b)
{
	int64_t k;
	if (a.rel.sym && const_of(b, &k))
		return bh_bnd_rel_scale(a.rel, k);
	if (b.rel.sym && const_of(a, &k))
		return bh_bnd_rel_scale(b.rel, k);
	return no_rel;
}

bh_bnd_val bh_bnd_val_mul(bh_bnd_val a, bh_bnd_val b)
{
	bh_bnd_val out = mul_ends(a, b);
	out.rel = rel_mul(a, b);
	int64_t k;
	if ((const_of(a, &k) && k > 0) || (const_of(b, &k) && k > 0))
		out.ev |= tested_hi(a, b);
	return out;
}

static bh_bnd_val mul_ends(bh_bnd_val a, bh_bnd_val b)
{
	bh_bnd_itv r = bh_bnd_itv_mul(a.v, b.v);
	int64_t k;
	if (bh_bnd_itv_is_const(a.v, &k) && a.ev == BH_BND_EV_BOTH) {
		bh_bnd_val t = a;
		a = b;
		b = t;
	}
	// Scaling by a constant keeps each end's quality (a negative factor
	// swaps the ends); otherwise the ends of a product come from any pair
	// of ends, which must all have one.
	if (bh_bnd_itv_is_const(b.v, &k) && b.ev == BH_BND_EV_BOTH) {
		bool lo = k >= 0 ? lo_q(a.ev) : hi_q(a.ev), hi = k >= 0 ? hi_q(a.ev) : lo_q(a.ev);
		if (k == 0)
			lo = hi = true;
		return mul_cong(bh_bnd_int(r, ends(r, lo, hi)), a, b);
	}
	bool all = lo_q(a.ev) && hi_q(a.ev) && lo_q(b.ev) && hi_q(b.ev);
	return mul_cong(bh_bnd_int(r, ends(r, all, all)), a, b);
}

bh_bnd_val bh_bnd_val_refine(int op, bool is_unsigned, bool truth, bh_bnd_val a, bh_bnd_val b)
{
	bh_bnd_itv r = bh_bnd_itv_refine(op, is_unsigned, truth, a.v, b.v);
	uint32_t ev = a.ev;
	// A moved end is where the test put it (`i < 10` ends i at 9): evidence
	// if that end of b is, and if a's end was evidence, a loop's growth or
	// input (whose sender can send exactly the bound). An end that moved
	// where no end of b is (an unsigned test moving an unknown lower end
	// to 0) is not.
	if (r.hi < a.v.hi) {
		bool from_b = r.hi == b.v.hi || (b.v.hi != BH_BND_NINF && r.hi == b.v.hi - 1);
		bool q = hi_q(a.ev) || a.input;
		ev = (ev & ~(BH_BND_EV_HI | BH_BND_GROW_HI | BH_BND_TEST_HI)) |
		     (from_b && (b.ev & BH_BND_EV_HI) && q ? BH_BND_EV_HI : 0) |
		     (from_b && (b.ev & (BH_BND_EV_HI | BH_BND_TEST_HI)) && !q ? BH_BND_TEST_HI : 0);
	}
	if (r.lo > a.v.lo) {
		bool from_b = r.lo == b.v.lo || (b.v.lo != BH_BND_PINF && r.lo == b.v.lo + 1);
		ev = (ev & ~(BH_BND_EV_LO | BH_BND_GROW_LO)) |
		     (from_b && (b.ev & BH_BND_EV_LO) && (lo_q(a.ev) || a.input) ? BH_BND_EV_LO : 0);
	}
	bh_bnd_val out = a;
	out.v = r;
	out.ev = ev;
	// `i < 21` on an odd i ends it at 19: the end keeps its evidence.
	return bh_bnd_val_snap(out);
}
