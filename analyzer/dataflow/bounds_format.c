// SPDX-License-Identifier: MIT
// How many characters a printf format writes (sprintf, vsprintf and
// their _chk forms), for the bounds checker: the literal text, and for
// each conversion what its argument's value allows: a string's length
// (`%s`, cut by a precision), the digits of an integer's interval (`%d`
// of 0..999 is 1 to 3 characters), a width as the least. A conversion
// nothing bounds (`%f`, a `*` width of unknown value, an integer nothing
// bounds beyond its type) counts its least and takes the evidence of the
// largest end away, so that only a certain overflow is reported.
#include <string.h>

#include "dataflow/bounds_internal.h"

typedef struct {
	int64_t lo, hi;       // characters, hi BH_BND_PINF when unbounded
	bool hi_ev;           // every part's largest length is a value of some path
} fmt_len;

static void add(fmt_len *m, int64_t lo, int64_t hi, bool hi_ev)
{
	m->lo += lo;
	m->hi = m->hi == BH_BND_PINF || hi == BH_BND_PINF || hi > (1 << 30) ? BH_BND_PINF : m->hi + hi;
	m->hi_ev = m->hi_ev && hi_ev && hi != BH_BND_PINF;
	if (m->lo > (1 << 30))
		m->lo = 1 << 30;
}

// Digits of |x| in `base`.
static int64_t digits(uint64_t x, unsigned base)
{
	int64_t n = 1;
	while (x >= base) {
		x /= base;
		n++;
	}
	return n;
}

static uint64_t magnitude(int64_t x)
{
	return x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
}

// The characters of integer `v` printed in `base` (signed: with a '-' for
// negative values), at most `type_max` characters for a value nothing
// bounds.
static void integer_len(fmt_len *m, bh_bnd_val v, unsigned base, bool is_signed, int64_t type_max)
{
	if (v.obj || bh_bnd_itv_is_empty(v.v) || v.v.lo == BH_BND_NINF || v.v.hi == BH_BND_PINF ||
	    (!is_signed && v.v.lo < 0)) {
		add(m, 1, type_max, false);
		return;
	}
	int64_t lo_n = digits(magnitude(v.v.lo), base) + (v.v.lo < 0 && is_signed);
	int64_t hi_n = digits(magnitude(v.v.hi), base) + (v.v.hi < 0 && is_signed);
	int64_t most = lo_n > hi_n ? lo_n : hi_n;
	// The fewest: the value nearest 0 in the interval.
	int64_t near = v.v.lo > 0 ? v.v.lo : v.v.hi < 0 ? v.v.hi : 0;
	int64_t least = digits(magnitude(near), base) + (near < 0 && is_signed);
	// The longest is printed from the end with more digits: its evidence.
	add(m, least, most, (v.ev & (lo_n > hi_n ? BH_BND_EV_LO : BH_BND_EV_HI)) != 0);
}

// The argument operand `*next` of `in`, or NULL (va_list, or too few).
static const bh_ir_opnd *take_arg(const bh_ir_instr *in, int *next)
{
	if (*next < 0 || (uint32_t)*next >= in->nargs)
		return NULL;
	return &in->args[(*next)++];
}

bh_bnd_val bh_bnd_format_len(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, int fmt_arg,
			     int first_arg)
{
	bh_bnd_val unknown = bh_bnd_int(bh_bnd_itv_make(0, BH_BND_PINF), 0);
	if (fmt_arg < 0 || (uint32_t)fmt_arg >= in->nargs || in->args[fmt_arg].kind != BH_IR_OPND_STR ||
	    !in->args[fmt_arg].str)
		return unknown;
	const char *s = in->args[fmt_arg].str;
	size_t len = strnlen(s, in->args[fmt_arg].len);
	fmt_len m = { 0, 0, true };
	int next = first_arg;
	for (size_t i = 0; i < len;) {
		if (s[i] != '%') {
			add(&m, 1, 1, true);
			i++;
			continue;
		}
		i++;
		while (i < len && strchr("-+ #0'", s[i]))
			i++;
		int64_t width = 0, prec = -1;
		bool width_known = true;
		if (i < len && s[i] == '*') {
			const bh_ir_opnd *w = take_arg(in, &next);
			bh_bnd_val wv = w ? bh_bnd_eval(c, f, w) : bh_bnd_top();
			int64_t k;
			if (bh_bnd_itv_is_const(wv.v, &k) && k >= 0 && k < (1 << 20))
				width = k;
			else
				width_known = false;
			i++;
		}
		while (i < len && s[i] >= '0' && s[i] <= '9' && width < (1 << 20))
			width = width * 10 + (s[i++] - '0');
		if (i < len && s[i] == '.') {
			i++;
			prec = 0;
			if (i < len && s[i] == '*') {
				const bh_ir_opnd *p = take_arg(in, &next);
				bh_bnd_val pv = p ? bh_bnd_eval(c, f, p) : bh_bnd_top();
				int64_t k;
				prec = bh_bnd_itv_is_const(pv.v, &k) && k >= 0 && k < (1 << 20) ? k : -1;
				i++;
			}
			while (i < len && s[i] >= '0' && s[i] <= '9' && prec < (1 << 20))
				prec = prec * 10 + (s[i++] - '0');
		}
		bool longs = false; // a 64-bit argument: l, ll, j, z, t
		for (; i < len && strchr("hlLqjzt", s[i]); i++)
			longs |= s[i] != 'h';
		if (i >= len)
			return unknown;
		char conv = s[i++];
		fmt_len part = { 0, 0, true };
		const bh_ir_opnd *a = conv == '%' ? NULL : take_arg(in, &next);
		bh_bnd_val v = a ? bh_bnd_eval(c, f, a) : bh_bnd_top();
		switch (conv) {
		case '%':
		case 'c':
			add(&part, 1, 1, true);
			break;
		case 's': {
			bh_bnd_val sl = a ? bh_bnd_string_len(c, f, in, a) : unknown;
			int64_t lo = sl.v.lo < 0 ? 0 : sl.v.lo, hi = sl.v.hi;
			bool ev = (sl.ev & BH_BND_EV_HI) != 0;
			if (prec >= 0) {
				lo = lo < prec ? lo : prec;
				if (hi == BH_BND_PINF || hi >= prec) {
					hi = prec;
					ev = true;
				}
			}
			add(&part, lo, hi, ev);
			break;
		}
		case 'd':
		case 'i':
			integer_len(&part, v, 10, true, longs ? 20 : 11);
			break;
		case 'u':
			integer_len(&part, v, 10, false, longs ? 20 : 10);
			break;
		case 'x':
		case 'X':
			integer_len(&part, v, 16, false, longs ? 16 : 8);
			break;
		case 'o':
			integer_len(&part, v, 8, false, longs ? 22 : 11);
			break;
		case 'p':
			add(&part, 3, 18, false);
			break;
		case 'n':
			break;
		default: // floating point and the rest: at least one character
			add(&part, 1, BH_BND_PINF, false);
			break;
		}
		if (!width_known) {
			part.hi = BH_BND_PINF;
			part.hi_ev = false;
		}
		if (part.lo < width)
			part.lo = width;
		if (part.hi != BH_BND_PINF && part.hi < width)
			part.hi = width;
		add(&m, part.lo, part.hi, part.hi_ev);
	}
	return bh_bnd_int(bh_bnd_itv_make(m.lo, m.hi), BH_BND_EV_LO | (m.hi_ev ? BH_BND_EV_HI : 0));
}
