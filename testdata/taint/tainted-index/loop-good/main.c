/* c.tainted-index, loop, good: each scanned number is checked against
 * both ends of the array before the write. */
#include <stdio.h>

int main(void)
{
	unsigned votes[5] = { 0 };
	int k;

	while (scanf("%d", &k) == 1)
		if (k >= 0 && k < 5)
			votes[k]++;
	for (int i = 0; i < 5; i++)
		printf("%d: %u\n", i, votes[i]);
	return 0;
}
