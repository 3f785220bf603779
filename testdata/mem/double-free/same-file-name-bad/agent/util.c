/* c.double-free, same-file-name, bad: two files named util.c each have
 * a static release(); this one only clears its argument. */
#include <string.h>

static void release(char *p)
{
	memset(p, 0, 16);
}

void agent_clear(char *p)
{
	release(p);
}
