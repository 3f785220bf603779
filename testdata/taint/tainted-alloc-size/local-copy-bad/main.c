/* c.tainted-alloc-size, local-copy, bad: an entry count from the environment,
 * copied to a local, sizes a calloc. */
#include <stdlib.h>

int main(void)
{
	const char *s = getenv("CACHE_ENTRIES");
	if (s == NULL)
		return 0;
	int n = atoi(s);
	int m = n;
	long *cache = calloc((size_t)m, sizeof *cache); /* BH-EXPECT: c.tainted-alloc-size */
	if (cache == NULL)
		return 1;
	free(cache);
	return 0;
}
