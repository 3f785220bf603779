/* c.tainted-loop-bound, input-loop, good: the loop reads a number for each
 * test and stops at the first of 100 or more (or at the end of input):
 * input decides when to stop, but no count of iterations comes from it. */
#include <stdio.h>
#include <stdlib.h>

static int next_number(void)
{
	char line[64];

	if (!fgets(line, sizeof line, stdin))
		return 100;
	return atoi(line);
}

int main(void)
{
	long total = 0;

	while (next_number() < 100)
		total++;
	printf("%ld\n", total);
	return 0;
}
