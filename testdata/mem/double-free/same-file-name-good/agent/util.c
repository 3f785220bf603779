/* c.double-free, same-file-name, good: two files named util.c each have
 * a static release(); this one frees its argument. */
#include <stdlib.h>

static void release(char *p)
{
	free(p);
}

void agent_drop(char *p)
{
	release(p);
}
