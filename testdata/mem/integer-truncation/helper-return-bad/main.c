/* c.integer-truncation, helper-return, bad: parse_size() returns a long
 * from the environment; the caller checks it with `n < 0 || n > 100000` and keeps it
 * in a short that sizes the allocation. */
#include <stdlib.h>

static long parse_size(void)
{
	const char *s = getenv("CACHE_SIZE");
	return s ? strtol(s, NULL, 10) : 64;
}

char *make_cache(void)
{
	long n = parse_size();
	if (n < 0 || n > 100000)
		return NULL;
	short size = n; /* BH-EXPECT: c.integer-truncation */
	return malloc(size);
}
