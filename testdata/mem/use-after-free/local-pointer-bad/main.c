/* c.use-after-free, local pointer, bad: the buffer is kept through one
 * pointer to `buf`, released, and read back through another. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void show(const char *msg)
{
	char *buf = NULL;
	char **in = &buf, **out = &buf;
	char *copy = strdup(msg);

	if (copy == NULL)
		return;
	*in = copy;
	free(copy);
	puts(*out); /* BH-EXPECT: c.use-after-free */
}
