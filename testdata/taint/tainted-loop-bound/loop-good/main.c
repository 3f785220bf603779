/* c.tainted-loop-bound, loop, good: inside the read loop, each scanned
 * count is bounded above before the inner loop. */
#include <stdio.h>

int main(void)
{
	unsigned n;
	unsigned long total = 0;

	while (fscanf(stdin, "%u", &n) == 1) {
		if (n > 100)
			continue;
		for (unsigned i = 0; i < n; i++)
			total += i;
	}
	printf("%lu\n", total);
	return 0;
}
