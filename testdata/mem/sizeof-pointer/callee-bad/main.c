/* c.sizeof-pointer, callee, bad: the parameter is declared as an array,
 * but C passes a pointer: sizeof gives 8, not 32. */
#include <string.h>

static void wipe_key(unsigned char key[32])
{
	memset(key, 0, sizeof key); /* BH-EXPECT: c.sizeof-pointer */
}

void session_close(unsigned char *session_key)
{
	wipe_key(session_key);
}
