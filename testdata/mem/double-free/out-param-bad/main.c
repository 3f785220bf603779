/* c.double-free, out parameter, bad: discard() releases the buffer its
 * caller's pointer points to, and handle() has released it already. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void discard(char **buf)
{
	char *p = *buf;

	free(p); /* BH-EXPECT: c.double-free */
}

int handle(const char *msg)
{
	char *copy = strdup(msg);

	if (copy == NULL)
		return -1;
	puts(copy);
	free(copy);
	discard(&copy);
	return 0;
}
