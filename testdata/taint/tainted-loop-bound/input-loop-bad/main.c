/* c.tainted-loop-bound, input-loop, bad: a count read from standard input
 * bounds the loop. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[64];
	long total = 0;
	int i, n;

	if (!fgets(line, sizeof line, stdin))
		return 1;
	n = atoi(line);
	for (i = 0; i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
		total += i;
	printf("%ld\n", total);
	return 0;
}
