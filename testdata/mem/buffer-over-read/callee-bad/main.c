/* c.buffer-over-read, callee, bad: the caller has four samples but tells
 * mean() there are eight, so the loop reads past the array. */
static int mean(const int *v, int n)
{
	long sum = 0;
	int i;

	for (i = 0; i < n; i++)
		sum += v[i]; /* BH-EXPECT: c.buffer-over-read */
	return n > 0 ? (int)(sum / n) : 0;
}

int rtt_estimate(int a, int b, int c, int d)
{
	int samples[4] = { a, b, c, d };

	return mean(samples, 8);
}
