/* c.tainted-alloc-size, loop, good: each size is bounded above before the
 * buffer is resized. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[64];
	char *buf = NULL;

	while (fgets(line, sizeof line, stdin) != NULL) {
		long n = strtol(line, NULL, 10);
		if (n <= 0 || n > 1048576)
			continue;
		char *grown = realloc(buf, (size_t)n);
		if (grown == NULL)
			break;
		buf = grown;
	}
	free(buf);
	return 0;
}
