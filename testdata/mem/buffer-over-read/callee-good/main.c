/* c.buffer-over-read, callee, good: mean() is given the number of
 * samples the array holds. */
static int mean(const int *v, int n)
{
	long sum = 0;
	int i;

	for (i = 0; i < n; i++)
		sum += v[i];
	return n > 0 ? (int)(sum / n) : 0;
}

int rtt_estimate(int a, int b, int c, int d)
{
	int samples[4] = { a, b, c, d };

	return mean(samples, (int)(sizeof(samples) / sizeof(samples[0])));
}
