/* c.free-non-heap, direct, bad: without a configured name the default is a
 * string literal, and the cleanup frees it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int greet(FILE *out, const char *configured)
{
	char *name = "anonymous";

	if (configured != NULL) {
		name = strdup(configured);
		if (name == NULL)
			return -1;
	}
	fprintf(out, "hello, %s\n", name);
	free(name); /* BH-EXPECT: c.free-non-heap */
	return 0;
}
