/* c.uninitialized-read, local-copy, good: every field of the default is
 * set before it is copied. */
struct limits {
	int rate;
	int burst;
};

int effective_burst(int rate)
{
	struct limits defaults;
	struct limits cur;

	defaults.rate = rate;
	defaults.burst = rate / 2;
	cur = defaults;
	return cur.burst * 2;
}
