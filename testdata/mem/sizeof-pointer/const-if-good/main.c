/* c.sizeof-pointer, const-if, good: WIPE_KEYS is 1, and the wipe clears
 * the key's length. */
#include <stdlib.h>
#include <string.h>

static const int WIPE_KEYS = 1;

void key_free(unsigned char *key, size_t len)
{
	if (WIPE_KEYS)
		memset(key, 0, len);
	free(key);
}
