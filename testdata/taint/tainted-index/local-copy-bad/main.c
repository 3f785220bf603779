/* c.tainted-index, local-copy, bad: a shard number from the environment,
 * copied to a local, is the subscript of a write. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	static unsigned counts[16];
	const char *s = getenv("SHARD");

	if (s == NULL)
		return 0;
	long k = strtol(s, NULL, 10);
	long j = k;

	counts[j]++; /* BH-EXPECT: c.tainted-index */
	printf("%u\n", counts[0]);
	return 0;
}
