/* c.memory-leak, func-ptr, bad: a buffer taken from the allocator table
 * (pool_get) is never given back with pool_put. */
#include <stdlib.h>
#include <string.h>

struct allocator {
	void *(*get)(size_t);
	void (*put)(void *);
};

static void *pool_get(size_t n) { return malloc(n); }
static void pool_put(void *p) { free(p); }

static const struct allocator heap_ops = { pool_get, pool_put };

int count_words(const char *s)
{
	size_t n = strlen(s);
	char *w = heap_ops.get(n + 1);
	int words = 0;
	size_t i;

	if (w == NULL)
		return -1;
	memcpy(w, s, n + 1);
	for (i = 0; i < n; i++)
		if (w[i] != ' ' && (i == 0 || w[i - 1] == ' '))
			words++;
	return words; /* BH-EXPECT: c.memory-leak */
}
