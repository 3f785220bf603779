/* c.tainted-alloc-size, callee-sink, bad: a size parsed with sscanf from a line
 * of stdin reaches malloc inside a helper. */
#include <stdio.h>
#include <stdlib.h>

static char *make_buffer(size_t n)
{
	return malloc(n); /* BH-EXPECT: c.tainted-alloc-size */
}

int main(void)
{
	char line[64];
	size_t n;

	if (fgets(line, sizeof line, stdin) == NULL || sscanf(line, "%zu", &n) != 1)
		return 1;
	char *buf = make_buffer(n);
	if (buf == NULL)
		return 1;
	free(buf);
	return 0;
}
