/* c.tainted-alloc-size, loop, bad: each line of standard input resizes a
 * buffer to the size it names. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[64];
	char *buf = NULL;

	while (fgets(line, sizeof line, stdin) != NULL) {
		long n = strtol(line, NULL, 10);

		char *grown = realloc(buf, (size_t)n); /* BH-EXPECT: c.tainted-alloc-size */
		if (grown == NULL)
			break;
		buf = grown;
	}
	free(buf);
	return 0;
}
