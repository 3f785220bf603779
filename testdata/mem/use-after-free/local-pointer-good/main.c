/* c.use-after-free, local pointer, good: the buffer kept through one
 * pointer to `buf` is read back through another, then released. */
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
	puts(*out);
	free(*out);
}
