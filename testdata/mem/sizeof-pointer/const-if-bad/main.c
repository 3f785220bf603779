/* c.sizeof-pointer, const-if, bad: WIPE_KEYS is 1, and the wipe clears
 * only as many bytes as a pointer has. */
#include <stdlib.h>
#include <string.h>

static const int WIPE_KEYS = 1;

void key_free(unsigned char *key)
{
	if (WIPE_KEYS)
		memset(key, 0, sizeof(key)); /* BH-EXPECT: c.sizeof-pointer */
	free(key);
}
