/* c.memory-leak, single-trip loop, good: each `for` runs exactly once, so
 * the block is allocated once and released once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int greet(const char *name)
{
	char *line = NULL;
	int i;

	for (i = 0; i < 1; i++) {
		line = malloc(strlen(name) + 8);
		if (line == NULL)
			return -1;
	}
	for (i = 0; i < 1; i++) {
		sprintf(line, "hello %s", name);
		puts(line);
		free(line);
	}
	return 0;
}
