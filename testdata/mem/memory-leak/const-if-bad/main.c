/* c.memory-leak, const-if, bad: USE_CACHE is 0, so the key is never stored
 * in the cache slot and leaks. */
#include <stdlib.h>
#include <string.h>

#define USE_CACHE 0

static char *cache_slot;

int remember(const char *name)
{
	char *key = strdup(name);
	int n;

	if (key == NULL)
		return -1;
	n = (int)strlen(key);
	if (USE_CACHE) {
		free(cache_slot);
		cache_slot = key;
	}
	return n; /* BH-EXPECT: c.memory-leak */
}

const char *cached(void)
{
	return cache_slot;
}
