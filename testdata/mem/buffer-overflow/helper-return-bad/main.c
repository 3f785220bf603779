/* c.buffer-overflow, helper-return, bad: cache_entries() says the cache
 * has 64 entries, but the global array holds 32. */
#include <string.h>

static short g_cache[32];

static int cache_entries(void)
{
	return 64;
}

void cache_reset(void)
{
	int n = cache_entries();

	memset(g_cache, 0xff, n * sizeof(g_cache[0])); /* BH-EXPECT: c.buffer-overflow */
}
