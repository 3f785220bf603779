/* c.free-non-heap, const-if, bad: USE_HEAP is 0, so the work area is the
 * stack array, and it is freed unconditionally. */
#include <stdlib.h>
#include <string.h>

static const int USE_HEAP = 0;

unsigned hash_key(const char *key)
{
	char local[128];
	char *work = USE_HEAP ? malloc(128) : local;
	unsigned h = 5381;
	size_t i;

	if (work == NULL)
		return 0;
	strncpy(work, key, 127);
	work[127] = '\0';
	for (i = 0; work[i] != '\0'; i++)
		h = h * 33 + (unsigned char)work[i];
	free(work); /* BH-EXPECT: c.free-non-heap */
	return h;
}
