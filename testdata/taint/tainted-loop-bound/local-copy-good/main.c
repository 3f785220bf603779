/* c.tainted-loop-bound, local-copy, good: the copy of the retry count is clamped
 * to 10 before the loop. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	const char *s = getenv("RETRIES");

	if (s == NULL)
		return 0;
	unsigned long n = strtoul(s, NULL, 10);
	unsigned long m = n;
	m = m < 10 ? m : 10;
	for (unsigned long i = 0; i < m; i++)
		putchar('.');
	putchar('\n');
	return 0;
}
