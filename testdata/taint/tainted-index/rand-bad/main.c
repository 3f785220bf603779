/* c.tainted-index, rand, bad: a pseudo-random number checked only for
 * being negative indexes a ten-element array. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void)
{
	int counts[10] = { 0 };
	int slot;

	srand((unsigned)time(NULL));
	slot = rand();
	if (slot >= 0)
		counts[slot]++; /* BH-EXPECT: c.tainted-index */
	printf("%d\n", counts[0]);
	return 0;
}
