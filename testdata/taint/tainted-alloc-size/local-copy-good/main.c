/* c.tainted-alloc-size, local-copy, good: the copy of the entry count is clamped
 * to 1024 before the calloc. */
#include <stdlib.h>

int main(void)
{
	const char *s = getenv("CACHE_ENTRIES");
	if (s == NULL)
		return 0;
	int n = atoi(s);
	int m = n < 1024 ? n : 1024;
	if (m <= 0)
		return 0;
	long *cache = calloc((size_t)m, sizeof *cache);
	if (cache == NULL)
		return 1;
	free(cache);
	return 0;
}
