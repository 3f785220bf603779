/* c.uninitialized-read, helper-return, good: parse_range() sets both bounds
 * on every path. */
struct range {
	long lo;
	long hi;
};

static struct range parse_range(long a, long b)
{
	struct range r;

	r.lo = a;
	if (b >= a)
		r.hi = b;
	else
		r.hi = a;
	return r;
}

long range_len(long a, long b)
{
	struct range r = parse_range(a, b);

	return r.hi - r.lo;
}
