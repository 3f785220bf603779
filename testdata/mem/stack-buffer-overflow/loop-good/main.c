/* c.stack-buffer-overflow, loop, good: the clearing loop stops at the
 * tenth counter. */
#include <stdio.h>

int digit_histogram(const char *s)
{
	int counts[10];
	int i, best = 0;

	for (i = 0; i < 10; i++)
		counts[i] = 0;
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			counts[*s - '0']++;
	for (i = 1; i < 10; i++)
		if (counts[i] > counts[best])
			best = i;
	return best;
}
