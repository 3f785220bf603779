/* c.tainted-index, callee-sink, good: the helper that subscripts is called
 * with a constant; the parsed number is only printed. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

static void bump(unsigned *hist, int k)
{
	hist[k]++;
}

int main(void)
{
	unsigned hist[10] = { 0 };
	char *line = NULL;
	size_t cap = 0;
	int k;

	if (getline(&line, &cap, stdin) > 0 && sscanf(line, "%d", &k) == 1)
		printf("bucket %d requested\n", k);
	bump(hist, 3);
	free(line);
	printf("%u\n", hist[3]);
	return 0;
}
