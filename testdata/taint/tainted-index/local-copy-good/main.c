/* c.tainted-index, local-copy, good: the copy of the shard number is
 * checked against both ends of the array before the write. */
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
	if (j < 0 || j >= 16)
		return 2;
	counts[j]++;
	printf("%u\n", counts[0]);
	return 0;
}
