/* c.buffer-under-read, loop, good: the delta loop starts at i = 1. */
#include <stdio.h>

int max_delta(FILE *fp)
{
	int samples[8];
	int i, d, best = 0;

	for (i = 0; i < 8; i++)
		if (fscanf(fp, "%d", &samples[i]) != 1)
			return -1;
	for (i = 1; i < 8; i++) {
		d = samples[i] - samples[i - 1];
		if (d > best)
			best = d;
	}
	return best;
}
