/* c.double-free, out parameter, good: discard() releases the buffer its
 * caller's pointer points to, the only release of it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void discard(char **buf)
{
	char *p = *buf;

	free(p);
}

int handle(const char *msg)
{
	char *copy = strdup(msg);

	if (copy == NULL)
		return -1;
	puts(copy);
	discard(&copy);
	return 0;
}
