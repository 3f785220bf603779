/* c.tainted-loop-bound, direct, bad: a count from the environment bounds a
 * loop. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	long sum = 0;
	const char *s = getenv("ROUNDS");

	if (s == NULL)
		return 2;
	int n = atoi(s);

	for (int i = 0; i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
		sum += i;
	printf("%ld\n", sum);
	return 0;
}
