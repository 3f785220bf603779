/* c.memory-leak, local-copy, good: the first block is freed through its
 * alias 'old' once it has been copied. */
#include <stdlib.h>
#include <string.h>

char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *out = malloc(la + 1), *old;

	if (out == NULL)
		return NULL;
	memcpy(out, a, la + 1);
	old = out;
	out = malloc(la + lb + 1);
	if (out == NULL) {
		free(old);
		return NULL;
	}
	memcpy(out, old, la);
	memcpy(out + la, b, lb + 1);
	free(old);
	return out;
}
