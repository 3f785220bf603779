/* c.uninitialized-read, local-copy, bad: the limits are copied from a
 * partly filled default, and the copy's burst, never set, is used. */
struct limits {
	int rate;
	int burst;
};

int effective_burst(int rate)
{
	struct limits defaults;
	struct limits cur;

	defaults.rate = rate;
	cur = defaults;
	return cur.burst * 2; /* BH-EXPECT: c.uninitialized-read */
}
