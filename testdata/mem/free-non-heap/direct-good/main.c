/* c.free-non-heap, direct, good: the default name is duplicated too, so
 * the cleanup always frees heap memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int greet(FILE *out, const char *configured)
{
	char *name = strdup(configured != NULL ? configured : "anonymous");

	if (name == NULL)
		return -1;
	fprintf(out, "hello, %s\n", name);
	free(name);
	return 0;
}
