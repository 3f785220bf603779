/* c.sizeof-pointer, callee, good: the callee gets the key's length as a
 * parameter. */
#include <string.h>

#define KEY_LEN 32

static void wipe_key(unsigned char *key, size_t len)
{
	memset(key, 0, len);
}

void session_close(unsigned char *session_key)
{
	wipe_key(session_key, KEY_LEN);
}
