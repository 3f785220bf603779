/* c.tainted-index, callee-sink, bad: a number parsed with sscanf from a
 * getline line reaches a subscript inside a helper. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

static void bump(unsigned *hist, int k)
{
	hist[k]++; /* BH-EXPECT: c.tainted-index */
}

int main(void)
{
	unsigned hist[10] = { 0 };
	char *line = NULL;
	size_t cap = 0;
	int k;

	if (getline(&line, &cap, stdin) > 0 && sscanf(line, "%d", &k) == 1)
		bump(hist, k);
	free(line);
	printf("%u\n", hist[3]);
	return 0;
}
