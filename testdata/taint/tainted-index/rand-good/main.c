/* c.tainted-index, rand, good: the pseudo-random number is reduced modulo
 * the array's length before it indexes it. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void)
{
	int counts[10] = { 0 };
	int slot;

	srand((unsigned)time(NULL));
	slot = rand() % 10;
	if (slot >= 0)
		counts[slot]++;
	printf("%d\n", counts[0]);
	return 0;
}
