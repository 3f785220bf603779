/* c.tainted-loop-bound, local-copy, bad: a retry count from the environment,
 * copied to a local, bounds a loop. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	const char *s = getenv("RETRIES");

	if (s == NULL)
		return 0;
	unsigned long n = strtoul(s, NULL, 10);
	unsigned long m = n;

	for (unsigned long i = 0; i < m; i++) /* BH-EXPECT: c.tainted-loop-bound */
		putchar('.');
	putchar('\n');
	return 0;
}
