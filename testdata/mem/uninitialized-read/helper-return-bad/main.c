/* c.uninitialized-read, helper-return, bad: parse_range() returns the range
 * without its upper bound when the bounds are reversed, and the caller
 * reads it. */
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
	return r;
}

long range_len(long a, long b)
{
	struct range r = parse_range(a, b);

	return r.hi - r.lo; /* BH-EXPECT: c.uninitialized-read */
}
