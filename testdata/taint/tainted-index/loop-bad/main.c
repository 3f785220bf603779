/* c.tainted-index, loop, bad: each number scanned in the loop is the
 * subscript of a write. */
#include <stdio.h>

int main(void)
{
	unsigned votes[5] = { 0 };
	int k;

	while (scanf("%d", &k) == 1)
		votes[k]++; /* BH-EXPECT: c.tainted-index */
	for (int i = 0; i < 5; i++)
		printf("%d: %u\n", i, votes[i]);
	return 0;
}
