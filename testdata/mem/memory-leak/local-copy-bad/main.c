/* c.memory-leak, local-copy, bad: the buffer is grown by hand; 'old' keeps
 * the first block, which is never freed. */
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
	return out; /* BH-EXPECT: c.memory-leak */
}
