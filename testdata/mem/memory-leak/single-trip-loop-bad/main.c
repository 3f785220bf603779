/* c.memory-leak, single-trip loop, bad: the first loop runs twice, so the
 * block of its first pass is lost when the second pass overwrites `line`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int greet(const char *name)
{
	char *line = NULL;
	int i;

	for (i = 0; i < 2; i++) {
		line = malloc(strlen(name) + 8); /* BH-EXPECT: c.memory-leak */
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
