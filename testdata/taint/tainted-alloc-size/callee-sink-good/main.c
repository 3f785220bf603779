/* c.tainted-alloc-size, callee-sink, good: the allocating helper is called with
 * a constant; the parsed size is only printed. */
#include <stdio.h>
#include <stdlib.h>

static char *make_buffer(size_t n)
{
	return malloc(n);
}

int main(void)
{
	char line[64];
	size_t n;

	if (fgets(line, sizeof line, stdin) == NULL || sscanf(line, "%zu", &n) != 1)
		return 1;
	printf("asked for %zu bytes\n", n);
	char *buf = make_buffer(4096);
	if (buf == NULL)
		return 1;
	free(buf);
	return 0;
}
