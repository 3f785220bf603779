/* c.free-non-heap, const-if, good: the work area is only freed when it
 * came from malloc (USE_HEAP, 0 here). */
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
	if (USE_HEAP)
		free(work);
	return h;
}
