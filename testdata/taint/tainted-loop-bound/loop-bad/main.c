/* c.tainted-loop-bound, loop, bad: inside the read loop, each count
 * scanned with fscanf bounds an inner loop. */
#include <stdio.h>

int main(void)
{
	unsigned n;
	unsigned long total = 0;

	while (fscanf(stdin, "%u", &n) == 1) {

		for (unsigned i = 0; i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
			total += i;
	}
	printf("%lu\n", total);
	return 0;
}
