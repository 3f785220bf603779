/* c.stack-buffer-overflow, loop, bad: the histogram has ten counters but
 * the clearing loop runs to i <= 10. */
#include <stdio.h>

int digit_histogram(const char *s)
{
	int counts[10];
	int i, best = 0;

	for (i = 0; i <= 10; i++)
		counts[i] = 0; /* BH-EXPECT: c.stack-buffer-overflow */
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			counts[*s - '0']++;
	for (i = 1; i < 10; i++)
		if (counts[i] > counts[best])
			best = i;
	return best;
}
