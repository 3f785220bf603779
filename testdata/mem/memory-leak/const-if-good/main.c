/* c.memory-leak, const-if, good: USE_CACHE is 1, so the key always goes to
 * the cache slot (a global), which owns it. */
#include <stdlib.h>
#include <string.h>

#define USE_CACHE 1

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
	return n;
}

const char *cached(void)
{
	return cache_slot;
}
